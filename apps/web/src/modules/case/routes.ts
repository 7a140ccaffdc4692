import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { EditPen, Tickets } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

export const routes: RouteRecordRaw[] = [
  {
    path: '/cases/new',
    name: 'case-register',
    component: () => import('./views/register/index.vue'),
    meta: { title: 'case.menu.register', icon: markRaw(EditPen), roles: rolesWith(Permission.CASE_REGISTER), order: 2 },
  },
  {
    path: '/cases',
    name: 'case-list',
    component: () => import('./views/list/index.vue'),
    meta: { title: 'case.menu.list', icon: markRaw(Tickets), roles: rolesWith(Permission.CASE_READ), order: 3 },
  },
  {
    path: '/cases/:id',
    name: 'case-detail',
    component: () => import('./views/detail/index.vue'),
    props: true,
    meta: { title: 'case.detail.title', roles: rolesWith(Permission.CASE_READ), hideInMenu: true },
  },
  {
    // Print view of the 一次性告知 notice: outside the console layout.
    path: '/cases/:id/notice',
    name: 'case-notice',
    component: () => import('./views/notice/index.vue'),
    props: true,
    meta: { title: 'case.notice.title', roles: rolesWith(Permission.CASE_READ), blank: true },
  },
];
