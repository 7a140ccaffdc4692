import type { RouteRecordRaw } from 'vue-router';
import { HOME_PATH } from './constants';
import { blankRoutes, layoutRoutes } from './module-routes';

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
