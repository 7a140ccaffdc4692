import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { RevokeApiKeyDocument, type ApiClientRowFragment } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...args), authorizedFetch: vi.fn() }));
const { default: ApiKeyTable } = await import('./api-key-table.vue');

const live = { id: '11', prefix: 'Ab12Cd34Ef56', label: '2026 年', createdAt: '2026-12-01T02:00:00.000Z' };
const client: ApiClientRowFragment = {
  id: '7',
  name: '榕城 12345 热线',
  unitId: '2',
  unitName: '鼓楼区消费者权益保护服务中心',
  operations: ['TRANSFER_IN'],
  channel: 'TRANSFER_12345',
  allowedSources: [],
  rateLimitPerMin: null,
  active: true,
  note: null,
  version: 1,
  createdAt: '2026-12-01T02:00:00.000Z',
  lastUsedAt: null,
  keys: [
    { ...live, lastUsedAt: '2026-12-04T03:00:00.000Z', revokedAt: null },
    {
      id: '10',
      prefix: 'Old0Old0Old0',
      label: null,
      createdAt: live.createdAt,
      lastUsedAt: null,
      revokedAt: live.createdAt,
    },
  ],
};

let wrapper: VueWrapper | null = null;
const box = () => document.body.querySelector<HTMLElement>('.el-message-box');
const boxButton = (text: string) =>
  [...box()!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text)!;

async function clickRevoke(): Promise<void> {
  const buttons = document.body.querySelectorAll<HTMLButtonElement>('[data-testid="api-key-revoke"]');
  expect(buttons).toHaveLength(1); // only the live key can be revoked
  buttons[0]!.click();
  await settle();
  await vi.waitFor(() => expect(box()).not.toBeNull(), { timeout: 30_000 });
}

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
  request.mockReset();
});

describe('ApiKeyTable (密钥)', () => {
  it('shows each key by its prefix with issue, last use and revocation in Chinese', async () => {
    wrapper = mount(ApiKeyTable, { props: { client }, global: withPlugins(), attachTo: document.body });
    await settle();
    const text = document.body.textContent ?? '';
    expect(text).toContain('Ab12Cd34Ef56');
    expect(text).toContain('有效');
    expect(text).toContain('已吊销');
    expect(text).toContain('未使用');
  });

  it('asks before revoking, and cancelling sends nothing', async () => {
    wrapper = mount(ApiKeyTable, { props: { client }, global: withPlugins(), attachTo: document.body });
    await settle();
    await clickRevoke();
    expect(box()!.textContent).toContain('确定吊销密钥 Ab12Cd34Ef56 吗？');
    boxButton('取消').click();
    await settle();
    await settle();
    expect(request).not.toHaveBeenCalled();
    expect(wrapper.emitted('changed')).toBeUndefined();
  });

  it('revokes the key once confirmed and hands back the changed client', async () => {
    const revoked = { ...client, keys: client.keys.map((k) => ({ ...k, revokedAt: live.createdAt })) };
    request.mockImplementation(async (doc: unknown, vars: unknown) => {
      expect(doc).toBe(RevokeApiKeyDocument);
      expect(vars).toEqual({ keyId: '11' });
      return { revokeApiKey: revoked };
    });
    wrapper = mount(ApiKeyTable, { props: { client }, global: withPlugins(), attachTo: document.body });
    await settle();
    await clickRevoke();
    boxButton('吊销').click();
    await vi.waitFor(() => expect(wrapper!.emitted('changed')).toHaveLength(1), { timeout: 30_000 });
    expect(request).toHaveBeenCalledTimes(1);
    expect(wrapper.emitted('changed')![0]![0]).toBe(revoked);
  });
});
