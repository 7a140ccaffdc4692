import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// Served by the API under /gongkai/ (PUBLIC_DIST); the dev server proxies /graphql to the API.
const apiTarget = process.env.WEIQUAN_API_URL ?? 'http://127.0.0.1:3300';

export default defineConfig({
  base: '/gongkai/',
  plugins: [vue()],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // Subpaths only ('@weiquan/shared/public'): the public site never pulls in the server's calendar data.
      '@weiquan/shared': fileURLToPath(new URL('../../libs/shared/src', import.meta.url)),
    },
  },
  server: { port: 5174, proxy: { '/graphql': apiTarget, '/api': apiTarget } },
  build: { target: 'es2020', chunkSizeWarningLimit: 200 },
  test: { environment: 'happy-dom', include: ['src/**/*.spec.ts'] },
});
