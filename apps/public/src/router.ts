import { createRouter, createWebHistory } from 'vue-router';
import HomeView from './views/HomeView.vue';

// The first page is in the entry chunk; the forms load when opened (first page ≤ 120 KB gzip JS).
export const router = createRouter({
  history: createWebHistory('/gongkai/'),
  routes: [
    { path: '/', component: HomeView, meta: { title: '消费维权服务' } },
    { path: '/tousu', component: () => import('./views/SubmitView.vue'), meta: { title: '网上投诉、举报、咨询' } },
    { path: '/chaxun', component: () => import('./views/LookupView.vue'), meta: { title: '办理进度查询' } },
    { path: '/gongkai', component: () => import('./views/InfoView.vue'), meta: { title: '办事公开' } },
    { path: '/gongshi', component: () => import('./views/PublishedView.vue'), meta: { title: '投诉信息公示' } },
    { path: '/anli', component: () => import('./views/TypicalCasesView.vue'), meta: { title: '典型案例' } },
    { path: '/anli/:ref', component: () => import('./views/TypicalCaseView.vue'), meta: { title: '典型案例' } },
    { path: '/chengxiao', component: () => import('./views/PerformanceView.vue'), meta: { title: '服务成效' } },
    { path: '/:rest(.*)', redirect: '/' },
  ],
});

router.afterEach((to) => {
  document.title = `${String(to.meta.title ?? '消费维权服务')} · 消费维权服务平台`;
});
