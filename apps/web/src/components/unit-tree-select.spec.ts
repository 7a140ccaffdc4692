import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { settle, withPlugins } from '@/test-utils/mount';
import UnitTreeSelect, { type UnitTreeNode } from './unit-tree-select.vue';

const leaf = (id: string, name: string): UnitTreeNode => ({ id, name, children: [] });
// 市中心 › 鼓楼区中心 › (东街口站, 鼓东街道站 › 鼓东社区站); 市中心 › 台江区中心 (collapsed at first).
const TREE: UnitTreeNode[] = [
  {
    id: 'city',
    name: '市消费者维权中心',
    children: [
      {
        id: 'gl',
        name: '鼓楼区消费者维权中心',
        children: [
          leaf('gl-1', '东街口百货企业消费维权服务站'),
          { id: 'gl-2', name: '鼓东街道消费维权服务站', children: [leaf('gl-2-1', '鼓东社区消费维权服务站')] },
        ],
      },
      { id: 'tj', name: '台江区消费者维权中心', children: [leaf('tj-1', '万达广场企业消费维权服务站')] },
    ],
  },
];

describe('UnitTreeSelect (the 分流 unit tree by keyboard)', () => {
  let wrapper: VueWrapper;

  afterEach(() => wrapper?.unmount());

  async function setup() {
    const state = { value: null as string | null };
    wrapper = mount(UnitTreeSelect, {
      global: withPlugins(),
      attachTo: document.body,
      props: {
        data: TREE,
        label: '下级中心 / 站点',
        expandedKeys: ['city', 'gl'],
        modelValue: null,
        'onUpdate:modelValue': (v: string | null | undefined) => {
          state.value = v ?? null;
          void wrapper.setProps({ modelValue: v });
        },
      },
    });
    await settle();
    return state;
  }

  const input = (): HTMLInputElement => wrapper.find('input').element as HTMLInputElement;
  const focused = (): string | undefined => (document.activeElement as HTMLElement | null)?.dataset?.key;
  const item = (key: string): HTMLElement => document.querySelector<HTMLElement>(`[role=treeitem][data-key="${key}"]`)!;

  function key(target: Element, name: string): void {
    target.dispatchEvent(
      new KeyboardEvent('keydown', { key: name, code: name === ' ' ? 'Space' : name, bubbles: true }),
    );
  }

  async function press(name: string): Promise<void> {
    key(document.activeElement ?? document.body, name);
    await settle();
  }

  /** Presses each key in turn; the node focused after each. */
  async function walk(keys: string[]): Promise<(string | undefined)[]> {
    const seen: (string | undefined)[] = [];
    for (const k of keys) {
      await press(k);
      seen.push(focused());
    }
    return seen;
  }

  async function open(): Promise<void> {
    input().focus();
    await settle();
    key(input(), 'ArrowDown'); // closed: el-select opens the tree, the focus stays in the filter box
    await settle();
  }

  async function typeFilter(text: string): Promise<void> {
    input().value = text;
    input().dispatchEvent(new Event('input'));
    await settle();
  }

  it('opens with the focus in the filter box; Down/Up walk the visible nodes; Enter picks and announces', async () => {
    const state = await setup();
    await open();
    expect(document.activeElement).toBe(input());
    // 鼓东社区 sits under the closed 鼓东街道 node: skipped; after 鼓东街道 comes 台江区.
    expect(await walk(['ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowDown', 'ArrowUp'])).toEqual([
      'city',
      'gl',
      'gl-1',
      'gl-2',
      'tj',
      'gl-2',
    ]);
    await press('Enter');
    expect(state.value).toBe('gl-2');
    expect(document.activeElement).toBe(input());
    expect(wrapper.find('[data-testid="unit-picked"]').text()).toBe('已选择：鼓东街道消费维权服务站');
    expect(item('gl-2').getAttribute('aria-selected')).toBe('true');
    expect(item('gl-1').getAttribute('aria-selected')).toBe('false');
    expect(document.querySelector('[role=tree]')?.getAttribute('aria-label')).toBe('下级中心 / 站点');
  }, 30_000);

  it('Right opens a node then steps into it, Left closes it then steps to the parent; neither picks', async () => {
    const state = await setup();
    await open();
    item('tj').focus();
    expect(await walk(['ArrowRight'])).toEqual(['tj']);
    expect(item('tj').getAttribute('aria-expanded')).toBe('true');
    expect(await walk(['ArrowRight', 'ArrowLeft', 'ArrowLeft'])).toEqual(['tj-1', 'tj', 'tj']);
    expect(item('tj').getAttribute('aria-expanded')).toBe('false');
    expect(state.value).toBe(null);
    // Space picks like Enter.
    await press(' ');
    expect(state.value).toBe('tj');
  }, 30_000);

  it('typing filters: Down reaches only the matches and their parents; Enter in the box picks the first match', async () => {
    const state = await setup();
    await open();
    await typeFilter('鼓东街道');
    // Down wraps: 东街口 and 台江区 are filtered out.
    expect(await walk(['ArrowDown', 'End', 'ArrowDown'])).toEqual(['city', 'gl-2', 'city']);
    // Typing in the tree goes to the filter box.
    await press('Backspace');
    expect(document.activeElement).toBe(input());
    await typeFilter('鼓东街'); // what the Backspace leaves in the box
    await press('Enter');
    expect(state.value).toBe('gl-2');
    // Escape in the tree closes it and goes back to the filter box (the dialog around it stays open).
    await open();
    await press('ArrowDown');
    expect(focused()).toBe('city');
    await press('Escape');
    expect(document.activeElement).toBe(input());
  }, 30_000);
});
