import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { provideGlobalConfig } from 'element-plus';
import zhCn from 'element-plus/es/locale/lang/zh-cn';
import App from './App.vue';
import { createAppRouter } from './app/router';
import { setupRequestAuth } from './app/setup-request-auth';
import { i18n } from './locales';
import './styles/index.css';

const app = createApp(App);
app.use(createPinia());
app.use(i18n);
// Element Plus in zh-CN, also for ElMessageBox/ElMessage which render outside the app tree.
provideGlobalConfig({ locale: zhCn }, app, true);

const router = createAppRouter();
setupRequestAuth(router);
app.use(router);
app.mount('#app');
