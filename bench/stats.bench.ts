// pnpm bench:stats — statistics at 1,000,000 cases: the KPI board of the city and of a county for a year,
// a drill-down's first page, a 100,000-row Excel export (time and memory growth), beside the raw
// GROUP BY over wq_case the aggregates replace. Prints the figures and PASS/MISS. See bench/README.md.
// Environment: BENCH_CASES (1000000), BENCH_RUNS (50), BENCH_DB (weiquan_bench_stats); --reuse keeps a loaded database,
// --load-only stops after the load and the rebuild.
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { createDataSource, loadConfig, makeActor, seedDemo, StatMaintainer, SystemClock } from '@weiquan/core';
import type { Actor } from '@weiquan/core';
import { addMonths, toShanghaiDate } from '@weiquan/shared';
import { StatisticsQueryService } from '../apps/api/src/modules/statistics/statistics-query.service';
import { writeStatWorkbook } from '../apps/api/src/modules/statistics/statistics-workbook';
import { bulkLoad, createPool, ensureDatabase, loadOrg, log, ms, pct } from './lib/case-load';

const env = (k: string, d: string) => process.env[k] ?? d;
const DB = env('BENCH_DB', 'weiquan_bench_stats');
const N_CASES = Number(env('BENCH_CASES', '1000000'));
const RUNS = Number(env('BENCH_RUNS', '50'));
const REUSE = process.argv.includes('--reuse');
/** Load and rebuild only (e.g. beside other work), then stop: measure later with --reuse on a quiet machine. */
const LOAD_ONLY = process.argv.includes('--load-only');

async function timeIt(runs: number, f: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  await f(); // warm
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await f();
    xs.push(ms(t));
  }
  return { p50: pct(xs, 50), p99: pct(xs, 99) };
}
const fmt = (x: { p50: number; p99: number }) => `p50 ${x.p50.toFixed(1)} ms, p99 ${x.p99.toFixed(1)} ms`;
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

async function main(): Promise<void> {
  const config = loadConfig({ DB_NAME: DB, LOG_LEVEL: 'silent', WEB_DIST: '', DB_POOL_SIZE: '10' });
  ensureDatabase(config, DB, false);
  let ds = createDataSource(config);
  await ds.initialize();
  const [{ n: has }] = await ds.query(
    "SELECT COUNT(*) n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'wq_case'",
  );
  const loaded = Number(has) ? Number((await ds.query('SELECT COUNT(*) n FROM wq_case'))[0].n) : 0;
  const fresh = !(REUSE && loaded >= N_CASES);
  if (fresh) {
    await ds.destroy();
    ensureDatabase(config, DB, true);
    ds = createDataSource(config);
    await ds.initialize();
  }
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds, { cases: false });
  const pool = createPool(config, DB, 4);
  const { units, userIds } = await loadOrg(ds);
  const stats = new StatMaintainer(ds, new SystemClock());
  if (fresh) {
    log(`loading ${N_CASES.toLocaleString()} cases …`);
    const { loadMs, indexMs } = await bulkLoad(ds, pool, units, userIds, Date.now(), N_CASES);
    log(`loaded in ${(loadMs / 1000).toFixed(1)} s + indexes ${(indexMs / 1000).toFixed(1)} s`);
    // The loader writes cases only: give the disputes the steps and clocks the KPIs read, set-based —
    // an acceptance, a first-contact clock (one in ten missed) and, once accepted, the statutory mediation clock.
    let t = performance.now();
    await pool.query(`INSERT INTO case_event (case_id, action, actor_kind, actor_name, at)
      SELECT id, 'acceptCase', 'SYSTEM', 'bench', received_at + INTERVAL 1 DAY FROM wq_case
       WHERE kind IN ('COMPLAINT', 'REPORT') AND state NOT IN ('REGISTERED', 'MATERIALS_PENDING', 'REJECTED')`);
    for (const [code, due, cond] of [
      ['FIRST_CONTACT', 'INTERVAL 2 DAY', "kind IN ('COMPLAINT', 'REPORT')"],
      [
        'STAT_MEDIATION',
        'INTERVAL 60 DAY',
        "kind = 'COMPLAINT' AND state NOT IN ('REGISTERED', 'MATERIALS_PENDING', 'REJECTED')",
      ],
    ] as const) {
      const [[rule]] = await pool.query('SELECT id FROM deadline_rule WHERE code = ? ORDER BY id DESC LIMIT 1', [code]);
      await pool.query(`INSERT INTO case_deadline (case_id, rule_id, rule_code, rule_set_code, rule_set_version, layer,
          round_key, status, trigger_event, started_at, due_at, amount, unit, warn_fractions, responsible_unit_id,
          calendar_version, stopped_at, breached_at)
        SELECT id, ${Number(rule.id)}, '${code}', 'BENCH', 1, 'COMMITMENT', '1', s.status, 'registerCase', received_at,
               received_at + ${due}, 2, 'WORKING_DAYS', '[]', owner_unit_id, 'bench',
               IF(s.status = 'MET', received_at + INTERVAL 1 DAY, IF(is_open, NULL, received_at + ${due} + INTERVAL 1 DAY)),
               IF(s.status = 'BREACHED', received_at + ${due}, NULL)
          FROM (SELECT id, received_at, owner_unit_id, is_open,
                       CASE WHEN received_at + ${due} > NOW() AND is_open THEN 'RUNNING'
                            WHEN id % 10 = 0 THEN 'BREACHED' ELSE 'MET' END AS status
                  FROM wq_case WHERE ${cond}) s`);
    }
    log(`steps and clocks written in ${(ms(t) / 1000).toFixed(1)} s`);
    t = performance.now();
    await pool.query('DELETE FROM stat_dirty_case'); // the rebuild below covers every case
    const n = await stats.rebuild(5000, (done) => {
      if (done % 100_000 === 0) log(`statistics: ${done.toLocaleString()} cases (${(ms(t) / 1000).toFixed(0)} s)`);
    });
    log(`statistics rebuilt from ${n.toLocaleString()} cases in ${(ms(t) / 1000).toFixed(1)} s`);
  } else log(`reusing ${DB} with ${loaded.toLocaleString()} cases`);
  if (LOAD_ONLY) {
    await pool.end();
    await ds.destroy();
    return;
  }
  for (const t of ['stat_contrib', 'stat_daily', 'stat_rollup_day', 'stat_rollup_month'])
    await pool.query(`ANALYZE TABLE ${t}`);

  const unit = (code: string) => units.find((u) => u.code === code)!;
  const actor = (code: string, scope: 'ALL' | 'SUBTREE'): Actor =>
    makeActor({
      kind: 'USER',
      id: 1,
      name: code,
      roles: ['DIRECTOR'],
      unitId: unit(code).id,
      unitPath: unit(code).path,
      dataScope: scope,
    });
  const city = actor('CITY', 'ALL');
  const county = actor('GL', 'SUBTREE');
  const q = new StatisticsQueryService(ds);
  const to = toShanghaiDate(new Date());
  const from = addMonths(to, -12);
  const [[counts]] = await pool.query(
    'SELECT (SELECT COUNT(*) FROM wq_case) cases, (SELECT COUNT(*) FROM stat_contrib) contrib, (SELECT COUNT(*) FROM stat_daily) daily, (SELECT COUNT(*) FROM stat_rollup_day) rollup, (SELECT COUNT(*) FROM stat_rollup_month) monthly',
  );
  log(`rows: ${JSON.stringify(counts)}`);

  const raw = await timeIt(Math.min(RUNS, 5), () =>
    pool.query(
      'SELECT owner_unit_id, kind, COUNT(*) FROM wq_case WHERE received_at >= ? AND received_at < ? GROUP BY owner_unit_id, kind',
      [`${from} 00:00:00`, `${to} 23:59:59`],
    ),
  );
  const cityBoard = await timeIt(RUNS, () => q.board(city, null, from, to));
  const countyBoard = await timeIt(RUNS, () => q.board(county, null, from, to));
  const f = { metric: 'RECEIVED', from, to };
  const cityDrill = await timeIt(RUNS, () => q.cases(city, f, 0, 20));
  const countyDrill = await timeIt(RUNS, () => q.cases(county, { ...f, metric: 'DUE:FIRST_CONTACT' }, 0, 20));

  // ~100,000 rows: the city's registrations over the months back from today until they reach it.
  let exportFrom = to;
  let rows = 0;
  while (rows < 100_000 && exportFrom > addMonths(to, -36)) {
    exportFrom = addMonths(exportFrom, -1);
    rows = (await q.figure(city, { metric: 'RECEIVED', from: exportFrom, to })).n;
  }
  const ef = { metric: 'RECEIVED', from: exportFrom, to };
  global.gc?.();
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      bytes += chunk.length;
      cb();
    },
  });
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const te = performance.now();
  await writeStatWorkbook(sink, ef, rows, q.eachCase(city, ef));
  const exportMs = ms(te);
  clearInterval(sampler);
  const growth = (peak - rss0) / 2 ** 20;

  const line = (what: string, got: string, target: string) =>
    console.log(`  ${what.padEnd(44)} ${got.padEnd(40)} ${target}`);
  console.log(`\nstatistics at ${Number(counts.cases).toLocaleString()} cases, period ${from} … ${to}`);
  line('raw GROUP BY unit × kind over wq_case (year)', fmt(raw), 'baseline');
  line('KPI board, city, year', fmt(cityBoard), `p99 ≤ 200 ms ${verdict(cityBoard.p99 <= 200)}`);
  line('KPI board, county (GL), year', fmt(countyBoard), `p99 ≤ 100 ms ${verdict(countyBoard.p99 <= 100)}`);
  line('drill-down first page, city, RECEIVED', fmt(cityDrill), `p99 ≤ 100 ms ${verdict(cityDrill.p99 <= 100)}`);
  line(
    'drill-down first page, county, DUE:FIRST_CONTACT',
    fmt(countyDrill),
    `p99 ≤ 100 ms ${verdict(countyDrill.p99 <= 100)}`,
  );
  line(
    `Excel export, ${rows.toLocaleString()} rows (${(bytes / 2 ** 20).toFixed(1)} MB)`,
    `${(exportMs / 1000).toFixed(1)} s, RSS +${growth.toFixed(0)} MB`,
    `≤ 20 s ${verdict(exportMs <= 20_000)}, < 150 MB ${verdict(growth < 150)}`,
  );
  await pool.end();
  await ds.destroy();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
