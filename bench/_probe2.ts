import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { loadConfig, DEMO_PASSWORD, CaseNumberService } from '@weiquan/core';
import { createApiApp } from '../apps/api/src/bootstrap';
(async () => {
  const patch = process.argv.includes('--patch');
  if (patch) {
    const orig = CaseNumberService.prototype.next;
    CaseNumberService.prototype.next = function (m: any, unit: any, year: number) {
      return m.connection.transaction((m2: any) => orig.call(this, m2, unit, year));
    };
  }
  const config = loadConfig({ DB_NAME: process.env.PDB ?? 'weiquan_bench_small', LOG_LEVEL: 'silent', WEB_DIST: '', QUEUE_PREFIX: 'wqbench', REDIS_DB: '2' });
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}/graphql`;
  const run = async (q: string, v?: any, token?: string) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query: q, variables: v }) });
    const b: any = await r.json(); if (b.errors) throw new Error(JSON.stringify(b.errors)); return b.data;
  };
  const tok = (await run('mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { username: 'city_op', password: DEMO_PASSWORD } })).login.accessToken;
  const reg = 'mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo } }';
  const input = () => ({ kind: 'COMPLAINT', channel: 'PHONE_12315', consumer: { name: '张三', phone: `150${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}` }, respondent: { name: '某公司', creditCode: '91350100M000100Y43' }, summary: '测试登记', demand: '退款' });
  for (const conc of [1, 4, 16]) {
    const until = performance.now() + 5000; const lat: number[] = []; const t0 = performance.now();
    await Promise.all(Array.from({ length: conc }, async () => { while (performance.now() < until) { const t = performance.now(); await run(reg, { input: input() }, tok); lat.push(performance.now() - t); } }));
    lat.sort((a, b) => a - b);
    console.log(`patch=${patch} conc=${conc}: ${(lat.length / ((performance.now() - t0) / 1000)).toFixed(0)}/s p50 ${lat[Math.floor(lat.length / 2)].toFixed(1)} p99 ${lat[Math.floor(lat.length * 0.99)].toFixed(1)}`);
  }
  await app.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
