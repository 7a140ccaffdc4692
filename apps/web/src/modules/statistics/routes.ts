import { markRaw } from 'vue';
import type { RouteRecordRaw } from 'vue-router';
import { DataAnalysis, Calendar, Grid, House, TrendCharts } from '@element-plus/icons-vue';
import { Permission, rolesWith } from '@/app/permissions';

// 统计分析: every page is its own lazy chunk, so ECharts (imported by kpi-chart.vue) loads only here.
const roles = rolesWith(Permission.STATS_READ);

export const routes: RouteRecordRaw[] = [
  {
    path: '/stats',
    redirect: '/stats/board',
    meta: { title: 'stats.menu', icon: markRaw(DataAnalysis), roles, order: 20 },
    children: [
      {
        // the director's and supervisor's landing: their unit's figures and their queues' counts
        path: 'overview',
        name: 'stats-overview',
        component: () => import('./views/overview/index.vue'),
        meta: { title: 'stats.overviewMenu', icon: markRaw(House), roles, order: 1 },
      },
      {
        path: 'board',
        name: 'stats-board',
        component: () => import('./views/board/index.vue'),
        meta: { title: 'stats.board', icon: markRaw(TrendCharts), roles, order: 2 },
      },
      {
        path: 'tables',
        name: 'stats-tables',
        component: () => import('./views/tables/index.vue'),
        meta: { title: 'stats.tables', icon: markRaw(Grid), roles, order: 3 },
      },
      {
        path: 'month',
        name: 'stats-month',
        component: () => import('./views/month/index.vue'),
        meta: { title: 'stats.month', icon: markRaw(Calendar), roles, order: 4 },
      },
      {
        path: 'cases',
        name: 'stats-cases',
        component: () => import('./views/cases/index.vue'),
        meta: { title: 'stats.cases', roles, hideInMenu: true },
      },
    ],
  },
];
