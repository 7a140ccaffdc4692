import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mount, RouterLinkStub, type VueWrapper } from '@vue/test-utils';
import { RequestError } from '@/api/errors';
import type { CaseRowFragment, RegisterCaseInput } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';
import RegisterForm from './register-form.vue';

type Submit = (input: RegisterCaseInput) => Promise<void>;

function mountForm(
  submit: Submit,
  findRepeats?: (phone: string, respondent: string) => Promise<CaseRowFragment[]>,
  draftKey?: string,
) {
  return mount(RegisterForm, {
    props: { submit, findRepeats, draftKey },
    global: { ...withPlugins(), stubs: { RouterLink: RouterLinkStub } },
    attachTo: document.body,
  });
}

function errorOf(wrapper: VueWrapper, testid: string): string {
  const input = wrapper.find(`[data-testid="${testid}"]`);
  const item = input.element.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function fill(wrapper: VueWrapper, values: Record<string, string>): Promise<void> {
  for (const [testid, value] of Object.entries(values)) await wrapper.find(`[data-testid="${testid}"]`).setValue(value);
}

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await settle();
}

// A valid unified social credit code (GB 32100-2015 check character).
const CREDIT_CODE = '91350100M000100Y43';

describe('RegisterForm', () => {
  // Time matters here (the form-item error debounce, the repeat lookup's 400 ms debounce): fake timers
  // step over it, so the assertions hold however slowly a loaded machine runs the mount (#12 item 18).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows field errors for a bad phone, a bad credit code and a missing summary, and does not submit', async () => {
    const submitFn = vi.fn<Submit>(async () => {});
    const wrapper = mountForm(submitFn);

    await fill(wrapper, { 'register-phone': '138-12', 'register-credit-code': '91350100M000100Y44' });
    await submit(wrapper);

    expect(errorOf(wrapper, 'register-phone')).toBe('电话号码格式不正确（手机号11位，或区号-座机号）');
    expect(errorOf(wrapper, 'register-credit-code')).toBe('统一社会信用代码不正确（18位，校验位不符）');
    expect(errorOf(wrapper, 'register-summary')).toBe('请填写事情经过');
    expect(submitFn).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('accepts a landline and a valid credit code, and sends a trimmed, normalised input', async () => {
    const submitFn = vi.fn<Submit>(async () => {});
    const wrapper = mountForm(submitFn);

    await fill(wrapper, {
      'register-phone': ' 138 1234 5678 ',
      'register-name': ' 张三 ',
      'register-respondent': '某某电器商行',
      'register-credit-code': CREDIT_CODE.toLowerCase(),
      'register-summary': '  购买的冰箱不制冷  ',
    });
    await submit(wrapper);

    expect(errorOf(wrapper, 'register-phone')).toBe('');
    expect(errorOf(wrapper, 'register-credit-code')).toBe('');
    expect(submitFn).toHaveBeenCalledTimes(1);
    const input = submitFn.mock.calls[0]![0];
    expect(input.kind).toBe('COMPLAINT');
    expect(input.channel).toBe('PHONE_12315');
    expect(input.consumer).toMatchObject({ name: '张三', phone: '13812345678', anonymous: false });
    expect(input.respondent).toMatchObject({ name: '某某电器商行', creditCode: CREDIT_CODE });
    expect(input.summary).toBe('购买的冰箱不制冷');
    wrapper.unmount();
  });

  it('shows a server error with field input.consumer.phone on the phone field', async () => {
    const submitFn = vi.fn<Submit>(async () => {
      throw new RequestError([
        { code: 'BAD_USER_INPUT', field: 'input.consumer.phone', message: '该号码已被列入黑名单' },
      ]);
    });
    const wrapper = mountForm(submitFn);

    await fill(wrapper, { 'register-phone': '13812345678', 'register-summary': '经过' });
    await submit(wrapper);

    expect(submitFn).toHaveBeenCalledTimes(1);
    expect(errorOf(wrapper, 'register-phone')).toBe('该号码已被列入黑名单');
    expect(errorOf(wrapper, 'register-summary')).toBe('');
    expect(wrapper.find('[data-testid="register-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows every field the API lists, and errors without a field above the form', async () => {
    const submitFn = vi.fn<Submit>(async () => {
      throw new RequestError([
        { code: 'BAD_USER_INPUT', field: 'input.respondent.creditCode', message: '信用代码不存在' },
        { code: 'BAD_USER_INPUT', field: 'input.summary', message: '事情经过过短' },
        { code: 'FORBIDDEN', field: null, message: '无权在该单位登记' },
      ]);
    });
    const wrapper = mountForm(submitFn);

    await fill(wrapper, { 'register-summary': '经过' });
    await submit(wrapper);

    expect(errorOf(wrapper, 'register-credit-code')).toBe('信用代码不存在');
    expect(errorOf(wrapper, 'register-summary')).toBe('事情经过过短');
    expect(wrapper.find('[data-testid="register-error"]').text()).toContain('无权在该单位登记');
    wrapper.unmount();
  });

  it('warns of a suspected repeat once phone and respondent are entered', async () => {
    const repeat = {
      id: '7',
      caseNo: 'WQ-2026-000007',
      kind: 'COMPLAINT',
      state: 'IN_PROGRESS',
      receivedAt: '2026-03-01T02:00:00.000Z',
    } as CaseRowFragment;
    const findRepeats = vi.fn(async () => [repeat]);
    const wrapper = mountForm(
      vi.fn<Submit>(async () => {}),
      findRepeats,
    );

    await fill(wrapper, { 'register-phone': '13812345678', 'register-respondent': '某某电器商行' });
    await vi.advanceTimersByTimeAsync(399);
    expect(findRepeats).not.toHaveBeenCalled(); // still typing
    await vi.advanceTimersByTimeAsync(1);
    await settle();

    expect(findRepeats).toHaveBeenCalledWith('13812345678', '某某电器商行');
    const hint = wrapper.find('[data-testid="repeat-hint"]');
    expect(hint.exists()).toBe(true);
    expect(hint.text()).toContain('疑似重复件');
    expect(hint.text()).toContain('WQ-2026-000007');
    wrapper.unmount();
  });

  it('keeps a half-typed registration as a draft, restores it on the next opening and clears it once sent', async () => {
    localStorage.clear();
    const submitFn = vi.fn<Submit>(async () => {});
    const first = mountForm(submitFn, undefined, 'register.7');
    await fill(first, { 'register-phone': '13812345678', 'register-summary': '热水器漏水' });
    // Unmounting (the session ended, the page was left) saves what was typed.
    first.unmount();
    expect(JSON.parse(localStorage.getItem('weiquan.draft.register.7') ?? '{}').summary).toBe('热水器漏水');

    const second = mountForm(submitFn, undefined, 'register.7');
    await settle();
    expect(second.find('[data-testid="register-draft"]').exists()).toBe(true);
    expect((second.find('[data-testid="register-phone"]').element as HTMLInputElement).value).toBe('13812345678');
    await submit(second);
    expect(submitFn).toHaveBeenCalledOnce();
    expect(localStorage.getItem('weiquan.draft.register.7')).toBeNull();
    second.unmount();
    expect(localStorage.getItem('weiquan.draft.register.7')).toBeNull();
  }, 90_000);

  it('moves to the next field on Enter in a one-line field and sends nothing', async () => {
    const submitFn = vi.fn<Submit>(async () => {});
    const wrapper = mountForm(submitFn);
    const phone = wrapper.find('[data-testid="register-phone"]');
    (phone.element as HTMLInputElement).focus();
    await phone.trigger('keydown', { key: 'Enter' });
    await settle();
    expect(document.activeElement).toBe(wrapper.find('[data-testid="register-name"]').element);
    expect(submitFn).not.toHaveBeenCalled();
    wrapper.unmount();
  }, 30_000);
});
