import type { RouteRecordRaw } from 'vue-router';

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/login/index.vue'),
    meta: { title: 'login.title', public: true, blank: true },
  },
];
