import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Monitor } from '@element-plus/icons-vue';

export const routes: RouteRecordRaw[] = [
  {
    path: '/home',
    name: 'home',
    component: () => import('./views/home/index.vue'),
    meta: { title: 'menu.home', icon: markRaw(Monitor), order: 1 },
  },
];
