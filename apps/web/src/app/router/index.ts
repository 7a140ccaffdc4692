import { createRouter, createWebHistory, type Router } from 'vue-router';
import { useAuthStore } from '@/app/stores/auth';
import { i18n } from '@/locales';
import { canAccess } from './menu';
import { FORBIDDEN_ROUTE_NAME, HOME_PATH, LOGIN_ROUTE_NAME } from './constants';
import { landingPath, safeRedirect } from './redirect';
import { routes } from './routes';

export function createAppRouter(): Router {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: () => ({ top: 0 }),
  });

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.meta.public) {
      if (to.name === LOGIN_ROUTE_NAME && auth.isSignedIn) return safeRedirect(to.query.redirect);
      return true;
    }
    if (!auth.isSignedIn) {
      return { name: LOGIN_ROUTE_NAME, query: to.fullPath === HOME_PATH ? {} : { redirect: to.fullPath } };
    }
    if (!auth.user) {
      try {
        await auth.loadCurrentUser();
      } catch {
        // Expired session or API down: sign in again (the login page shows API errors).
        auth.clearSession();
        return { name: LOGIN_ROUTE_NAME, query: { redirect: to.fullPath } };
      }
    }
    // 首页 of a director or supervisor is their statistics overview (landingPath)
    if (to.path === HOME_PATH) {
      const landing = landingPath(auth.roles);
      if (landing !== HOME_PATH) return landing;
    }
    const allowed = to.matched.every((record) => canAccess(record.meta.roles, auth.roles));
    return allowed ? true : { name: FORBIDDEN_ROUTE_NAME };
  });

  router.afterEach((to) => {
    const appName = i18n.global.t('app.fullName');
    document.title = to.meta.title ? `${i18n.global.t(to.meta.title)} · ${appName}` : appName;
  });

  return router;
}
