import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import {
  ApiClientsDocument,
  IssueApiKeyDocument,
  OrgUnitsDocument,
  type ApiClientRowFragment,
} from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...args), authorizedFetch: vi.fn() }));
const { default: ApiClientList } = await import('./index.vue');

const SECRET = 'wq_Ab12Cd34Ef56_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';
const client: ApiClientRowFragment = {
  id: '7',
  name: '榕城 12345 热线',
  unitId: '2',
  unitName: '鼓楼区消费者维权中心',
  operations: ['TRANSFER_IN', 'TRANSFER_READ'],
  channel: 'TRANSFER_12345',
  allowedSources: ['10.1.0.0/16'],
  rateLimitPerMin: null,
  active: true,
  note: null,
  version: 1,
  createdAt: '2026-12-01T02:00:00.000Z',
  lastUsedAt: null,
  keys: [
    {
      id: '1',
      prefix: 'Old0Old0Old0',
      label: null,
      createdAt: '2026-12-01T02:00:00.000Z',
      lastUsedAt: null,
      revokedAt: null,
    },
  ],
};
const newKey = {
  id: '2',
  prefix: 'Ab12Cd34Ef56',
  label: '2027 年轮换',
  createdAt: '2026-12-05T02:00:00.000Z',
  lastUsedAt: null,
  revokedAt: null,
};

let wrapper: VueWrapper | null = null;
const text = () => document.body.textContent ?? '';
const inputs = () => [...document.body.querySelectorAll<HTMLInputElement>('input, textarea')].map((i) => i.value);
const secretDialog = () => document.body.querySelector<HTMLElement>('[data-testid="api-key-once-dialog"]');
const isShown = (el: HTMLElement | null) => !!el && el.closest<HTMLElement>('.el-overlay')?.style.display !== 'none';

async function mountList(): Promise<void> {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/admin/api-clients', component: ApiClientList },
      { path: '/admin/api-clients/:id', component: { template: '<div />' } },
    ],
  });
  await router.push('/admin/api-clients');
  await router.isReady();
  wrapper = mount(ApiClientList, {
    global: { plugins: [...withPlugins().plugins, router] },
    attachTo: document.body,
  });
  await settle();
}

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
  request.mockReset();
});

describe('ApiClientList (接口客户端)', () => {
  it('lists clients with unit, Chinese channel and operations, and their addresses', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === ApiClientsDocument) return { apiClients: { items: [client], total: 1, offset: 0, limit: 20 } };
      if (doc === OrgUnitsDocument) return { orgUnits: [] };
      throw new Error('unexpected request');
    });
    await mountList();
    expect(text()).toContain('榕城 12345 热线');
    expect(text()).toContain('鼓楼区消费者维权中心');
    expect(text()).toContain('12345转办');
    expect(text()).toContain('查询本系统转办的案件');
    expect(text()).toContain('10.1.0.0/16');
    expect(text()).toContain('1 个有效 / 共 1 个');
    expect(text()).not.toMatch(/TRANSFER_|undefined/);
  });

  it('shows a newly issued key once, with its warning, and drops it when dismissed', async () => {
    request.mockImplementation(async (doc: unknown, vars: unknown) => {
      if (doc === ApiClientsDocument) return { apiClients: { items: [client], total: 1, offset: 0, limit: 20 } };
      if (doc === OrgUnitsDocument) return { orgUnits: [] };
      if (doc === IssueApiKeyDocument) {
        expect(vars).toEqual({ clientId: '7', label: '2027 年轮换' });
        return { issueApiKey: { client: { ...client, keys: [...client.keys, newKey] }, key: newKey, secret: SECRET } };
      }
      throw new Error('unexpected request');
    });
    await mountList();
    document.body.querySelector<HTMLButtonElement>('[data-testid="api-client-issue"]')!.click();
    await vi.waitFor(() => expect(document.body.querySelector('.el-message-box input')).not.toBeNull(), {
      timeout: 30_000,
    });
    const label = document.body.querySelector<HTMLInputElement>('.el-message-box input')!;
    label.value = '2027 年轮换';
    label.dispatchEvent(new Event('input'));
    await settle();
    [...document.body.querySelectorAll<HTMLButtonElement>('.el-message-box button')]
      .find((b) => b.textContent?.trim() === '确定')!
      .click();

    await vi.waitFor(() => expect(inputs()).toContain(SECRET), { timeout: 30_000 });
    expect(isShown(secretDialog())).toBe(true);
    expect(secretDialog()!.textContent).toContain('关闭此窗口后将无法再次查看');
    expect(secretDialog()!.textContent).toContain('复制');
    // The list shows the rotation: two live keys now.
    expect(text()).toContain('2 个有效 / 共 2 个');

    secretDialog()!.querySelector<HTMLButtonElement>('[data-testid="secret-once-done"]')!.click();
    await settle();
    await settle();
    expect(inputs()).not.toContain(SECRET);
    expect(text()).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });
});
