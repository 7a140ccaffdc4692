import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import Components from 'unplugin-vue-components/vite';
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers';
import { defineConfig } from 'vitest/config';

// The dev server proxies the API so the browser sees one origin, as in production,
// where the API serves dist/ itself.
const apiTarget = process.env.WEIQUAN_API_URL ?? 'http://127.0.0.1:3300';
const isVitest = process.env.VITEST === 'true';

// Dev only: pre-bundle every Element Plus component style up front; otherwise the dev server
// discovers them route by route and reloads the page each time.
function elementPlusStyleEntries(): string[] {
  const dir = fileURLToPath(new URL('./node_modules/element-plus/es/components', import.meta.url));
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(`${dir}/${name}/style/css.mjs`))
    .map((name) => `element-plus/es/components/${name}/style/css`);
}

export default defineConfig({
  plugins: [
    vue(),
    // Element Plus on demand: each <el-*> tag imports only its component and its CSS,
    // so the sign-in route does not pay for the table, tree or dialogs.
    Components({
      dts: 'src/components.d.ts',
      dirs: [],
      // Node cannot import .css files in unit tests.
      resolvers: [ElementPlusResolver({ importStyle: isVitest ? false : 'css' })],
    }),
  ],
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // The same transition table, labels and validators as the API (framework-free TS source).
      // Import subpaths ('@weiquan/shared/case', '/org', '/auth') so the console never pulls in the
      // calendar data the server needs.
      '@weiquan/shared': fileURLToPath(new URL('../../libs/shared/src', import.meta.url)),
    },
  },
  define: {
    // Options API stays on: el-tree-select's option component uses `extends` and `methods`.
    __VUE_OPTIONS_API__: 'true',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_I18N_FULL_INSTALL__: 'true',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
  },
  optimizeDeps: {
    include: ['element-plus/es', ...elementPlusStyleEntries(), '@element-plus/icons-vue', 'graphql'],
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/graphql': { target: apiTarget, changeOrigin: true },
      '/health': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: { port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: bench/web-bundle-size.mjs reads it to size the sign-in route.
    manifest: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The framework every route needs, as one long-cached chunk. Element Plus is left to
          // automatic splitting so each route loads only the components it renders.
          groups: [{ name: 'framework', test: /node_modules[\\/](@vue|vue|vue-router|pinia|vue-i18n|@intlify)[\\/]/ }],
        },
      },
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.spec.ts'],
    restoreMocks: true,
    setupFiles: ['src/test-utils/setup.ts'],
    // Seven agents share two cores: a component suite mounting Element Plus can take many seconds
    // on a busy machine, so no test may fail for want of an idle CPU.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Run Element Plus through Vite as the browser build does (ESM deps, e.g. async-validator,
    // resolve differently when Node loads them directly).
    server: { deps: { inline: ['element-plus'] } },
  },
});
