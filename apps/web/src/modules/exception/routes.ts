import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/403',
    name: 'forbidden',
    component: () => import('./views/forbidden/index.vue'),
    meta: { title: 'exception.forbidden', hideInMenu: true, order: 999 },
  },
];
