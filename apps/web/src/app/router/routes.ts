import type { RouteRecordRaw } from 'vue-router';
import { HOME_PATH } from './constants';

// Route modules per area: every src/modules/<area>/routes.ts exports `routes`.
// Views inside them are lazy (one chunk per page); the records themselves are tiny.
const modules = import.meta.glob<{ routes: RouteRecordRaw[] }>('../../modules/*/routes.ts', { eager: true });

const moduleRoutes = Object.values(modules).flatMap((m) => m.routes);

/** Records rendered inside the console layout; the sidebar is built from these. */
export const layoutRoutes: RouteRecordRaw[] = moduleRoutes
  .filter((r) => !r.meta?.blank)
  .sort((a, b) => (a.meta?.order ?? 100) - (b.meta?.order ?? 100));

const blankRoutes = moduleRoutes.filter((r) => r.meta?.blank);

export const routes: RouteRecordRaw[] = [
  ...blankRoutes,
  {
    path: '/',
    name: 'layout',
    component: () => import('@/layouts/basic-layout/index.vue'),
    redirect: HOME_PATH,
    children: layoutRoutes,
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/modules/exception/views/not-found/index.vue'),
    meta: { title: 'exception.notFound', public: true, blank: true },
  },
];
