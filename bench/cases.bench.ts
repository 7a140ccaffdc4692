// Case benchmark: 1,000,000 cases over the demo org tree in a separate database (weiquan_bench),
// the real API on a loopback port, then
//   (1) registerCase over GraphQL, 16 concurrent clients           → registrations/s, p50/p99
//   (2) the console's first page for a county (gl_county: 鼓楼区 subtree, open cases, 20 rows + total)
//       over GraphQL and as the same raw SQL                         → p50/p99 and the ratio
//   (3) the city operator's first page (whole tree, open cases)      → p50/p99 (+ raw SQL)
// and a PASS/MISS table against the targets. Not part of `pnpm test`. See bench/README.md.
//
//   pnpm bench:cases                 fresh database, load, measure (~4–6 min on the 2-core machine)
//   pnpm bench:cases --reuse         keep an already loaded weiquan_bench (skips the load)
//   pnpm bench:cases --drop          drop weiquan_bench at the end
// Environment: BENCH_CASES (1000000), BENCH_REGISTER_SECONDS (20), BENCH_WARMUP_SECONDS (3), BENCH_CLIENTS (16), BENCH_RUNS (200),
// BENCH_DB (weiquan_bench), BENCH_REDIS_DB (2). MariaDB and Redis must be up (bash scripts/infra.sh up).
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { countCases, createDataSource, loadConfig, makeActor, seedDemo, UserEntity } from '@weiquan/core';
import { createApiApp } from '../apps/api/src/bootstrap';
import { bulkLoad, cpuMs, createPool, ensureDatabase, loadOrg, log, rootSql } from './lib/case-load';
import { Gql, measureRegister, PAGE, pidFile, sample, spawnApi } from './lib/api-bench';
const env = (k: string, d: string) => process.env[k] ?? d;
const N = Number(env('BENCH_CASES', '1000000'));
const REGISTER_SECONDS = Number(env('BENCH_REGISTER_SECONDS', '20'));
const WARMUP_SECONDS = Number(env('BENCH_WARMUP_SECONDS', '3'));
const CLIENTS = Number(env('BENCH_CLIENTS', '16'));
const RUNS = Number(env('BENCH_RUNS', '200'));
const DB = env('BENCH_DB', 'weiquan_bench');
const REUSE = process.argv.includes('--reuse');
const DROP = process.argv.includes('--drop');
const REGISTER_ONLY = process.argv.includes('--register-only');
// One API process by default: on this 2-core machine it shares the cores with MariaDB, Redis and the load
// generator best (two measured 273/s against 323–328/s for one; more cores, more processes).
const API_WORKERS = Number(env('BENCH_API_WORKERS', '1'));
const HARD_LIMIT_MS = 20 * 60_000;

// ------------------------------------------------------------------------------------------ main
async function main(): Promise<void> {
  const hard = setTimeout(() => {
    console.error(`[bench] stopped: still running after ${HARD_LIMIT_MS / 60_000} min`);
    process.exit(2);
  }, HARD_LIMIT_MS);
  hard.unref();
  const T0 = performance.now();
  const config = loadConfig({
    DB_NAME: DB,
    LOG_LEVEL: 'silent',
    WEB_DIST: '',
    QUEUE_PREFIX: 'wqbench',
    REDIS_DB: env('BENCH_REDIS_DB', '2'),
    DB_POOL_SIZE: '20',
  });

  ensureDatabase(config, DB, false);
  const ds = createDataSource(config);
  await ds.initialize();
  const [{ n: existing }] = await ds.query(
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'wq_case'",
  );
  const loaded = Number(existing) > 0 ? Number((await ds.query('SELECT COUNT(*) AS n FROM wq_case'))[0].n) : 0;
  let fresh = !(REUSE && loaded >= N);
  if (fresh) {
    await ds.destroy();
    log(`creating database ${DB} (fresh)`);
    ensureDatabase(config, DB, true);
    await ds.initialize();
  } else log(`reusing ${DB} with ${loaded.toLocaleString()} cases`);
  const migrated = await ds.runMigrations({ transaction: 'each' });
  if (migrated.length) log(`migrated: ${migrated.map((m) => m.name).join(', ')}`);
  await seedDemo(ds, { cases: false });
  const { units, userIds } = await loadOrg(ds);
  const unit = (code: string) => units.find((u) => u.code === code)!;

  const pool = createPool(config, DB);
  let loadLine = 'load: skipped (--reuse)';
  if (fresh) {
    log(`loading ${N.toLocaleString()} cases (LOAD DATA LOCAL INFILE, indexes rebuilt after) …`);
    const { loadMs, indexMs } = await bulkLoad(ds, pool, units, userIds, Date.now(), N);
    loadLine = `load: ${N.toLocaleString()} cases in ${(loadMs / 1000).toFixed(1)} s (${Math.round(N / (loadMs / 1000)).toLocaleString()} rows/s) + indexes and counters ${(indexMs / 1000).toFixed(1)} s`;
    log(loadLine);
    fresh = false;
  }
  const [[counts]] = await pool.query('SELECT COUNT(*) AS total, SUM(is_open) AS open FROM wq_case');
  log(
    `wq_case: ${Number(counts.total).toLocaleString()} rows, ${Number(counts.open).toLocaleString()} open (${((100 * Number(counts.open)) / Number(counts.total)).toFixed(1)}%)`,
  );

  log('starting the API …');
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const anon = new Gql(`http://127.0.0.1:${port}/graphql`);
  const cityOp = await anon.login('city_op');
  const glCounty = await anon.login('gl_county');
  const gl = unit('GL');

  // Registration runs against the built API in processes of its own (API_WORKERS of them, like
  // production), so the load generator's CPU is not charged to the API's event loop; CPU time of the
  // API processes, MariaDB and Redis is read from /proc over the measured window.
  log(`registerCase: starting the built API with API_WORKERS=${API_WORKERS} …`);
  const api = await spawnApi(config, API_WORKERS);
  const regClient = await new Gql(`${api.url}graphql`).login('city_op');
  log(`registerCase: ${CLIENTS} clients × ${REGISTER_SECONDS} s …`);
  const lockStatus = async () => {
    const [rows] = await pool.query(
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('Innodb_row_lock_waits', 'Innodb_row_lock_time')",
    );
    return Object.fromEntries(
      (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, Number(r.Value)]),
    );
  };
  const servers = { mariadb: pidFile(config, 'mariadb.pid'), redis: pidFile(config, 'redis.pid') };
  const cpuOf = () => ({
    api: cpuMs(api.pids()),
    mariadb: cpuMs([servers.mariadb]),
    redis: cpuMs([servers.redis]),
    client: process.cpuUsage(),
  });
  // Unmeasured warm-up at full load first (JIT, pools, caches of every API process).
  if (WARMUP_SECONDS > 0) await measureRegister(regClient, WARMUP_SECONDS, CLIENTS);
  const [lock0, cpu0] = [await lockStatus(), cpuOf()];
  const reg = await measureRegister(regClient, REGISTER_SECONDS, CLIENTS);
  const [lock1, cpu1] = [await lockStatus(), cpuOf()];
  await api.stop();
  const waits = lock1.Innodb_row_lock_waits! - lock0.Innodb_row_lock_waits!;
  const waitMs = lock1.Innodb_row_lock_time! - lock0.Innodb_row_lock_time!;
  const per = (a: number, b: number) => (a - b) / Math.max(1, reg.n);
  const cpu = {
    api: per(cpu1.api, cpu0.api),
    mariadb: per(cpu1.mariadb, cpu0.mariadb),
    redis: per(cpu1.redis, cpu0.redis),
    client: per((cpu1.client.user + cpu1.client.system) / 1000, (cpu0.client.user + cpu0.client.system) / 1000),
  };
  const serverCpu = cpu.api + cpu.mariadb + cpu.redis;
  const cpuLine = `API ${cpu.api.toFixed(1)} + MariaDB ${cpu.mariadb.toFixed(1)} + Redis ${cpu.redis.toFixed(1)} = ${serverCpu.toFixed(1)} ms (load generator ${cpu.client.toFixed(1)} ms)`;
  log(
    `  ${reg.n} registered (${reg.errors} errors): ${reg.perSec.toFixed(0)}/s, p50 ${reg.p50.toFixed(1)} ms, p99 ${reg.p99.toFixed(1)} ms`,
  );
  log(
    `  CPU per registration: ${cpuLine}; 300/s needs ≈ ${((300 * serverCpu) / 1000).toFixed(1)} cores for the servers`,
  );
  log(`  InnoDB row-lock waits: ${waits} (${waits ? (waitMs / waits).toFixed(0) : 0} ms on average, server-wide)`);

  if (REGISTER_ONLY) {
    await app.close();
    await pool.end();
    await ds.destroy();
    console.log(
      `registerCase, ${CLIENTS} clients, ${API_WORKERS} API processes: ${reg.perSec.toFixed(0)}/s (p50 ${reg.p50.toFixed(1)} ms, p99 ${reg.p99.toFixed(1)} ms, ${reg.errors} errors); CPU per registration ${cpuLine}`,
    );
    return;
  }

  // The same statements the list runs (CaseQueryService.list: one page + exact total, in parallel).
  const where = (prefix: string | null) => `c.is_open = 1${prefix ? ' AND c.owner_path LIKE ?' : ''}`;
  const rawPage = async (prefix: string | null) => {
    const args = prefix ? [`${prefix}%`] : [];
    const [[rows], [[cnt]]] = await Promise.all([
      pool.query(
        `SELECT c.* FROM wq_case c WHERE ${where(prefix)} ORDER BY c.received_at DESC, c.id DESC LIMIT 20`,
        args,
      ),
      pool.query(`SELECT COUNT(*) AS n FROM wq_case c WHERE ${where(prefix)}`, args),
    ]);
    return { rows: rows as unknown[], total: Number(cnt.n) };
  };
  // The same page with the total read from case_count (countCases, libs/core/src/case/case-counts.ts).
  const countedPage = async (prefix: string | null, actor: ReturnType<typeof makeActor>) => {
    const args = prefix ? [`${prefix}%`] : [];
    const [[rows], total] = await Promise.all([
      pool.query(
        `SELECT c.* FROM wq_case c WHERE ${where(prefix)} ORDER BY c.received_at DESC, c.id DESC LIMIT 20`,
        args,
      ),
      countCases(ds.manager, actor, { open: true }),
    ]);
    return { rows: rows as unknown[], total };
  };
  const userActor = async (username: string) => {
    const u = await ds.getRepository(UserEntity).findOneOrFail({ where: { username }, relations: { unit: true } });
    return makeActor({
      kind: 'USER',
      id: u.id,
      name: u.displayName,
      roles: u.roles,
      unitId: u.unitId,
      unitPath: u.unit!.path,
      dataScope: u.dataScope,
    });
  };
  const [glActor, cityActor] = [await userActor('gl_county'), await userActor('city_op')];
  const gqlPage = (client: Gql, f: Record<string, unknown>) =>
    client.run<{ cases: { total: number; items: unknown[] } }>(PAGE, { f, p: { limit: 20 } });

  const countyGql = await gqlPage(glCounty, { unitId: String(gl.id), open: true });
  const countyRaw = await rawPage(gl.path);
  const cityGql = await gqlPage(cityOp, { open: true });
  const cityRaw = await rawPage(null);
  const countyCounted = await countedPage(gl.path, glActor);
  const cityCounted = await countedPage(null, cityActor);
  if (
    new Set([countyGql.cases.total, countyRaw.total, countyCounted.total]).size > 1 ||
    new Set([cityGql.cases.total, cityRaw.total, cityCounted.total]).size > 1
  ) {
    throw new Error(
      `totals differ: county ${countyGql.cases.total} / ${countyRaw.total} / ${countyCounted.total}, city ${cityGql.cases.total} / ${cityRaw.total} / ${cityCounted.total}`,
    );
  }
  log(
    `county (鼓楼区 subtree) open: ${countyRaw.total.toLocaleString()}; city open: ${cityRaw.total.toLocaleString()}`,
  );
  for (const [label, prefix] of [
    ['county', gl.path],
    ['city', null],
  ] as const) {
    for (const sql of [
      `SELECT c.* FROM wq_case c WHERE ${where(prefix)} ORDER BY c.received_at DESC, c.id DESC LIMIT 20`,
      `SELECT COUNT(*) FROM wq_case c WHERE ${where(prefix)}`,
    ]) {
      const [plan] = await pool.query(`EXPLAIN ${sql}`, prefix ? [`${prefix}%`] : []);
      const p = (plan as any[])[0];
      log(
        `  plan ${label}: ${sql.startsWith('SELECT COUNT') ? 'count' : 'page '} key=${p.key} rows≈${p.rows} ${p.Extra ?? ''}`,
      );
    }
  }

  log(`first pages: ${RUNS} sequential runs each …`);
  const county = await sample(RUNS, () => gqlPage(glCounty, { unitId: String(gl.id), open: true }));
  const countySql = await sample(RUNS, () => rawPage(gl.path));
  const city = await sample(RUNS, () => gqlPage(cityOp, { open: true }));
  const citySql = await sample(RUNS, () => rawPage(null));
  const countyCtr = await sample(RUNS, () => countedPage(gl.path, glActor));
  const cityCtr = await sample(RUNS, () => countedPage(null, cityActor));

  await app.close();
  await pool.end();
  await ds.destroy();
  if (DROP) {
    rootSql(config, `DROP DATABASE IF EXISTS \`${DB}\``);
    log(`dropped ${DB}`);
  }

  const f = (x: number) => `${x.toFixed(1)} ms`;
  const ok = (b: boolean) => (b ? 'PASS' : 'MISS');
  const ratio50 = county.p50 / countySql.p50;
  const ratio99 = county.p99 / countySql.p99;
  const rows: [string, string, string, string][] = [
    [
      `registerCase, ${CLIENTS} clients (GraphQL)`,
      `${reg.perSec.toFixed(0)}/s (p50 ${f(reg.p50)}, p99 ${f(reg.p99)}, ${reg.errors} errors)`,
      '≥ 300/s, no errors',
      ok(reg.perSec >= 300 && reg.errors === 0),
    ],
    [
      `  CPU / registration (${API_WORKERS} API processes)`,
      cpuLine,
      `300/s ≈ ${((300 * serverCpu) / 1000).toFixed(1)} cores`,
      '',
    ],
    ['  InnoDB row-lock waits', `${waits}, avg ${waits ? (waitMs / waits).toFixed(0) : 0} ms`, '—', ''],
    ['county first page, GraphQL', `p50 ${f(county.p50)}, p99 ${f(county.p99)}`, 'p99 ≤ 50 ms', ok(county.p99 <= 50)],
    ['county first page, raw SQL', `p50 ${f(countySql.p50)}, p99 ${f(countySql.p99)}`, '—', ''],
    [
      'county GraphQL / raw SQL',
      `p50 ${ratio50.toFixed(2)}×, p99 ${ratio99.toFixed(2)}×`,
      'p50 ≤ 2×',
      ok(ratio50 <= 2),
    ],
    [
      'county GraphQL / raw page + case_count',
      `p50 ${(county.p50 / countyCtr.p50).toFixed(2)}×, p99 ${(county.p99 / countyCtr.p99).toFixed(2)}×`,
      '(informative)',
      '',
    ],
    ['city first page, GraphQL', `p50 ${f(city.p50)}, p99 ${f(city.p99)}`, 'p99 ≤ 100 ms', ok(city.p99 <= 100)],
    ['city first page, raw SQL', `p50 ${f(citySql.p50)}, p99 ${f(citySql.p99)}`, '—', ''],
    [
      'county page + case_count total (SQL)',
      `p50 ${f(countyCtr.p50)}, p99 ${f(countyCtr.p99)}`,
      '(what countCases gives the list)',
      '',
    ],
    [
      'city page + case_count total (SQL)',
      `p50 ${f(cityCtr.p50)}, p99 ${f(cityCtr.p99)}`,
      '(what countCases gives the list)',
      '',
    ],
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), 8));
  console.log('');
  console.log(
    `Weiquan case benchmark — ${Number(counts.total).toLocaleString()} cases (${((100 * Number(counts.open)) / Number(counts.total)).toFixed(0)}% open), ${new Date().toISOString()}`,
  );
  console.log(loadLine);
  console.log(
    `county = 鼓楼区 subtree, ${countyRaw.total.toLocaleString()} open cases; city = whole tree, ${cityRaw.total.toLocaleString()} open cases; first page = 20 rows + exact total`,
  );
  console.log('');
  for (const r of [['what', 'measured', 'target', ''] as const, ...rows])
    console.log(`  ${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`);
  console.log('');
  console.log(`total bench time ${((performance.now() - T0) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error('[bench] failed:', e);
    process.exit(1);
  },
);
