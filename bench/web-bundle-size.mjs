#!/usr/bin/env node
// Gzipped size of the JavaScript a browser loads to show the sign-in page:
// the entry chunk, the login route chunk, and everything they import statically
// (transitively), read from the Vite manifest of apps/web/dist. Also reported (no budget):
// the case list (entry + console layout + case list chunk) and the dashboard with its
// on-demand ECharts chunk.
//
//   pnpm --filter @weiquan/web build && node bench/web-bundle-size.mjs [--json] [--budget-kb=350]
//
// Exits 1 when the total exceeds the budget (default 350 KB gzip, 1 KB = 1024 bytes), or when ECharts
// (found by its `_echarts_instance_` marker) is loaded statically by the entry or by a page that draws
// no chart (#17 item 10): only CHART_PAGES and the dashboard's on-demand trend chart may pull it in.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist');
const manifestPath = join(dist, '.vite/manifest.json');
const LOGIN_VIEW = 'src/modules/auth/views/login/index.vue';
const LAYOUT = 'src/layouts/basic-layout/index.vue';
const OTHER_ROUTES = [
  { route: 'case-list', keys: [LAYOUT, 'src/modules/case/views/list/index.vue'] },
  {
    route: 'dashboard',
    keys: [LAYOUT, 'src/modules/dashboard/views/home/index.vue', 'src/modules/dashboard/components/trend-chart.vue'],
  },
];

// Pages that draw charts (statistics: 统计看板, and 统计报表 through its respondent ranking).
const CHART_PAGES = ['src/modules/statistics/views/board/index.vue', 'src/modules/statistics/views/tables/index.vue'];
const CHART_LOADERS = ['src/modules/dashboard/components/trend-chart.vue'];
const ECHARTS_MARKER = '_echarts_instance_';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const budgetArg = args.find((a) => a.startsWith('--budget-kb='));
const budgetKb = budgetArg ? Number(budgetArg.split('=')[1]) : 350;

if (!existsSync(manifestPath)) {
  console.error(`No Vite manifest at ${manifestPath}: run "pnpm --filter @weiquan/web build" first.`);
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const entryKeys = Object.keys(manifest).filter((key) => manifest[key].isEntry);
if (entryKeys.length === 0) throw new Error('manifest has no entry chunk');
if (!manifest[LOGIN_VIEW]) throw new Error(`manifest has no chunk for ${LOGIN_VIEW}`);

// Static imports only: dynamic imports (other routes) are not loaded for sign-in.
function measure(roots) {
  const keys = new Set();
  const visit = (key) => {
    if (keys.has(key)) return;
    const chunk = manifest[key];
    if (!chunk) throw new Error(`manifest refers to missing chunk ${key}`);
    keys.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of roots) visit(key);
  const rows = [];
  const cssFiles = new Set();
  for (const key of keys) {
    const chunk = manifest[key];
    for (const css of chunk.css ?? []) cssFiles.add(css);
    if (!chunk.file.endsWith('.js')) continue;
    const code = readFileSync(join(dist, chunk.file));
    rows.push({ file: chunk.file, source: key, raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
  }
  rows.sort((a, b) => b.gzip - a.gzip);
  const cssGzip = [...cssFiles].reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0);
  return {
    rows,
    cssGzip,
    cssCount: cssFiles.size,
    totalRaw: rows.reduce((sum, r) => sum + r.raw, 0),
    totalGzip: rows.reduce((sum, r) => sum + r.gzip, 0),
  };
}

const kb = (bytes) => bytes / 1024;

// Which pages (route views and the entry) load a chart chunk without asking for it.
function staticClosure(key, seen = new Set()) {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const imported of manifest[key].imports ?? []) staticClosure(imported, seen);
  return seen;
}
const chartChunks = Object.keys(manifest).filter(
  (key) =>
    manifest[key].file.endsWith('.js') && readFileSync(join(dist, manifest[key].file), 'utf8').includes(ECHARTS_MARKER),
);
const pages = Object.keys(manifest).filter((key) => manifest[key].isEntry || /\/views\/.*\.vue$/.test(key));
const chartedPages = pages.filter((key) => chartChunks.some((c) => staticClosure(key).has(c)));
const strayCharts = chartedPages.filter((key) => !CHART_PAGES.includes(key));
const chartLoaders = Object.keys(manifest).filter(
  (key) => !pages.includes(key) && chartChunks.some((c) => staticClosure(key).has(c)) && manifest[key].isDynamicEntry,
);
const chartsOk =
  chartChunks.length > 0 && strayCharts.length === 0 && chartLoaders.every((k) => CHART_LOADERS.includes(k));
const { rows, cssGzip, cssCount, totalRaw, totalGzip } = measure([...entryKeys, LOGIN_VIEW]);
const withinBudget = kb(totalGzip) <= budgetKb;
const others = OTHER_ROUTES.filter((r) => r.keys.every((k) => manifest[k])).map((r) => {
  const m = measure([...entryKeys, ...r.keys]);
  return { route: r.route, jsRaw: m.totalRaw, jsGzip: m.totalGzip, cssGzip: m.cssGzip, files: m.rows.length };
});

if (asJson) {
  console.log(
    JSON.stringify(
      {
        route: 'login',
        chunks: rows,
        jsRaw: totalRaw,
        jsGzip: totalGzip,
        cssGzip,
        budgetKb,
        withinBudget,
        others,
        charts: { chunks: chartChunks, pages: chartedPages, loaders: chartLoaders, ok: chartsOk },
      },
      null,
      2,
    ),
  );
} else {
  console.log('Sign-in route JS (entry + login chunk + static imports), gzip level 9:');
  for (const r of rows) {
    console.log(
      `  ${kb(r.gzip).toFixed(1).padStart(7)} KB gz ${kb(r.raw).toFixed(1).padStart(8)} KB raw  ${r.file}  (${r.source})`,
    );
  }
  console.log(
    `  total JS: ${kb(totalGzip).toFixed(1)} KB gzip (${kb(totalRaw).toFixed(1)} KB raw) in ${rows.length} files`,
  );
  console.log(`  CSS for the route (not counted): ${kb(cssGzip).toFixed(1)} KB gzip in ${cssCount} files`);
  console.log(`  budget: ${budgetKb} KB gzip -> ${withinBudget ? 'OK' : 'OVER BUDGET'}`);
  for (const o of others) {
    console.log(
      `Route ${o.route} (entry + layout + view, static imports; no budget): ${kb(o.jsGzip).toFixed(1)} KB gzip JS (${kb(o.jsRaw).toFixed(1)} KB raw) in ${o.files} files, CSS ${kb(o.cssGzip).toFixed(1)} KB gzip`,
    );
  }
  const list = (xs, none = '(none)') => xs.join(', ') || none;
  const chunkFiles = list(
    chartChunks.map((c) => manifest[c].file),
    '(no chunk found)',
  );
  const stray = strayCharts.length ? `: ${strayCharts.join(', ')} draw no chart` : '';
  const verdict = chartsOk ? 'OK' : `MISS${stray}`;
  console.log(
    `ECharts in ${chunkFiles}: loaded by pages ${list(chartedPages)}; on demand by ${list(chartLoaders)} -> ${verdict}`,
  );
}
process.exit(withinBudget && chartsOk ? 0 : 1);
