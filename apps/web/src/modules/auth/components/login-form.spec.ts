import { describe, expect, it, vi } from 'vitest';
import { mount, type VueWrapper } from '@vue/test-utils';
import { RequestError } from '@/api/errors';
import type { LoginInput } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';
import LoginForm from './login-form.vue';

function mountForm(submit: (input: LoginInput) => Promise<void>) {
  return mount(LoginForm, { props: { submit }, global: withPlugins(), attachTo: document.body });
}

function errorOf(wrapper: VueWrapper, prop: 'username' | 'password'): string {
  const input = wrapper.find(`[data-testid="login-${prop}"]`);
  const item = input.element.closest('.el-form-item');
  return item?.querySelector('.el-form-item__error')?.textContent?.trim() ?? '';
}

async function fill(wrapper: VueWrapper, username: string, password: string): Promise<void> {
  await wrapper.find('[data-testid="login-username"]').setValue(username);
  await wrapper.find('[data-testid="login-password"]').setValue(password);
}

async function submit(wrapper: VueWrapper): Promise<void> {
  await wrapper.find('form').trigger('submit');
  await settle();
}

describe('LoginForm', () => {
  it('shows a field error for an empty username and password and does not submit', async () => {
    const submitFn = vi.fn(async () => {});
    const wrapper = mountForm(submitFn);

    await submit(wrapper);

    expect(errorOf(wrapper, 'username')).toBe('请输入用户名');
    expect(errorOf(wrapper, 'password')).toBe('请输入密码');
    expect(submitFn).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('shows only the missing field when the other is filled', async () => {
    const submitFn = vi.fn(async () => {});
    const wrapper = mountForm(submitFn);

    await fill(wrapper, 'city_op', '');
    await submit(wrapper);

    expect(errorOf(wrapper, 'username')).toBe('');
    expect(errorOf(wrapper, 'password')).toBe('请输入密码');
    expect(submitFn).not.toHaveBeenCalled();
    wrapper.unmount();
  });

  it('submits trimmed credentials', async () => {
    const submitFn = vi.fn(async () => {});
    const wrapper = mountForm(submitFn);

    await fill(wrapper, '  city_op ', 'Weiquan@2026');
    await submit(wrapper);

    expect(submitFn).toHaveBeenCalledWith({ username: 'city_op', password: 'Weiquan@2026' });
    wrapper.unmount();
  });

  it('shows a server error next to the field it names, stripping the input. prefix', async () => {
    const submitFn = vi.fn(async () => {
      throw new RequestError([
        { code: 'INVALID_CREDENTIALS', field: 'input.password', message: '密码错误，还可尝试 4 次' },
      ]);
    });
    const wrapper = mountForm(submitFn);

    await fill(wrapper, 'city_op', 'wrong-password');
    await submit(wrapper);

    expect(errorOf(wrapper, 'password')).toBe('密码错误，还可尝试 4 次');
    expect(errorOf(wrapper, 'username')).toBe('');
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows a username error from the server on the username field', async () => {
    const submitFn = vi.fn(async () => {
      throw new RequestError([{ code: 'INVALID_CREDENTIALS', field: 'username', message: '用户不存在' }]);
    });
    const wrapper = mountForm(submitFn);

    await fill(wrapper, 'nobody', 'whatever1');
    await submit(wrapper);

    expect(errorOf(wrapper, 'username')).toBe('用户不存在');
    expect(errorOf(wrapper, 'password')).toBe('');
    wrapper.unmount();
  });

  it('shows the lockout message above the form when the account is locked', async () => {
    const submitFn = vi.fn(async () => {
      throw new RequestError([{ code: 'ACCOUNT_LOCKED', field: null, message: '账号已锁定，请于 15 分钟后重试' }]);
    });
    const wrapper = mountForm(submitFn);

    await fill(wrapper, 'city_op', 'Weiquan@2026');
    await submit(wrapper);

    const alert = wrapper.find('[data-testid="login-error"]');
    expect(alert.exists()).toBe(true);
    expect(alert.text()).toContain('账号已锁定');
    expect(alert.text()).toContain('请于 15 分钟后重试');
    wrapper.unmount();
  });
});
