import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { request } from '@/api/request';
import {
  LoginDocument,
  LogoutDocument,
  MeDocument,
  RefreshTokenDocument,
  type AuthSessionFragment,
  type CurrentUserFragment,
  type LoginInput,
  type Role,
} from '@/graphql/generated/graphql';

export const SESSION_STORAGE_KEY = 'weiquan.session';
// Refresh a little before the access token's stated expiry (clock skew, request time).
const EXPIRY_SKEW_MS = 15_000;

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

function readStoredSession(): StoredSession | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<StoredSession>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    return {
      accessToken: value.accessToken,
      refreshToken: value.refreshToken,
      accessTokenExpiresAt: typeof value.accessTokenExpiresAt === 'string' ? value.accessTokenExpiresAt : '',
    };
  } catch {
    return null;
  }
}

export const useAuthStore = defineStore('auth', () => {
  const session = shallowRef<StoredSession | null>(readStoredSession());
  const user = ref<CurrentUserFragment | null>(null);

  const isSignedIn = computed(() => session.value !== null);
  const roles = computed<readonly Role[]>(() => user.value?.roles ?? []);

  function hasAnyRole(required: readonly Role[] | undefined): boolean {
    if (!required || required.length === 0) return true;
    return required.some((role) => roles.value.includes(role));
  }

  function applySession(payload: AuthSessionFragment): void {
    const next: StoredSession = {
      accessToken: payload.accessToken,
      refreshToken: payload.refreshToken,
      accessTokenExpiresAt: payload.accessTokenExpiresAt,
    };
    session.value = next;
    user.value = payload.user;
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(next));
  }

  function clearSession(): void {
    session.value = null;
    user.value = null;
    localStorage.removeItem(SESSION_STORAGE_KEY);
  }

  /** Another tab rotated or dropped the session: adopt its state. */
  function syncFromStorage(): void {
    const stored = readStoredSession();
    if (!stored) {
      clearSession();
      return;
    }
    session.value = stored;
  }

  function getAccessToken(): string | null {
    return session.value?.accessToken ?? null;
  }

  function isAccessTokenExpired(): boolean {
    const expiresAt = session.value?.accessTokenExpiresAt;
    if (!expiresAt) return false;
    const time = Date.parse(expiresAt);
    return Number.isFinite(time) && time - EXPIRY_SKEW_MS <= Date.now();
  }

  async function login(input: LoginInput): Promise<void> {
    const data = await request(LoginDocument, { input }, { auth: false });
    applySession(data.login);
  }

  /** Refresh-token rotation: each refresh token is used once and replaced. */
  async function refresh(): Promise<boolean> {
    // A sibling tab may have rotated already; its token is the only valid one now.
    const stored = readStoredSession();
    if (stored && stored.refreshToken !== session.value?.refreshToken) {
      session.value = stored;
      return true;
    }
    const refreshToken = session.value?.refreshToken;
    if (!refreshToken) return false;
    try {
      const data = await request(RefreshTokenDocument, { refreshToken }, { auth: false });
      applySession(data.refreshToken);
      return true;
    } catch {
      return false;
    }
  }

  async function loadCurrentUser(): Promise<CurrentUserFragment> {
    const data = await request(MeDocument);
    user.value = data.me;
    return data.me;
  }

  async function logout(): Promise<void> {
    const refreshToken = session.value?.refreshToken;
    try {
      if (refreshToken) await request(LogoutDocument, { refreshToken });
    } catch {
      // Signing out locally must work even when the server cannot be reached.
    } finally {
      clearSession();
    }
  }

  return {
    session,
    user,
    isSignedIn,
    roles,
    hasAnyRole,
    clearSession,
    syncFromStorage,
    getAccessToken,
    isAccessTokenExpired,
    login,
    refresh,
    loadCurrentUser,
    logout,
  };
});
