import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { ChatDotSquare, Notebook, Postcard } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

export const routes: RouteRecordRaw[] = [
  {
    path: '/public-board',
    name: 'public-board',
    component: () => import('./views/index/index.vue'),
    meta: {
      title: 'publicBoard.menu',
      icon: markRaw(Postcard),
      roles: rolesWith(Permission.PUBLIC_INFO_MANAGE),
      order: 80,
    },
  },
  {
    path: '/suggestions',
    name: 'public-suggestions',
    component: () => import('./views/suggestions/index.vue'),
    meta: {
      title: 'publicBoard.suggestionsMenu',
      icon: markRaw(ChatDotSquare),
      roles: rolesWith(Permission.PUBLIC_SUGGESTION_HANDLE),
      order: 81,
    },
  },
  {
    path: '/typical-cases',
    name: 'typical-cases',
    component: () => import('./views/typical-cases/index.vue'),
    meta: {
      title: 'publicBoard.typicalMenu',
      icon: markRaw(Notebook),
      roles: rolesWith(Permission.TYPICAL_CASE_MANAGE),
      order: 82,
    },
  },
];
