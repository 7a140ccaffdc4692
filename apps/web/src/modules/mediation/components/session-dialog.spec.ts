import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { RequestError } from '@/api/errors';
import { useAuthStore } from '@/app/stores/auth';
import {
  RecordMediationSessionDocument,
  StaffOptionsDocument,
  type CurrentUserFragment,
} from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({
  request: (...args: unknown[]) => request(...args),
  // The dialogs save through the one-field form of the same call.
  requestField: async (...args: unknown[]) => Object.values((await request(...args)) as object)[0],
}));
const { default: SessionDialog } = await import('./session-dialog.vue');

const ME = { id: '5', displayName: '张调解', unitId: '3', roles: ['MEDIATOR'] } as unknown as CurrentUserFragment;

function body(): HTMLElement {
  return document.body;
}

function errorNear(testid: string): string {
  const item = body().querySelector(`[data-testid="${testid}"]`)?.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function type(testid: string, value: string): Promise<void> {
  const el = body().querySelector<HTMLInputElement | HTMLTextAreaElement>(
    `[data-testid="${testid}"] input, [data-testid="${testid}"] textarea, input[data-testid="${testid}"], textarea[data-testid="${testid}"]`,
  )!;
  el.value = value;
  el.dispatchEvent(new Event('input'));
  await settle();
}

async function submit(): Promise<void> {
  body().querySelector<HTMLButtonElement>('[data-testid="form-submit"]')!.click();
  await settle();
}

describe('SessionDialog (记录调解)', () => {
  let wrapper: VueWrapper;

  beforeEach(async () => {
    setActivePinia(createPinia());
    useAuthStore().user = ME;
    request.mockReset();
    request.mockImplementation(async (doc: unknown) => {
      if (doc === StaffOptionsDocument)
        return { staffOptions: [{ id: '5', displayName: '张调解', unitId: '3', unitName: '维权服务工作室' }] };
      throw new Error(`unexpected request`);
    });
    wrapper = mount(SessionDialog, {
      props: { caseId: '42', item: null, modelValue: false },
      global: withPlugins(),
      attachTo: body(),
    });
    await wrapper.setProps({ modelValue: true });
    await settle();
  });

  afterEach(() => wrapper.unmount());

  it('checks the record and the parties before sending anything', async () => {
    await submit();
    expect(errorNear('session-record')).toBe('请填写调解记录');
    expect(request).not.toHaveBeenCalledWith(RecordMediationSessionDocument, expect.anything());
  });

  it('shows the API’s ≥2 staff error next to 参加调解的工作人员 when one staff member is not 简易调解', async () => {
    request.mockImplementation(async (doc: unknown) => {
      if (doc === StaffOptionsDocument) return { staffOptions: [] };
      throw new RequestError([
        {
          code: 'MEDIATION_STAFF_TOO_FEW',
          field: 'input.staffIds',
          message: '调解应由两名以上工作人员参加；只有一名工作人员的，请勾选“简易调解”',
        },
      ]);
    });
    await type('session-party-0', '李明');
    await type('session-record', '电话联系双方，经营者同意退款。');
    await submit();

    const [, vars] = request.mock.calls.find(([doc]) => doc === RecordMediationSessionDocument)!;
    expect(vars.input).toMatchObject({
      caseId: '42',
      staffIds: ['5'],
      simple: false,
      partiesConsented: false,
      record: '电话联系双方，经营者同意退款。',
    });
    expect(vars.input.parties).toEqual([{ role: 'CONSUMER', name: '李明', note: null }]);
    expect(errorNear('session-staff')).toContain('调解应由两名以上工作人员参加');
    expect(body().querySelector('[data-testid="form-error"]')).toBeNull();
    expect(wrapper.emitted('saved')).toBeUndefined();

    // The message is about what was sent: it goes once the clerk ticks 简易调解 (#17 item 7, it stayed).
    body().querySelector<HTMLInputElement>('[data-testid="session-simple"] input')!.click();
    await settle();
    expect(errorNear('session-staff')).toBe('');
  });

  it('opens without red and shows a rule’s message only on submit', async () => {
    expect(body().querySelectorAll('.el-form-item.is-error')).toHaveLength(0);
    await type('session-record', '');
    await submit();
    expect(errorNear('session-record')).toBe('请填写调解记录');
    await type('session-record', '双方同意。');
    expect(errorNear('session-record')).toBe('');
  });

  it('sends 简易调解 with one staff member and closes on success', async () => {
    const saved = { id: '9', caseId: '42' };
    request.mockImplementation(async (doc: unknown) =>
      doc === StaffOptionsDocument ? { staffOptions: [] } : { recordMediationSession: saved },
    );
    await type('session-party-1', '某某电器商行');
    await type('session-record', '现场调解达成一致。');
    body().querySelector<HTMLInputElement>('[data-testid="session-simple"] input')!.click();
    await settle();
    await submit();
    const [, vars] = request.mock.calls.find(([doc]) => doc === RecordMediationSessionDocument)!;
    expect(vars.input.simple).toBe(true);
    expect(wrapper.emitted('saved')?.[0]).toEqual([saved, true]);
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([false]);
  });
});
