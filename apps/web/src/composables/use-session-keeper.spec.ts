import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount, type VueWrapper } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from '@/app/stores/auth';
import { RefreshTokenDocument } from '@/graphql/generated/graphql';
import { settle, withPlugins } from '@/test-utils/mount';

const request = vi.fn();
vi.mock('@/api/request', () => ({ request: (...args: unknown[]) => request(...args) }));
const { useSessionKeeper } = await import('./use-session-keeper');

const T0 = new Date('2026-12-07T09:00:00+08:00').getTime();
const MIN = 60_000;
const Keeper = defineComponent({
  setup() {
    useSessionKeeper();
    return () => h('div');
  },
});

const warning = (): HTMLElement | null => document.body.querySelector<HTMLElement>('.session-warning');
const refreshCalls = (): number => request.mock.calls.filter(([doc]) => doc === RefreshTokenDocument).length;

describe('useSessionKeeper', () => {
  let wrapper: VueWrapper;

  beforeEach(() => {
    vi.useFakeTimers({ now: T0 });
    localStorage.clear();
    setActivePinia(createPinia());
    // A 15-minute access token, as the API issues.
    useAuthStore().session = {
      accessToken: 'a1',
      refreshToken: 'r1',
      accessTokenExpiresAt: new Date(T0 + 15 * MIN).toISOString(),
    };
    request.mockReset();
    request.mockImplementation(async () => ({
      refreshToken: {
        accessToken: 'a2',
        refreshToken: 'r2',
        accessTokenExpiresAt: new Date(Date.now() + 15 * MIN).toISOString(),
        user: { id: '1', displayName: '张三', unitId: '1', roles: [] },
      },
    }));
    wrapper = mount(Keeper, { global: withPlugins(), attachTo: document.body });
  });

  afterEach(() => {
    wrapper.unmount();
    document.body.innerHTML = '';
    vi.useRealTimers();
  });

  it('warns an idle user a minute before expiry (not earlier) and renews when the warning is clicked', async () => {
    await vi.advanceTimersByTimeAsync(13 * MIN + 50_000);
    await settle();
    expect(warning()).toBeNull();
    await vi.advanceTimersByTimeAsync(20_000);
    await settle();
    expect(warning()?.textContent).toContain('登录即将过期');
    expect(refreshCalls()).toBe(0);

    warning()!.click();
    await settle();
    expect(refreshCalls()).toBe(1);
    expect(useAuthStore().session?.accessToken).toBe('a2');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(warning()).toBeNull();
  });

  it('renews silently in the last minute when the user has been working, and only then', async () => {
    await vi.advanceTimersByTimeAsync(5 * MIN);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    await vi.advanceTimersByTimeAsync(8 * MIN + 50_000);
    await settle();
    // Active, but the token has more than a minute left: nothing yet.
    expect(refreshCalls()).toBe(0);
    await vi.advanceTimersByTimeAsync(20_000);
    await settle();
    expect(refreshCalls()).toBe(1);
    expect(warning()).toBeNull();
    expect(useAuthStore().session?.refreshToken).toBe('r2');

    // The renewed token runs 15 minutes from the renewal; no key since: the next time it warns.
    await vi.advanceTimersByTimeAsync(14 * MIN + 10_000);
    await settle();
    expect(refreshCalls()).toBe(1);
    expect(warning()).not.toBeNull();
  });
});
