import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Bell } from '@element-plus/icons-vue';

export const routes: RouteRecordRaw[] = [
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('./views/list/index.vue'),
    meta: { title: 'notification.menu', icon: markRaw(Bell), order: 20 },
  },
];
