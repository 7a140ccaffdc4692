import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Warning } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

export const routes: RouteRecordRaw[] = [
  {
    path: '/violations',
    name: 'violations',
    component: () => import('./views/index/index.vue'),
    meta: { title: 'violation.menu', icon: markRaw(Warning), roles: rolesWith(Permission.CASE_READ), order: 12 },
  },
];
