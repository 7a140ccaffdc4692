import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { Flag } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

export const routes: RouteRecordRaw[] = [
  {
    path: '/supervisions',
    name: 'supervisions',
    component: () => import('./views/list/index.vue'),
    meta: { title: 'supervision.menu', icon: markRaw(Flag), roles: rolesWith(Permission.CASE_READ), order: 10 },
  },
];
