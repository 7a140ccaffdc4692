import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Calendar, Setting, User } from '@element-plus/icons-vue';

export const routes: RouteRecordRaw[] = [
  {
    path: '/admin',
    redirect: '/admin/users',
    meta: { title: 'menu.system', icon: markRaw(Setting), roles: ['ADMIN'], order: 90 },
    children: [
      {
        path: 'users',
        name: 'admin-users',
        component: () => import('./views/list/index.vue'),
        meta: { title: 'menu.users', icon: markRaw(User), roles: ['ADMIN'] },
      },
      {
        path: 'calendar',
        name: 'admin-calendar',
        component: () => import('@/modules/calendar/views/index/index.vue'),
        meta: { title: 'calendar.menu', icon: markRaw(Calendar), roles: ['ADMIN'] },
      },
    ],
  },
];
