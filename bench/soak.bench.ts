// Soak (#12 item 20): the built API and worker as separate processes on a fresh database (weiquan_soak),
// a steady mixed load for BENCH_SOAK_MINUTES (10): each iteration registers a complaint (city_op), accepts
// and dispatches it, the station receives it and records a contact, and reads the console list, the case
// detail and a lookup by number. Every interval it prints API/worker RSS and heap, p50/p99, errors, open
// MariaDB connections and Redis memory; at the end PASS/MISS on a flat heap, no errors and a stable p99.
//
//   pnpm bench:soak                          10 minutes
//   BENCH_SOAK_MINUTES=5 pnpm bench:soak     shorter
// Environment: BENCH_SOAK_MINUTES (10), BENCH_SOAK_INTERVAL_S (30), BENCH_SOAK_RATE (iterations/s, 1),
// BENCH_SOAK_CLIENTS (4), BENCH_DB (weiquan_soak), BENCH_REDIS_DB (3), BENCH_SOAK_LOG (the processes' log file). MariaDB and Redis must be up
// (bash scripts/infra.sh up). The server is rebuilt first (tsc -b).
import 'reflect-metadata';
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { loadavg } from 'node:os';
import { AddressInfo, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createDataSource, loadConfig, seedDemo } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { CASE_BY_NO, CASES, CaseOps, complaint } from '../apps/api/test/case-ops';
import { ensureDatabase, ROOT, rootSql } from './lib/case-load';

const env = (k: string, d: string) => Number(process.env[k] ?? d);
const MINUTES = env('BENCH_SOAK_MINUTES', '10');
const INTERVAL_S = env('BENCH_SOAK_INTERVAL_S', '30');
const RATE = env('BENCH_SOAK_RATE', '1');
const CLIENTS = env('BENCH_SOAK_CLIENTS', '4');
const DB = process.env.BENCH_DB ?? 'weiquan_soak';
const LOG = process.env.BENCH_SOAK_LOG;
const REDIS_DB = env('BENCH_REDIS_DB', '3');
const PREFIX = 'wqsoak';
// Bounds of the verdict: the heap's fitted growth over the measured part (after the first interval, the
// warm-up) at most max(16 MiB, 10 % of its mean); the last interval's p99 at most 2× the first measured one.
const HEAP_GROWTH_MIN_BOUND = 16 * 2 ** 20;
const P99_RATIO = 2;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (b: number) => (b / 2 ** 20).toFixed(1);

interface Mem {
  t: number;
  rss: number;
  heapUsed: number;
}
interface Proc {
  child: ChildProcess;
  mem: Mem[];
  stop(): Promise<void>;
}

function start(script: string, extra: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--expose-gc', '-r', './bench/lib/mem-report.cjs', script], {
    cwd: ROOT,
    // BENCH_SOAK_LOG=<file>: the processes' own log (errors with their stacks) appended there.
    stdio: ['ignore', LOG ? openSync(LOG, 'a') : 'ignore', 'pipe'],
    env: {
      ...process.env,
      // development: production refuses the example secrets of .env (set BENCH_SOAK_NODE_ENV with real ones)
      NODE_ENV: process.env.BENCH_SOAK_NODE_ENV ?? 'development',
      DB_NAME: DB,
      REDIS_DB: String(REDIS_DB),
      QUEUE_PREFIX: PREFIX,
      LOG_LEVEL: 'error',
      WEB_DIST: '',
      SOAK_MEM_MS: String(Math.min(10_000, INTERVAL_S * 1000)),
      ...extra,
    },
  });
  const mem: Mem[] = [];
  let partial = '';
  child.stderr!.on('data', (b: Buffer) => {
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop()!;
    for (const l of lines) {
      const m = /^\[soak-mem\] (.*)$/.exec(l);
      if (m) mem.push({ t: Date.now(), ...(JSON.parse(m[1]!) as Omit<Mem, 't'>) });
      else if (l.trim()) process.stderr.write(`  [${script.split('/')[1]}] ${l}\n`);
    }
  });
  return {
    child,
    mem,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

async function freePort(): Promise<number> {
  return new Promise((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as AddressInfo).port;
      srv.close(() => res(p));
    });
  });
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Least-squares slope (bytes per ms) of the samples. */
function slope(xs: Mem[]): number {
  const n = xs.length;
  if (n < 2) return 0;
  const mt = xs.reduce((a, x) => a + x.t, 0) / n;
  const mh = xs.reduce((a, x) => a + x.heapUsed, 0) / n;
  let num = 0;
  let den = 0;
  for (const x of xs) {
    num += (x.t - mt) * (x.heapUsed - mh);
    den += (x.t - mt) ** 2;
  }
  return den ? num / den : 0;
}

async function main(): Promise<void> {
  const config = loadConfig({ DB_NAME: DB, REDIS_DB: String(REDIS_DB) });
  console.log(
    `soak: ${MINUTES} min, ${RATE} iterations/s over ${CLIENTS} clients, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  execFileSync('npx', ['tsc', '-b', 'apps/api', 'apps/worker'], { cwd: ROOT, stdio: 'inherit' });
  ensureDatabase(config, DB, true);
  const ds = createDataSource(config);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds, { cases: false });
  await ds.destroy();
  const redisCli = (...args: string[]) =>
    execFileSync('redis-cli', ['-p', String(config.REDIS_PORT), '-n', String(REDIS_DB), ...args], { encoding: 'utf8' });
  redisCli('FLUSHDB');

  const port = await freePort();
  const api = start('apps/api/dist/main.js', { API_HOST: '127.0.0.1', API_PORT: String(port), API_WORKERS: '1' });
  const worker = start('apps/worker/dist/main.js', {});
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (api.child.exitCode !== null) throw new Error(`the API exited with ${api.child.exitCode}`);
    if (
      await fetch(`${url}/health/ready`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 240) throw new Error('the API did not become ready in 120 s');
    await sleep(500);
  }
  const gql = new GqlClient(url);
  const cityOp = new CaseOps((await loginAs(gql, 'city_op')).client);
  const station = new CaseOps((await loginAs(gql, 'gl_station')).client);
  const [{ id: stationUnit }] = (await (async () => {
    const d = createDataSource(config);
    await d.initialize();
    try {
      return (await d.query("SELECT id FROM org_unit WHERE code = 'GL-T1'")) as { id: string }[];
    } finally {
      await d.destroy();
    }
  })())!;

  // samples of the current interval
  let lat: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  const timed = async <T>(fn: () => Promise<T>): Promise<T | undefined> => {
    const t0 = performance.now();
    try {
      const r = await fn();
      lat.push(performance.now() - t0);
      return r;
    } catch (e) {
      errors++;
      if (errorSamples.length < 5) errorSamples.push(String(e).slice(0, 200));
      return undefined;
    }
  };
  const iteration = async () => {
    let c = await timed(() => cityOp.register(complaint()));
    if (!c) return;
    c = (await timed(() => cityOp.run('acceptCase', c!))) ?? c;
    c =
      (await timed(() =>
        cityOp.run('dispatchCase', c!, {
          targetType: 'UNIT',
          unitId: String(stationUnit),
          mode: 'ON_BEHALF',
          instructions: '请尽快联系消费者',
        }),
      )) ?? c;
    c = (await timed(() => station.run('receiveCase', c!))) ?? c;
    await timed(() => station.run('recordContact', c!, { method: 'PHONE', content: '已电话联系消费者' }));
    await timed(() => station.gql.ok(CASES, { f: {}, p: { limit: 20 } }));
    await timed(() => station.get(c!.id));
    await timed(() => cityOp.gql.ok(CASE_BY_NO, { no: c!.caseNo }));
  };

  const end = Date.now() + MINUTES * 60_000;
  let stop = false;
  let iterations = 0;
  const clients = Array.from({ length: CLIENTS }, async (_, k) => {
    const every = (1000 * CLIENTS) / RATE;
    await sleep((k * every) / CLIENTS);
    for (let next = Date.now(); !stop; ) {
      await iteration();
      iterations++;
      next += every;
      await sleep(Math.max(0, next - Date.now()));
    }
  });

  interface Row {
    min: number;
    n: number;
    p50: number;
    p99: number;
    errors: number;
  }
  const rows: Row[] = [];
  const t0 = Date.now();
  console.log(
    '  min  requests  p50 ms  p99 ms  errors  api rss/heap MiB  worker rss/heap MiB  db conns  redis MiB  load',
  );
  while (Date.now() < end) {
    await sleep(Math.min(INTERVAL_S * 1000, end - Date.now()));
    const last = (p: Proc) => p.mem[p.mem.length - 1];
    const a = last(api);
    const w = last(worker);
    const conns = rootSql(config, "SHOW GLOBAL STATUS LIKE 'Threads_connected'").trim().split(/\s+/)[1];
    const redisMem = Number(/used_memory:(\d+)/.exec(redisCli('INFO', 'memory'))?.[1] ?? NaN);
    const row = { min: (Date.now() - t0) / 60_000, n: lat.length, p50: pct(lat, 50), p99: pct(lat, 99), errors };
    rows.push(row);
    console.log(
      `${row.min.toFixed(1).padStart(5)}  ${String(row.n).padStart(8)}  ${row.p50.toFixed(0).padStart(6)}  ${row.p99.toFixed(0).padStart(6)}  ${String(errors).padStart(6)}  ` +
        `${a ? `${mb(a.rss)}/${mb(a.heapUsed)}` : '-'}`.padStart(16) +
        `  ${w ? `${mb(w.rss)}/${mb(w.heapUsed)}` : '-'}`.padStart(20) +
        `  ${String(conns).padStart(8)}  ${mb(redisMem).padStart(9)}  ${loadavg()[0]!.toFixed(2)}`,
    );
    lat = [];
    errors = 0;
  }
  stop = true;
  await Promise.all(clients);
  await api.stop();
  await worker.stop();

  const warm = t0 + INTERVAL_S * 1000;
  const verdict = (name: string, ok: boolean, detail: string) =>
    console.log(`${ok ? 'PASS' : 'MISS'}  ${name}: ${detail}`);
  for (const [name, p] of [
    ['API heap', api],
    ['worker heap', worker],
  ] as const) {
    const xs = p.mem.filter((m) => m.t >= warm);
    const mean = xs.reduce((s, x) => s + x.heapUsed, 0) / Math.max(1, xs.length);
    const growth = slope(xs) * (xs.length ? xs[xs.length - 1]!.t - xs[0]!.t : 0);
    const bound = Math.max(HEAP_GROWTH_MIN_BOUND, 0.1 * mean);
    verdict(
      name,
      xs.length >= 3 && growth <= bound,
      `fitted growth ${mb(growth)} MiB over the run after warm-up (bound ${mb(bound)} MiB, mean ${mb(mean)} MiB, ${xs.length} samples)`,
    );
  }
  const totalErrors = rows.reduce((s, r) => s + r.errors, 0);
  verdict(
    'errors',
    totalErrors === 0,
    `${totalErrors} of ${rows.reduce((s, r) => s + r.n + r.errors, 0)} requests${errorSamples.length ? ` e.g. ${errorSamples.join(' | ')}` : ''}`,
  );
  const first = rows[1] ?? rows[0];
  const lastRow = rows[rows.length - 1];
  verdict(
    'p99 stable',
    !!first && !!lastRow && lastRow.p99 <= P99_RATIO * first.p99,
    `last interval ${lastRow?.p99.toFixed(0)} ms vs first measured ${first?.p99.toFixed(0)} ms (bound ${P99_RATIO}×)`,
  );
  console.log(
    `${iterations} iterations; load average at the end ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
