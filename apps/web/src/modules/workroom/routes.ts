import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Briefcase, Connection, Reading, Stamp } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

// 工作室: one page per workroom of a center (seed 002: 四个工作室), each lazy-loaded.
const READ = rolesWith(Permission.CASE_READ);

export const routes: RouteRecordRaw[] = [
  {
    path: '/workrooms',
    redirect: '/workrooms/mediation',
    meta: { title: 'workroom.menu', icon: markRaw(Briefcase), roles: READ, order: 8 },
    children: [
      {
        path: 'legal',
        name: 'workroom-legal',
        component: () => import('@/modules/legal/views/index/index.vue'),
        meta: { title: 'legal.menu', icon: markRaw(Reading), roles: READ, order: 1 },
      },
      {
        path: 'mediation',
        name: 'workroom-mediation',
        component: () => import('@/modules/mediation/views/index/index.vue'),
        meta: { title: 'mediation.menu', icon: markRaw(Stamp), roles: READ, order: 2 },
      },
      {
        path: 'litigation-link',
        name: 'workroom-litigation-link',
        component: () => import('@/modules/litigation-link/views/index/index.vue'),
        meta: { title: 'link.menu', icon: markRaw(Connection), roles: READ, order: 3 },
      },
    ],
  },
];
