import type { Router } from 'vue-router';
import { configureRequestAuth } from '@/api/request';
import { SESSION_STORAGE_KEY, useAuthStore } from '@/app/stores/auth';
import { LOGIN_ROUTE_NAME } from '@/app/router/constants';

/** Wires the request client to the auth store and router (kept out of both to avoid cycles). */
export function setupRequestAuth(router: Router): void {
  const auth = useAuthStore();
  configureRequestAuth({
    getAccessToken: () => auth.getAccessToken(),
    isAccessTokenExpired: () => auth.isAccessTokenExpired(),
    refresh: () => auth.refresh(),
    onSessionExpired: () => {
      auth.clearSession();
      const current = router.currentRoute.value;
      // During the first navigation the guard itself sends the user to sign-in.
      if (current.matched.length > 0 && !current.meta.public) {
        void router.replace({ name: LOGIN_ROUTE_NAME, query: { redirect: current.fullPath } });
      }
    },
  });

  // Keep tabs in step: a sign-out or a token rotation in one tab applies to all.
  window.addEventListener('storage', (event) => {
    if (event.key !== SESSION_STORAGE_KEY) return;
    const wasSignedIn = auth.isSignedIn;
    auth.syncFromStorage();
    const current = router.currentRoute.value;
    if (wasSignedIn && !auth.isSignedIn && !current.meta.public) {
      void router.replace({ name: LOGIN_ROUTE_NAME });
    }
  });
}
