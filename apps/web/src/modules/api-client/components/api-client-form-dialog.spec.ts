import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { RequestError } from '@/api/errors';
import { UpdateApiClientDocument, type ApiClientRowFragment } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...args), authorizedFetch: vi.fn() }));
const { default: ApiClientFormDialog } = await import('./api-client-form-dialog.vue');

const client: ApiClientRowFragment = {
  id: '7',
  name: '榕城 12345 热线',
  unitId: '2',
  unitName: '鼓楼区消费者权益保护服务中心',
  operations: ['TRANSFER_IN', 'TRANSFER_READ'],
  channel: 'TRANSFER_12345',
  allowedSources: [],
  rateLimitPerMin: null,
  active: true,
  note: null,
  version: 3,
  createdAt: '2026-12-01T02:00:00.000Z',
  lastUsedAt: null,
  keys: [],
};

let wrapper: VueWrapper | null = null;
const dialog = () => document.body.querySelector<HTMLElement>('[data-testid="api-client-dialog"]')!;
const errors = () => [...dialog().querySelectorAll('.el-form-item__error')].map((e) => e.textContent?.trim());
const errorOf = (testid: string) =>
  dialog()
    .querySelector(`[data-testid="${testid}"]`)
    ?.closest('.el-form-item')
    ?.querySelector('.el-form-item__error')
    ?.textContent?.trim() ?? '';

async function open(props: { client: ApiClientRowFragment | null }): Promise<void> {
  wrapper = mount(ApiClientFormDialog, {
    props: { modelValue: false, orgTree: [], ...props },
    global: withPlugins(),
    attachTo: document.body,
  });
  await wrapper.setProps({ modelValue: true });
  await settle();
}

async function type(testid: string, value: string): Promise<void> {
  const field = dialog().querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-testid="${testid}"] input, [data-testid="${testid}"] textarea, input[data-testid="${testid}"], textarea[data-testid="${testid}"]`,
  )!;
  field.value = value;
  field.dispatchEvent(new Event('input'));
  await settle();
}

async function save(): Promise<void> {
  dialog().querySelector<HTMLButtonElement>('[data-testid="form-submit"]')!.click();
  await settle();
  await settle();
}

afterEach(() => {
  wrapper?.unmount();
  wrapper = null;
  document.body.innerHTML = '';
  request.mockReset();
});

describe('ApiClientFormDialog (接口客户端表单)', () => {
  it('offers least privilege by default and names operations and channels in Chinese', async () => {
    await open({ client: null });
    const text = dialog().textContent ?? '';
    expect(text).toContain('转办登记');
    expect(text).toContain('查看完整的消费者个人信息');
    const checked = [...dialog().querySelectorAll('.el-checkbox.is-checked')].map((e) => e.textContent?.trim());
    expect(checked).toEqual(['转办登记', '查询本系统转办的案件']);
    expect(text).not.toMatch(/TRANSFER_|CASE_READ|CASE_UNMASK/);
  });

  it('shows each missing field next to it, in Chinese, and sends nothing', async () => {
    await open({ client: null });
    await save();
    expect(errors()).toEqual(expect.arrayContaining(['请填写名称', '请选择所属单位']));
    expect(request).not.toHaveBeenCalled();
  });

  it('rejects a malformed source address and rate limit before calling the API', async () => {
    await open({ client });
    await type('api-client-sources', '10.1.0.0/16\n10.1.0.0/40');
    await type('api-client-rate', '0');
    await save();
    expect(errorOf('api-client-rate')).toBe('调用上限须为 1–100000 的整数');
    expect(errorOf('api-client-sources')).toBe('来源地址格式不正确：10.1.0.0/40（须为地址或网段，如 10.1.0.0/16）');
    expect(request).not.toHaveBeenCalled();
  });

  it("puts the server's field error next to its field and keeps the dialog open", async () => {
    request.mockRejectedValue(
      new RequestError([{ code: 'BAD_USER_INPUT', message: '名称最多 100 个字符', field: 'input.name' }]),
    );
    await open({ client });
    await save();
    expect(errorOf('api-client-name')).toBe('名称最多 100 个字符');
    expect(dialog().querySelector('[data-testid="api-client-name"]')).not.toBeNull();
  });

  it('saves an edit with the version read and the addresses one per line', async () => {
    request.mockImplementation(async (doc: unknown, vars: { input: Record<string, unknown> }) => {
      expect(doc).toBe(UpdateApiClientDocument);
      return { updateApiClient: { ...client, ...vars.input, version: 4 } };
    });
    await open({ client });
    await type('api-client-sources', '10.1.0.0/16\n 192.168.3.4 ');
    await save();
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]![1]).toEqual({
      input: {
        id: '7',
        version: 3,
        name: '榕城 12345 热线',
        channel: 'TRANSFER_12345',
        operations: ['TRANSFER_IN', 'TRANSFER_READ'],
        allowedSources: ['10.1.0.0/16', '192.168.3.4'],
        rateLimitPerMin: null,
        note: null,
      },
    });
    expect(wrapper!.emitted('saved')?.[0]?.[0]).toMatchObject({ id: '7', version: 4 });
  });
});
