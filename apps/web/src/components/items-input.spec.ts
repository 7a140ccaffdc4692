import { afterEach, describe, expect, it } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { settle, withPlugins } from '@/test-utils/mount';
import ItemsInput from './items-input.vue';

const SUGGESTIONS = ['购物凭证', '身份证明', '产品照片'];

describe('ItemsInput (一次性告知 materials)', () => {
  let wrapper: VueWrapper;

  afterEach(() => wrapper?.unmount());

  function setup(initial: string[] = []) {
    const state = { items: initial, submits: 0 };
    wrapper = mount(ItemsInput, {
      ...withPlugins(),
      attachTo: document.body,
      props: {
        suggestions: SUGGESTIONS,
        modelValue: initial,
        'onUpdate:modelValue': (v: string[]) => {
          state.items = v;
          void wrapper.setProps({ modelValue: v });
        },
        onSubmit: () => (state.submits += 1),
      },
    });
    return state;
  }

  const input = (): HTMLInputElement => wrapper.find('input').element as HTMLInputElement;

  async function typeText(value: string): Promise<void> {
    input().focus();
    input().value = value;
    input().dispatchEvent(new Event('input'));
    await settle();
  }

  async function press(key: string, ctrlKey = false): Promise<void> {
    input().dispatchEvent(new KeyboardEvent('keydown', { key, code: key, ctrlKey, bubbles: true }));
    await settle();
  }

  it('Enter takes the matching suggestion, not the typed fragment, and keeps the first character', async () => {
    const state = setup();
    await typeText('购物');
    await press('Enter');
    expect(state.items).toEqual(['购物凭证']);
    expect(input().value).toBe('');
  });

  it('Enter adds what was typed when no suggestion matches', async () => {
    const state = setup(['购物凭证']);
    await typeText('维修记录单');
    await press('Enter');
    expect(state.items).toEqual(['购物凭证', '维修记录单']);
  });

  it('Ctrl+Enter submits and adds nothing', async () => {
    const state = setup(['身份证明']);
    await typeText('产品');
    await press('Enter', true);
    expect(state.submits).toBe(1);
    expect(state.items).toEqual(['身份证明']);
  });

  it('removes an item with its close button', async () => {
    const state = setup(['身份证明', '产品照片']);
    await wrapper.find('.el-tag__close').trigger('click');
    expect(state.items).toEqual(['产品照片']);
  });
});
