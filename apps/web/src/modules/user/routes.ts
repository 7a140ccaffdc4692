import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import {
  Calendar,
  Collection,
  Connection,
  Document,
  OfficeBuilding,
  Setting,
  Timer,
  User,
} from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

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
      {
        path: 'org-units',
        name: 'admin-org-units',
        component: () => import('@/modules/org-unit/views/admin/index.vue'),
        meta: { title: 'orgAdmin.menu', icon: markRaw(OfficeBuilding), roles: rolesWith(Permission.ORG_MANAGE) },
      },
      {
        path: 'api-clients',
        name: 'admin-api-clients',
        component: () => import('@/modules/api-client/views/list/index.vue'),
        meta: { title: 'apiClient.menu', icon: markRaw(Connection), roles: rolesWith(Permission.API_CLIENT_MANAGE) },
      },
      {
        path: 'api-clients/:id',
        name: 'admin-api-client',
        component: () => import('@/modules/api-client/views/detail/index.vue'),
        meta: { title: 'apiClient.menu', hideInMenu: true, roles: rolesWith(Permission.API_CLIENT_MANAGE) },
      },
      {
        path: 'rule-sets',
        name: 'admin-rule-sets',
        component: () => import('@/modules/rule-set/views/index/index.vue'),
        meta: { title: 'ruleSet.menu', icon: markRaw(Timer), roles: rolesWith(Permission.RULES_MANAGE) },
      },
      {
        path: 'problem-types',
        name: 'admin-problem-types',
        component: () => import('@/modules/problem-type/views/index/index.vue'),
        meta: { title: 'problemType.menu', icon: markRaw(Collection), roles: rolesWith(Permission.RULES_MANAGE) },
      },
      {
        path: 'audit',
        name: 'admin-audit',
        component: () => import('@/modules/audit/views/list/index.vue'),
        meta: { title: 'audit.menu', icon: markRaw(Document), roles: rolesWith(Permission.AUDIT_READ) },
      },
    ],
  },
];
