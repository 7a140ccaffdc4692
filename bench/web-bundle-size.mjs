#!/usr/bin/env node
// Gzipped size of the JavaScript a browser loads to show the sign-in page:
// the entry chunk, the login route chunk, and everything they import statically
// (transitively), read from the Vite manifest of apps/web/dist.
//
//   pnpm --filter @weiquan/web build && node bench/web-bundle-size.mjs [--json] [--budget-kb=350]
//
// Exits 1 when the total exceeds the budget (default 350 KB gzip, 1 KB = 1024 bytes).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'apps/web/dist');
const manifestPath = join(dist, '.vite/manifest.json');
const LOGIN_VIEW = 'src/modules/auth/views/login/index.vue';

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
const keys = new Set();
const visit = (key) => {
  if (keys.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest refers to missing chunk ${key}`);
  keys.add(key);
  for (const imported of chunk.imports ?? []) visit(imported);
};
for (const key of [...entryKeys, LOGIN_VIEW]) visit(key);

const kb = (bytes) => bytes / 1024;
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

const totalRaw = rows.reduce((sum, r) => sum + r.raw, 0);
const totalGzip = rows.reduce((sum, r) => sum + r.gzip, 0);
const withinBudget = kb(totalGzip) <= budgetKb;

if (asJson) {
  console.log(JSON.stringify({ route: 'login', chunks: rows, jsRaw: totalRaw, jsGzip: totalGzip, cssGzip, budgetKb, withinBudget }, null, 2));
} else {
  console.log('Sign-in route JS (entry + login chunk + static imports), gzip level 9:');
  for (const r of rows) {
    console.log(`  ${kb(r.gzip).toFixed(1).padStart(7)} KB gz ${kb(r.raw).toFixed(1).padStart(8)} KB raw  ${r.file}  (${r.source})`);
  }
  console.log(`  total JS: ${kb(totalGzip).toFixed(1)} KB gzip (${kb(totalRaw).toFixed(1)} KB raw) in ${rows.length} files`);
  console.log(`  CSS for the route (not counted): ${kb(cssGzip).toFixed(1)} KB gzip in ${cssFiles.size} files`);
  console.log(`  budget: ${budgetKb} KB gzip -> ${withinBudget ? 'OK' : 'OVER BUDGET'}`);
}
process.exit(withinBudget ? 0 : 1);
