import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { loadConfig, DEMO_PASSWORD } from '@weiquan/core';
import { createApiApp } from '../apps/api/src/bootstrap';
(async () => {
  const config = loadConfig({ DB_NAME: 'weiquan_bench_small', LOG_LEVEL: 'silent', WEB_DIST: '', QUEUE_PREFIX: 'wqbench', REDIS_DB: '2' });
  const app = await createApiApp(config);
  const { DataSource } = require('typeorm');
  const ds = app.get(DataSource);
  const proto = Object.getPrototypeOf(ds.createQueryRunner());
  const orig = proto.query;
  let log: string[] | null = null;
  proto.query = async function (q: string, p: any, ...rest: any[]) {
    const t = performance.now();
    try { return await orig.call(this, q, p, ...rest); } finally { if (log) log.push(`${(performance.now() - t).toFixed(2)}ms ${q.slice(0, 150).replace(/\s+/g, ' ')}`); }
  };
  (globalThis as any).startLog = () => (log = []);
  (globalThis as any).stopLog = () => { const l = log; log = null; return l; };
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}/graphql`;
  const run = async (q: string, v?: any, token?: string) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query: q, variables: v }) });
    const b: any = await r.json(); if (b.errors) throw new Error(JSON.stringify(b.errors)); return b.data;
  };
  const tok = (await run('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { username: 'city_op', password: DEMO_PASSWORD } })).login.accessToken;
  const time = async (label: string, fn: () => Promise<unknown>, n = 60) => {
    for (let i = 0; i < 10; i++) await fn();
    const xs: number[] = [];
    for (let i = 0; i < n; i++) { const t = performance.now(); await fn(); xs.push(performance.now() - t); }
    xs.sort((a, b) => a - b);
    console.log(label.padEnd(30), 'p50', xs[Math.floor(n / 2)].toFixed(1), 'p90', xs[Math.floor(n * 0.9)].toFixed(1));
  };
  await time('health', async () => { const r = await fetch(`http://127.0.0.1:${port}/health/live`); await r.text(); });
  await time('typename', () => run('{ __typename }'));
  await time('me', () => run('{ me { id } }', undefined, tok));
  await time('cases open', () => run('query { cases(filter: { open: true }, page: { limit: 20 }) { total items { id caseNo state } } }', undefined, tok));
  await time('cases open limit1', () => run('query { cases(filter: { open: true }, page: { limit: 1 }) { total items { id } } }', undefined, tok));
  const reg = 'mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo } }';
  const input = (i: number) => ({ kind: 'COMPLAINT', channel: 'PHONE_12315', consumer: { name: '张三', phone: `150${String(10000000 + i + Math.floor(Math.random() * 8e7)).padStart(8, '0')}` }, respondent: { name: '某公司', creditCode: '91350100M000100Y43' }, summary: '测试登记', demand: '退款' });
  await time('register seq', () => run(reg, { input: input(1) }, tok), 30);
  (globalThis as any).startLog();
  { const t = performance.now(); await run(reg, { input: input(2) }, tok); console.log('register', (performance.now() - t).toFixed(1)); }
  for (const l of (globalThis as any).stopLog()) console.log('   ', l);
  for (const [label, q] of [['me', '{ me { id } }'], ['cases', 'query { cases(filter: { open: true }, page: { limit: 20 }) { total items { id caseNo state } } }']]) {
    (globalThis as any).startLog();
    const t = performance.now();
    await run(q, undefined, tok);
    console.log(label, (performance.now() - t).toFixed(1), 'ms total');
    for (const l of (globalThis as any).stopLog()) console.log('   ', l);
  }
  await app.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
