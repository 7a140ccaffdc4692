// Deadline engine benchmark, in its own database (weiquan_bench_dl), Redis db (8) and queue prefix:
//   (1) firing: 100,000 RUNNING deadlines on bulk-loaded cases, their alarms put on the queue by the real
//       DeadlineScheduler; a few thousand fall due (or reach a warning) inside a one-minute window, the rest
//       stay queued; the real worker process (apps/worker, spawned) enforces them
//       → lateness = effect recorded (deadline_effect.applied_at) − due/warning instant: p50/p99/max,
//         how many fired, effects/s, worker CPU per effect; plus a burst of alarms at one instant
//         (24:00 is when working-day deadlines fall due) and how fast it drains
//   (2) reconcile: 1,000,000 cases, 300,000 running deadlines (+ breached ones still escalating, + history),
//       Redis emptied, one full DeadlineReconciler pass (it re-adds the alarms due within 24 h; later
//       passes add the rest as they come within the day), a second pass with nothing to repair, and — for
//       comparison — one pass after emptying Redis again that re-adds every alarm at once; in a separate
//       process (the worker's heap) → seconds, jobs re-added, memory.
// A PASS/MISS table against the targets (lateness p99 ≤ 2 s, reconcile ≤ 60 s). Not part of `pnpm test`.
//
//   pnpm bench:deadlines                   fresh database, load, both parts (~4.5 min on the 2-core machine)
//   pnpm bench:deadlines --reuse           keep the loaded cases (deadlines are always rebuilt)
//   pnpm bench:deadlines --only=fire       only part 1 (--only=reconcile: only part 2)
//   pnpm bench:deadlines --drop            drop the database at the end (Redis db 8 is emptied unless --keep-redis)
// Environment: BENCH_CASES (1000000), BENCH_DL_FIRE_DEADLINES (100000), BENCH_DL_FIRING (3000),
// BENCH_DL_BURST (1000), BENCH_DL_WINDOW_S (60), BENCH_DL_LEAD_S (45), BENCH_DL_RUNNING (300000),
// BENCH_DB (weiquan_bench_dl), BENCH_REDIS_DB (8). See bench/README.md.
import 'reflect-metadata';
import { ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import {
  alarmsOf,
  AlarmRow,
  CoreModule,
  createDataSource,
  DeadlineReconciler,
  DeadlineScheduler,
  dueOf,
  effectOf,
  EscalationStep,
  loadConfig,
  nextAlarm,
  REDIS,
  ReconcileReport,
  seedDemo,
} from '@weiquan/core';
import { chineseDaysCalendarData, toShanghaiDate, WorkingCalendar } from '@weiquan/shared';
import { seededRandom } from '../libs/core/src/seed/demo-case-content';
import {
  bulkLoad,
  cpuMs,
  createPool,
  DAY,
  ensureDatabase,
  loadOrg,
  log,
  ms,
  pct,
  RawPool,
  ROOT,
  rootSql,
  sqlTime,
  withoutSecondaryIndexes,
} from './lib/case-load';

const env = (k: string, d: string) => process.env[k] ?? d;
const N_CASES = Number(env('BENCH_CASES', '1000000'));
const FIRE_DEADLINES = Number(env('BENCH_DL_FIRE_DEADLINES', '100000'));
const FIRING = Number(env('BENCH_DL_FIRING', '3000'));
const BURST = Number(env('BENCH_DL_BURST', '1000'));
const WINDOW_MS = Number(env('BENCH_DL_WINDOW_S', '60')) * 1000;
const LEAD_MS = Number(env('BENCH_DL_LEAD_S', '45')) * 1000;
const RUNNING_TARGET = Number(env('BENCH_DL_RUNNING', '300000'));
const DB = env('BENCH_DB', 'weiquan_bench_dl');
const REDIS_DB = env('BENCH_REDIS_DB', '8');
const PREFIX = 'wqbenchdl';
const REUSE = process.argv.includes('--reuse');
const DROP = process.argv.includes('--drop');
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? 'all';
const HARD_LIMIT_MS = 30 * 60_000;
const DRAIN_MS = 120_000;

const HOUR = 3_600_000;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

// @nestjs/core from libs/core (bench/ has no node_modules of its own).
/** The bits of an ioredis client the bench uses (the REDIS provider of CoreModule). */
interface Redis {
  flushdb(): Promise<unknown>;
  zcard(key: string): Promise<number>;
  llen(key: string): Promise<number>;
  info(section: string): Promise<string>;
}
interface AppContext {
  get<T>(token: unknown): T;
  init(): Promise<unknown>;
  close(): Promise<void>;
}
const { NestFactory } = createRequire(resolve(ROOT, 'libs/core/package.json'))('@nestjs/core') as {
  NestFactory: { createApplicationContext(module: unknown, opts?: Record<string, unknown>): Promise<AppContext> };
};

// ------------------------------------------------------------------------------------------ rules and rows
interface Rule {
  id: number;
  code: string;
  set: string;
  setVersion: number;
  layer: string;
  amount: number;
  unit: 'HOURS' | 'CALENDAR_DAYS' | 'WORKING_DAYS';
  warn: number[];
  ladder: EscalationStep[];
}

async function loadRules(pool: RawPool): Promise<Map<string, Rule>> {
  const [rows] = await pool.query(
    `SELECT r.id, r.code, r.amount, r.unit, r.warn_fractions, r.escalation, s.code AS set_code, s.version, s.layer
       FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code IN ('COMMITMENT', 'ORDER_121') AND s.version = 1`,
  );
  return new Map(
    (rows as any[]).map((r) => [
      r.code,
      {
        id: Number(r.id),
        code: r.code,
        set: r.set_code,
        setVersion: Number(r.version),
        layer: r.layer,
        amount: Number(r.amount),
        unit: r.unit,
        warn: JSON.parse(r.warn_fractions),
        ladder: r.escalation ? JSON.parse(r.escalation) : [],
      },
    ]),
  );
}

/** The clocks a case of each kind runs, in the order the bench hands them out (slot 0, 1, …). */
const RULES_BY_KIND: Record<string, string[]> = {
  COMPLAINT: ['ACCEPT_DECISION', 'STAT_ACCEPT', 'COMPLAINT_CONCLUDE', 'STAT_MEDIATION', 'FIRST_CONTACT'],
  REPORT: ['FILING_DECISION', 'STAT_REPORT_VERIFY', 'REPORT_CONCLUDE', 'FIRST_CONTACT'],
  CONSULTATION: ['HOP_CONCLUDE', 'FOLLOW_UP'],
  SUGGESTION: ['HOP_CONCLUDE', 'FOLLOW_UP'],
};
const LADDER_RULES = ['COMPLAINT_CONCLUDE', 'REPORT_CONCLUDE', 'HOP_CONCLUDE'];

interface CaseRef {
  id: number;
  kind: string;
  unitId: number;
  userId: number | null;
  at: number;
}

interface DlRow {
  id: number;
  caseId: number;
  rule: Rule;
  roundKey?: string;
  status: 'RUNNING' | 'BREACHED' | 'MET';
  startedAt: number;
  dueAt: number;
  warn: number[];
  unitId: number;
  userId: number | null;
  stoppedAt: number | null;
  breachedAt: number | null;
  version: number;
}

export const DL_COLUMNS = [
  'id',
  'case_id',
  'rule_id',
  'rule_code',
  'rule_set_code',
  'rule_set_version',
  'layer',
  'round_key',
  'status',
  'trigger_event',
  'started_at',
  'due_at',
  'amount',
  'unit',
  'extended_amount',
  'pauses',
  'paused_at',
  'warn_fractions',
  'responsible_unit_id',
  'responsible_user_id',
  'calendar_version',
  'stopped_at',
  'breached_at',
  'version',
];

function dlLine(d: DlRow, calVersion: string): string {
  const N_ = '\\N';
  return [
    d.id,
    d.caseId,
    d.rule.id,
    d.rule.code,
    d.rule.set,
    d.rule.setVersion,
    d.rule.layer,
    d.roundKey ?? 'r1',
    d.status,
    d.rule.code.startsWith('STAT_ACCEPT') || d.rule.code === 'CALLBACK' ? 'registerCase' : 'acceptCase',
    sqlTime(d.startedAt),
    sqlTime(d.dueAt),
    d.rule.amount,
    d.rule.unit,
    0,
    '[]',
    N_,
    JSON.stringify(d.warn),
    d.unitId,
    d.userId ?? N_,
    calVersion,
    d.stoppedAt === null ? N_ : sqlTime(d.stoppedAt),
    d.breachedAt === null ? N_ : sqlTime(d.breachedAt),
    d.version,
  ].join('\t');
}

/** Streams lines produced by `next` (null = done) in blocks, for LOAD DATA LOCAL INFILE. */
function lines(next: () => string | null): Readable {
  return new Readable({
    read() {
      const out: string[] = [];
      for (let i = 0; i < 2000; i++) {
        const l = next();
        if (l === null) break;
        out.push(l);
      }
      this.push(out.length ? `${out.join('\n')}\n` : null);
    },
  });
}

async function loadDeadlines(
  pool: RawPool,
  rows: () => DlRow | null,
  calVersion: string,
  effects: [number, string, number][],
): Promise<number> {
  const t0 = performance.now();
  await pool.query({
    sql: `LOAD DATA LOCAL INFILE 'deadlines.tsv' INTO TABLE case_deadline CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (${DL_COLUMNS.join(', ')})`,
    infileStreamFactory: () =>
      lines(() => {
        const d = rows();
        return d ? dlLine(d, calVersion) : null;
      }),
  });
  if (effects.length) {
    let i = 0;
    await pool.query({
      sql: `LOAD DATA LOCAL INFILE 'effects.tsv' INTO TABLE deadline_effect FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (deadline_id, effect, applied_at)`,
      infileStreamFactory: () =>
        lines(() => {
          if (i >= effects.length) return null;
          const [deadlineId, effect, at] = effects[i++]!;
          return `${deadlineId}\t${effect}\t${sqlTime(at)}`;
        }),
    });
  }
  return ms(t0);
}

/** Due instants of pause-free day clocks depend only on the trigger's date, amount and unit. */
function dueMemo(cal: WorkingCalendar): (rule: Rule, startedAt: number) => number {
  const memo = new Map<string, number>();
  return (rule, startedAt) => {
    if (rule.unit === 'HOURS') return startedAt + rule.amount * HOUR;
    const key = `${toShanghaiDate(new Date(startedAt))}|${rule.amount}|${rule.unit}`;
    let due = memo.get(key);
    if (due === undefined)
      memo.set(
        key,
        (due = dueOf(cal, {
          startedAt: new Date(startedAt),
          amount: rule.amount,
          extendedAmount: 0,
          unit: rule.unit,
          pauses: [],
          ruleCode: rule.code,
        }).due!.getTime()),
      );
    return due;
  };
}

const alarmRow = (d: DlRow): AlarmRow => ({
  id: String(d.id),
  version: d.version,
  status: d.status,
  ruleId: d.rule.id,
  ruleCode: d.rule.code,
  startedAt: new Date(d.startedAt),
  dueAt: new Date(d.dueAt),
  stoppedAt: d.stoppedAt === null ? null : new Date(d.stoppedAt),
  amount: d.rule.amount,
  extendedAmount: 0,
  unit: d.rule.unit,
  pauses: [],
  warnFractions: d.warn,
});

// ------------------------------------------------------------------------------------------ the worker process
interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  stop(): Promise<void>;
}

function spawnWorker(): Worker {
  // The real worker (apps/worker/src/main.ts) from source, like the bench itself: no build needed.
  const child = spawn(
    process.execPath,
    ['-r', resolve(ROOT, 'bench/ts-register.cjs'), resolve(ROOT, 'apps/worker/src/main.ts')],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, DB_NAME: DB, REDIS_DB, QUEUE_PREFIX: PREFIX, LOG_LEVEL: 'warn', DB_POOL_SIZE: '20' },
    },
  );
  const ready = new Promise<void>((res, rej) => {
    let buf = '';
    child.stdout!.on('data', (b: Buffer) => {
      buf += b.toString();
      if (buf.includes('worker started')) res();
      if (buf.length > 100_000) buf = buf.slice(-1000);
    });
    child.once('exit', (code) => rej(new Error(`worker exited with ${code}`)));
  });
  ready.catch(() => undefined);
  return {
    child,
    ready,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null) return res();
        const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
        child.once('exit', () => {
          clearTimeout(t);
          res();
        });
        child.kill('SIGTERM');
      }),
  };
}

// ------------------------------------------------------------------------------------------ part 1: firing
interface FireResult {
  deadlines: number;
  scheduleMs: number;
  jobs: number;
  expected: number;
  fired: number;
  early: number;
  duplicates: number;
  strayFired: number;
  p50: number;
  p99: number;
  max: number;
  perSec: number;
  burst: { n: number; drainMs: number; p99: number; max: number };
  cpuPerEffect: number;
  workerReadyBeforeWindow: boolean;
  supervisionOk: boolean;
}

async function partFire(
  pool: RawPool,
  ctx: AppContext,
  opens: CaseRef[],
  rules: Map<string, Rule>,
  cal: WorkingCalendar,
  firstId: number,
): Promise<FireResult> {
  const redis = ctx.get<Redis>(REDIS);
  const scheduler = ctx.get<DeadlineScheduler>(DeadlineScheduler);
  await redis.flushdb();
  const n = Math.min(FIRE_DEADLINES, opens.length);
  const r = seededRandom(4);
  const now = Date.now();
  const w0 = now + LEAD_MS;
  const w1 = w0 + WINDOW_MS;
  // The burst rings just after the window, so it does not hold up the spread alarms measured in it.
  const burstAt = w1 + 2000;
  const callback = rules.get('CALLBACK')!;
  const due = dueMemo(cal);
  // Window rows come first (ids firstId …): breaches due in the window, 50 % warnings in the window, the burst.
  const nDue = Math.round((FIRING * 2) / 3);
  const nWarn = FIRING - nDue;
  const expected = new Map<number, { effect: string; at: number; burst: boolean }>();
  let id = firstId;
  let i = 0;
  const next = (): DlRow | null => {
    if (i >= n) return null;
    const c = opens[i++]!;
    const base = {
      id: id++,
      caseId: c.id,
      unitId: c.unitId,
      userId: c.userId,
      status: 'RUNNING' as const,
      stoppedAt: null,
      breachedAt: null,
      version: 1,
    };
    if (i <= nDue + BURST) {
      const at = i <= nDue ? w0 + Math.floor(r() * WINDOW_MS) : burstAt;
      expected.set(base.id, { effect: 'breach', at, burst: i > nDue });
      return { ...base, rule: callback, startedAt: at - 24 * HOUR, dueAt: at, warn: [] };
    }
    if (i <= nDue + BURST + nWarn) {
      const at = w0 + Math.floor(r() * WINDOW_MS);
      expected.set(base.id, { effect: 'warn-50', at, burst: false });
      return { ...base, rule: callback, startedAt: at - 12 * HOUR, dueAt: at + 12 * HOUR, warn: [0.5, 0.8] };
    }
    // The rest: real rules, started within the last two hours — their first alarm is a day or more away.
    const codes = RULES_BY_KIND[c.kind] ?? RULES_BY_KIND.CONSULTATION!;
    const rule = rules.get(codes[0]!)!;
    const startedAt = now - Math.floor(r() * 2 * HOUR);
    return { ...base, rule, startedAt, dueAt: due(rule, startedAt), warn: rule.warn };
  };
  // Check that no queued alarm of the rest falls inside the window (it would be counted nowhere).
  const rows: DlRow[] = [];
  const gen = () => {
    const d = next();
    if (d) rows.push(d);
    return d;
  };
  log(
    `part 1: ${n.toLocaleString()} running deadlines (${nDue} due + ${nWarn} warnings inside a ${WINDOW_MS / 1000} s window from +${LEAD_MS / 1000} s, then ${BURST} due at one instant) …`,
  );
  const loadMs = await loadDeadlines(pool, gen, cal.version, []);
  log(`  loaded in ${(loadMs / 1000).toFixed(1)} s`);
  const early = rows.slice(nDue + BURST + nWarn).filter((d) => {
    const a = nextAlarm(cal, alarmRow(d), d.rule.ladder, new Set(), new Date(now));
    return a && a.at.getTime() < w1 + DRAIN_MS;
  }).length;
  if (early) throw new Error(`${early} queued deadlines would ring inside the window`);

  // The alarms, through the real scheduler (one job per deadline: its next alarm), in pages. With no
  // horizon: every deadline's alarm goes on the queue (a lifecycle step queues only those ringing within
  // a day), so the worker fires among the jobs of 100,000 deadlines — the worst case for Redis.
  const t0 = performance.now();
  let jobs = 0;
  for (let k = 0; k < rows.length; k += 5000)
    jobs += await scheduler.schedule(rows.slice(k, k + 5000).map(alarmRow), Infinity);
  const scheduleMs = ms(t0);
  rows.length = 0;
  log(
    `  scheduled ${jobs.toLocaleString()} alarm jobs in ${(scheduleMs / 1000).toFixed(1)} s (${Math.round(jobs / (scheduleMs / 1000)).toLocaleString()}/s); delayed in Redis: ${(await redis.zcard(`${PREFIX}:deadline:delayed`)).toLocaleString()}`,
  );

  log('  starting the worker (apps/worker, real process) …');
  const worker = spawnWorker();
  await worker.ready;
  const readyAt = Date.now();
  log(`  worker up ${((w0 - readyAt) / 1000).toFixed(0)} s before the window opens`);
  const cpu0 = cpuMs([worker.child.pid ?? null]);
  const lastId = firstId + nDue + BURST + nWarn - 1;
  const end = Math.max(w1, burstAt);
  const count = async () =>
    Number(
      (
        await pool.query('SELECT COUNT(*) AS n FROM deadline_effect WHERE deadline_id BETWEEN ? AND ?', [
          firstId,
          lastId,
        ])
      )[0][0].n,
    );
  while (Date.now() < end) {
    await sleep(5000);
    log(
      `  ${new Date().toISOString().slice(11, 19)} effects recorded: ${(await count()).toLocaleString()} / ${expected.size.toLocaleString()}`,
    );
  }
  const until = Date.now() + DRAIN_MS;
  while ((await count()) < expected.size && Date.now() < until) await sleep(1000);
  const cpu1 = cpuMs([worker.child.pid ?? null]);
  await worker.stop();

  const [effects] = await pool.query(
    'SELECT deadline_id, effect, applied_at FROM deadline_effect WHERE deadline_id >= ?',
    [firstId],
  );
  const lateness: number[] = [];
  const burstLate: number[] = [];
  const burstTimes: number[] = [];
  let early_ = 0;
  let duplicates = 0;
  let stray = 0;
  const seen = new Set<number>();
  for (const e of effects as { deadline_id: string; effect: string; applied_at: Date }[]) {
    const x = expected.get(Number(e.deadline_id));
    if (!x || x.effect !== e.effect) {
      stray++;
      continue;
    }
    if (seen.has(Number(e.deadline_id))) duplicates++;
    seen.add(Number(e.deadline_id));
    const late = e.applied_at.getTime() - x.at;
    if (late < 0) early_++;
    (x.burst ? burstLate : lateness).push(late);
    if (x.burst) burstTimes.push(e.applied_at.getTime());
  }
  const breaches = [...expected.values()].filter((x) => x.effect === 'breach').length;
  const [[sv]] = await pool.query(
    "SELECT (SELECT COUNT(*) FROM supervision WHERE automatic = 1) AS s, (SELECT COUNT(*) FROM violation) AS v, (SELECT COUNT(*) FROM deadline_effect WHERE effect = 'breach') AS b",
  );
  const fired = lateness.length + burstLate.length;
  return {
    deadlines: n,
    scheduleMs,
    jobs,
    expected: expected.size,
    fired,
    early: early_,
    duplicates,
    strayFired: stray,
    p50: pct(lateness, 50),
    p99: pct(lateness, 99),
    max: Math.max(...lateness),
    perSec: lateness.length / (WINDOW_MS / 1000),
    burst: {
      n: burstLate.length,
      drainMs: burstTimes.length ? Math.max(...burstTimes) - burstAt : NaN,
      p99: pct(burstLate, 99),
      max: Math.max(...burstLate),
    },
    cpuPerEffect: (cpu1 - cpu0) / Math.max(1, fired),
    workerReadyBeforeWindow: readyAt < w0,
    supervisionOk: Number(sv.s) === Number(sv.b) && Number(sv.v) === Number(sv.b) && Number(sv.b) === breaches,
  };
}

// ------------------------------------------------------------------------------------------ part 2: reconcile
type Pass = ReconcileReport & { wallMs: number };
interface ReconcileResult {
  running: number;
  live: number;
  rows: number;
  loadMs: number;
  passes: Record<string, Pass>;
  first: Pass;
  second: Pass;
  everything: Pass;
  peakHeapMb: number;
  redisMb: number;
  jobsInRedis: number;
}

async function partReconcile(
  pool: RawPool,
  opens: CaseRef[],
  closed: CaseRef[],
  rules: Map<string, Rule>,
  cal: WorkingCalendar,
  firstId: number,
): Promise<ReconcileResult> {
  const now = Date.now();
  const r = seededRandom(7);
  const due = dueMemo(cal);
  const [[have]] = await pool.query("SELECT COUNT(*) AS n FROM case_deadline WHERE status = 'RUNNING'");
  const [[used]] = await pool.query('SELECT COUNT(DISTINCT case_id) AS n FROM case_deadline');
  const addRunning = Math.max(0, RUNNING_TARGET - Number(have.n));
  const addBreached = Math.round(RUNNING_TARGET * 0.03);
  const effects: [number, string, number][] = [];
  let id = firstId;
  // Part 1 gave the first cases one clock each; here the other open cases get their first clock (slot 0),
  // then every open case its second (slot 1), … until the target: (case, rule) stays unique.
  let round = 0;
  let ci = Number(used.n);
  const nextCase = (): [CaseRef, string] => {
    for (;;) {
      if (ci >= opens.length) {
        ci = 0;
        if (++round > 5) throw new Error('not enough open cases for the running target');
      }
      const c = opens[ci++]!;
      const codes = RULES_BY_KIND[c.kind] ?? RULES_BY_KIND.CONSULTATION!;
      if (round < codes.length) return [c, codes[round]!];
    }
  };
  const pastAlarms = (d: DlRow) => {
    for (const a of alarmsOf(cal, alarmRow(d), d.rule.ladder))
      if (a.at.getTime() <= now) effects.push([d.id, effectOf(a.job), a.at.getTime() + 1000]);
  };
  const made = { running: 0, breached: 0, history: 0 };
  let hi = 0;
  const next = (): DlRow | null => {
    if (made.running < addRunning) {
      made.running++;
      const [c, code] = nextCase();
      const rule = rules.get(code)!;
      // Somewhere in its life: started up to ~its span ago, still running (due ahead).
      const span = rule.unit === 'CALENDAR_DAYS' ? rule.amount * DAY : rule.amount * 1.5 * DAY;
      let startedAt = now - Math.floor(r() * span);
      let dueAt = due(rule, startedAt);
      while (dueAt <= now + 60_000) dueAt = due(rule, (startedAt = startedAt + DAY));
      const d: DlRow = {
        id: id++,
        caseId: c.id,
        rule,
        status: 'RUNNING',
        startedAt,
        dueAt,
        warn: rule.warn,
        unitId: c.unitId,
        userId: c.userId,
        stoppedAt: null,
        breachedAt: null,
        version: 1,
      };
      pastAlarms(d); // warnings and ladder steps already rung
      return d;
    }
    if (made.breached < addBreached) {
      made.breached++;
      const [c] = nextCase();
      const rule = rules.get(LADDER_RULES[made.breached % LADDER_RULES.length]!)!;
      // Breached up to three days ago, still climbing its escalation ladder (a second round: r2).
      const dueAt0 = now - Math.floor(r() * 3 * DAY);
      const startedAt = dueAt0 - rule.amount * 1.4 * DAY;
      const dueAt = due(rule, startedAt);
      const base = {
        id: id++,
        caseId: c.id,
        rule,
        roundKey: 'r2',
        startedAt,
        dueAt,
        warn: rule.warn,
        unitId: c.unitId,
        userId: c.userId,
        stoppedAt: null,
      };
      if (dueAt > now) return { ...base, status: 'RUNNING', breachedAt: null, version: 1 };
      // Everything that rang while it ran and since: warnings, the breach, ladder steps.
      pastAlarms({ ...base, status: 'RUNNING', breachedAt: null, version: 1 });
      return { ...base, status: 'BREACHED', breachedAt: dueAt + 1000, version: 2 };
    }
    // History: one finished clock per closed case (met, a few breached), as a real table has.
    if (hi < closed.length) {
      const c = closed[hi++]!;
      const codes = RULES_BY_KIND[c.kind] ?? RULES_BY_KIND.CONSULTATION!;
      const rule = rules.get(codes[0]!)!;
      const dueAt = due(rule, c.at);
      const breached = r() < 0.03;
      made.history++;
      return {
        id: id++,
        caseId: c.id,
        rule,
        status: breached ? 'BREACHED' : 'MET',
        startedAt: c.at,
        dueAt,
        warn: rule.warn,
        unitId: c.unitId,
        userId: c.userId,
        stoppedAt: dueAt + (breached ? 1 : -1) * Math.floor(r() * DAY),
        breachedAt: breached ? dueAt + 1000 : null,
        version: 2,
      };
    }
    return null;
  };
  log(
    `part 2: adding ${addRunning.toLocaleString()} running + ${addBreached.toLocaleString()} breached (escalating) deadlines + ${closed.length.toLocaleString()} finished ones …`,
  );
  let loadMs = 0;
  const indexMs = await withoutSecondaryIndexes(pool, 'case_deadline', async () => {
    loadMs = await loadDeadlines(pool, next, cal.version, effects);
  });
  await pool.query('ANALYZE TABLE case_deadline');
  await pool.query('ANALYZE TABLE deadline_effect');
  log(
    `  loaded in ${(loadMs / 1000).toFixed(1)} s + indexes ${(indexMs / 1000).toFixed(1)} s (${effects.length.toLocaleString()} effects already applied)`,
  );
  const [[counts]] = await pool.query(
    "SELECT COUNT(*) AS rows_, SUM(status = 'RUNNING') AS running, SUM(status IN ('RUNNING', 'BREACHED') AND stopped_at IS NULL) AS live FROM case_deadline",
  );

  // The passes run in a process of their own, like the worker's: its heap is the reconciler's alone.
  log(
    '  reconciler passes in a separate process: Redis emptied → pass 1; pass 2 (nothing to repair); emptied again → one pass re-adding every alarm at once …',
  );
  const child = spawn(
    process.execPath,
    ['-r', resolve(ROOT, 'bench/ts-register.cjs'), __filename, '--reconcile-child'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: process.env },
  );
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  const code = await new Promise<number | null>((res) => child.once('exit', res));
  const line = out.split('\n').find((l) => l.startsWith('{"passes"'));
  if (code !== 0 || !line) throw new Error(`reconcile child failed (${code}):\n${out.slice(-2000)}`);
  const res = JSON.parse(line) as Omit<ReconcileResult, 'running' | 'live' | 'rows' | 'loadMs'>;
  for (const [k, v] of Object.entries(res.passes)) log(`  ${k}: ${JSON.stringify(v)}`);
  return {
    ...res,
    running: Number(counts.running),
    live: Number(counts.live),
    rows: Number(counts.rows_),
    loadMs: loadMs + indexMs,
  };
}

/** Child process: the reconciler passes of part 2, printed as one JSON line. */
async function reconcileChild(): Promise<void> {
  const config = loadConfig({
    DB_NAME: DB,
    LOG_LEVEL: 'silent',
    WEB_DIST: '',
    QUEUE_PREFIX: PREFIX,
    REDIS_DB,
    DB_POOL_SIZE: '20',
  });
  const ctx = await NestFactory.createApplicationContext(CoreModule.forRoot({ config }), { logger: false });
  await ctx.init();
  const redis = ctx.get<Redis>(REDIS);
  const reconciler = ctx.get<DeadlineReconciler>(DeadlineReconciler);
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 50);
  const pass = async (horizonMs?: number) => {
    const t = performance.now();
    const rep = await reconciler.run({ horizonMs });
    return { ...rep, wallMs: ms(t) };
  };
  await redis.flushdb();
  const first = await pass();
  const redisMb = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1] ?? 0) / 1048576;
  const jobsInRedis = (await redis.zcard(`${PREFIX}:deadline:delayed`)) + (await redis.llen(`${PREFIX}:deadline:wait`));
  const second = await pass();
  await redis.flushdb();
  const everything = await pass(Infinity);
  clearInterval(sampler);
  await redis.flushdb();
  await ctx.close();
  console.log(
    JSON.stringify({
      passes: { first, second, everything },
      first,
      second,
      everything,
      peakHeapMb: peak / 1048576,
      redisMb,
      jobsInRedis,
    }),
  );
}

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
    QUEUE_PREFIX: PREFIX,
    REDIS_DB,
    DB_POOL_SIZE: '20',
  });

  ensureDatabase(config, DB, false);
  const ds = createDataSource(config);
  await ds.initialize();
  const [{ n: existing }] = await ds.query(
    "SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'wq_case'",
  );
  const loaded = Number(existing) > 0 ? Number((await ds.query('SELECT COUNT(*) AS n FROM wq_case'))[0].n) : 0;
  const fresh = !(REUSE && loaded >= N_CASES);
  if (fresh) {
    await ds.destroy();
    log(`creating database ${DB} (fresh)`);
    ensureDatabase(config, DB, true);
    await ds.initialize();
  } else log(`reusing ${DB} with ${loaded.toLocaleString()} cases`);
  await ds.runMigrations({ transaction: 'each' });
  await seedDemo(ds, { cases: false });
  const pool = createPool(config, DB, 4);
  let loadLine = 'cases: reused (--reuse)';
  if (fresh) {
    const { units, userIds } = await loadOrg(ds);
    log(`loading ${N_CASES.toLocaleString()} cases …`);
    const { loadMs, indexMs } = await bulkLoad(ds, pool, units, userIds, Date.now(), N_CASES);
    loadLine = `cases: ${N_CASES.toLocaleString()} loaded in ${(loadMs / 1000).toFixed(1)} s + indexes and counters ${(indexMs / 1000).toFixed(1)} s`;
    log(loadLine);
  }
  // Deadlines (and everything they produce) are rebuilt on every run.
  for (const t of ['notification', 'violation', 'supervision', 'deadline_effect'])
    await pool.query(`DELETE FROM \`${t}\``);
  await pool.query("DELETE FROM case_event WHERE action LIKE 'deadline%'").catch(() => undefined);
  await pool.query('DELETE FROM case_deadline');
  await pool.query('UPDATE wq_case SET overdue = 0 WHERE overdue = 1');

  const [openRows] = await pool.query(
    'SELECT id, kind, owner_unit_id, handler_id, registered_by_id, UNIX_TIMESTAMP(received_at) * 1000 AS at FROM wq_case WHERE is_open = 1 ORDER BY id',
  );
  const toRef = (c: any): CaseRef => ({
    id: Number(c.id),
    kind: c.kind,
    unitId: Number(c.owner_unit_id),
    userId: c.handler_id ? Number(c.handler_id) : c.registered_by_id ? Number(c.registered_by_id) : null,
    at: Number(c.at),
  });
  const opens = (openRows as any[]).map(toRef);
  const rules = await loadRules(pool);
  const cal = new WorkingCalendar(chineseDaysCalendarData(), [], {
    outOfRange: 'weekends-only',
    onWarning: () => undefined,
  });
  log(`${opens.length.toLocaleString()} open cases`);

  // The real services (scheduler, reconciler, effects) in this process, on the bench database and Redis db.
  const ctx = await NestFactory.createApplicationContext(CoreModule.forRoot({ config }), { logger: false });
  await ctx.init();
  let fire: FireResult | null = null;
  let rec: ReconcileResult | null = null;
  try {
    if (ONLY !== 'reconcile') fire = await partFire(pool, ctx, opens, rules, cal, 1);
    if (ONLY !== 'fire') {
      const [closedRows] = await pool.query(
        'SELECT id, kind, owner_unit_id, handler_id, registered_by_id, UNIX_TIMESTAMP(received_at) * 1000 AS at FROM wq_case WHERE is_open = 0 ORDER BY id',
      );
      const closed = (closedRows as any[]).map(toRef);
      const [[maxId]] = await pool.query('SELECT COALESCE(MAX(id), 0) AS n FROM case_deadline');
      rec = await partReconcile(pool, opens, closed, rules, cal, Number(maxId.n) + 1);
    }
  } finally {
    if (!process.argv.includes('--keep-redis')) await ctx.get<Redis>(REDIS).flushdb(); // leave nothing behind in the shared Redis
    await ctx.close();
    await pool.end();
    await ds.destroy();
  }
  if (DROP) {
    rootSql(config, `DROP DATABASE IF EXISTS \`${DB}\``);
    log(`dropped ${DB}`);
  }

  const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
  const ok = (b: boolean) => (b ? 'PASS' : 'MISS');
  const table: [string, string, string, string][] = [];
  if (fire) {
    table.push(
      [
        `alarms scheduled (${fire.deadlines.toLocaleString()} deadlines)`,
        `${fire.jobs.toLocaleString()} jobs in ${s(fire.scheduleMs)} (${Math.round(fire.jobs / (fire.scheduleMs / 1000)).toLocaleString()}/s)`,
        '—',
        '',
      ],
      [
        'fired in the window / expected',
        `${fire.fired.toLocaleString()} / ${fire.expected.toLocaleString()} (${fire.early} early, ${fire.duplicates} doubled, ${fire.strayFired} unexpected)`,
        'all, none early or doubled',
        ok(fire.fired === fire.expected && !fire.early && !fire.duplicates && !fire.strayFired),
      ],
      [
        'firing lateness (spread over the window)',
        `p50 ${s(fire.p50)}, p99 ${s(fire.p99)}, max ${s(fire.max)}`,
        'p99 ≤ 2 s',
        ok(fire.p99 <= 2000),
      ],
      [
        '  effects/s; worker CPU per effect',
        `${fire.perSec.toFixed(0)}/s; ${fire.cpuPerEffect.toFixed(1)} ms`,
        '—',
        '',
      ],
      [
        `burst: ${BURST.toLocaleString()} due at the same instant`,
        `drained in ${s(fire.burst.drainMs)} (${(fire.burst.n / Math.max(0.001, fire.burst.drainMs / 1000)).toFixed(0)}/s), p99 ${s(fire.burst.p99)}`,
        '(informative)',
        '',
      ],
      ['one supervision + one violation per breach', fire.supervisionOk ? 'yes' : 'NO', 'yes', ok(fire.supervisionOk)],
    );
    if (!fire.workerReadyBeforeWindow)
      table.push(['  (the worker was not up before the window opened: raise BENCH_DL_LEAD_S)', '', '', '']);
  }
  if (rec) {
    table.push(
      [
        `reconcile, Redis emptied (${rec.live.toLocaleString()} live of ${rec.rows.toLocaleString()} rows)`,
        `${s(rec.first.wallMs)}: ${rec.first.requeued.toLocaleString()} alarms due within 24 h re-added, ${rec.first.deferred.toLocaleString()} later ones left for later passes`,
        '≤ 60 s',
        ok(rec.first.wallMs <= 60_000),
      ],
      [
        'reconcile again, nothing to repair',
        `${s(rec.second.wallMs)}: ${rec.second.requeued} re-added, ${rec.second.staleRemoved} stale`,
        '≤ 60 s',
        ok(rec.second.wallMs <= 60_000 && rec.second.requeued === 0),
      ],
      [
        'reconcile, emptied, every alarm re-added at once',
        `${s(rec.everything.wallMs)}: ${rec.everything.requeued.toLocaleString()} alarms`,
        '(informative)',
        '',
      ],
      [
        '  where pass 1 / 2 went (sweep, alarms, stale)',
        [rec.first, rec.second]
          .map((p) => `${s(p.phaseMs.sweep)} + ${s(p.phaseMs.alarms)} + ${s(p.phaseMs.stale)}`)
          .join(' / '),
        '—',
        '',
      ],
      [
        '  reconciler process peak heap; Redis after pass 1',
        `${rec.peakHeapMb.toFixed(0)} MB; ${rec.redisMb.toFixed(0)} MB, ${rec.jobsInRedis.toLocaleString()} jobs`,
        '—',
        '',
      ],
    );
  }
  const w = [0, 1, 2].map((i) => Math.max(...table.map((r) => r[i]!.length), 8));
  console.log('');
  console.log(`Weiquan deadline benchmark — ${new Date().toISOString()}`);
  console.log(loadLine);
  if (rec)
    console.log(
      `part 2 data: ${rec.rows.toLocaleString()} deadline rows, ${rec.running.toLocaleString()} running, loaded in ${(rec.loadMs / 1000).toFixed(1)} s`,
    );
  console.log('');
  for (const r of [['what', 'measured', 'target', ''] as const, ...table])
    console.log(`  ${r[0].padEnd(w[0]!)}  ${r[1].padEnd(w[1]!)}  ${r[2].padEnd(w[2]!)}  ${r[3]}`);
  console.log('');
  console.log(`total bench time ${((performance.now() - T0) / 1000).toFixed(0)} s`);
}

(process.argv.includes('--reconcile-child') ? reconcileChild() : main()).then(
  () => process.exit(0),
  (e) => {
    console.error('[bench] failed:', e);
    process.exit(1);
  },
);
