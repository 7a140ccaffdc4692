import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { CaseDeadlineEntity, CoreModule, DEADLINE_QUEUE_NAME, DeadlineScheduler, jobId, REDIS } from '@weiquan/core';
import { insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';

// The worker as deployed — a separate process, real clock, real MariaDB and Redis — killed in the middle
// of applying breaches, restarted, and its Redis emptied under it: every deadline that fell due ends
// breached exactly once, with one supervision item and one violation; none is lost, none doubled.
// Runs apps/worker/dist (the test command builds the server before Jest runs).

const ROOT = resolve(__dirname, '../../..');
const WORKER = join(ROOT, 'apps/worker/dist/main.js');
const SLOW_BREACH = join(__dirname, 'fixtures/slow-breach.cjs');
const PREFIX = 'wqkill'; // its own queue prefix: nothing of other suites' queues is touched
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The built worker must be at least as new as the sources it runs (else this test would test old code). */
function assertBuilt(): void {
  if (!existsSync(WORKER))
    throw new Error(`${WORKER} is missing: build the server first (npx tsc -b apps/api apps/worker)`);
  const stale = [
    ['libs/core/src/deadline', 'libs/core/dist/deadline'],
    ['libs/core/src/calendar', 'libs/core/dist/calendar'],
    ['apps/worker/src/processors', 'apps/worker/dist/processors'],
    ['apps/worker/src/schedules', 'apps/worker/dist/schedules'],
  ].flatMap(([src, dist]) =>
    readdirSync(join(ROOT, src!))
      .filter((f) => f.endsWith('.ts') && !f.endsWith('spec.ts'))
      .filter((f) => {
        const js = join(ROOT, dist!, f.replace(/\.ts$/, '.js'));
        return !existsSync(js) || statSync(join(ROOT, src!, f)).mtimeMs > statSync(js).mtimeMs + 1000;
      })
      .map((f) => `${src}/${f}`),
  );
  if (stale.length)
    throw new Error(`built output older than ${stale.join(', ')}: run npx tsc -b apps/api apps/worker first`);
}

interface WorkerProcess {
  child: ChildProcess;
  out: string[];
  /** Resolves once a stdout line matching `re` has been printed `times` times. */
  waitFor(re: RegExp, times?: number, timeoutMs?: number): Promise<string[]>;
  stop(): Promise<void>;
}

function startWorker(env: Record<string, string>, preload?: string): WorkerProcess {
  const config = testConfig();
  const child = spawn(process.execPath, [...(preload ? ['-r', preload] : []), WORKER], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DB_NAME: config.DB_NAME,
      REDIS_DB: String(config.REDIS_DB),
      QUEUE_PREFIX: PREFIX,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
      ...env,
    },
  });
  const out: string[] = [];
  let partial = '';
  const onData = (b: Buffer) => {
    const parts = (partial + b.toString()).split('\n');
    partial = parts.pop()!;
    out.push(...parts);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  return {
    child,
    out,
    async waitFor(re, times = 1, timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const hits = out.filter((l) => re.test(l));
        if (hits.length >= times) return hits;
        if (child.exitCode !== null)
          throw new Error(`worker exited (${child.exitCode}):\n${out.slice(-20).join('\n')}`);
        if (Date.now() > until)
          throw new Error(`worker did not print ${re} ${times}× in ${timeoutMs} ms:\n${out.slice(-20).join('\n')}`);
        await sleep(50);
      }
    },
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null || child.signalCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

describe('deadline worker process: killed mid-breach, restarted, Redis emptied', () => {
  const config = testConfig({ QUEUE_PREFIX: PREFIX });
  let ds: DataSource;
  let ctx: INestApplicationContext;
  let scheduler: DeadlineScheduler;
  let redis: IORedis;
  let ruleId: number;
  let unitId: number;
  let userId: number;
  const workers: WorkerProcess[] = [];

  const clearQueue = async () => {
    const keys = await redis.keys(`${PREFIX}:*`);
    for (let i = 0; i < keys.length; i += 500) await redis.del(...keys.slice(i, i + 500));
  };

  beforeAll(async () => {
    assertBuilt();
    ds = await prepareTestDatabase(config);
    // This process only schedules (CoreModule: no processors); the spawned workers process.
    ctx = await NestFactory.createApplicationContext(CoreModule.forRoot({ config }), { logger: false });
    scheduler = ctx.get(DeadlineScheduler);
    redis = ctx.get(REDIS);
    await clearQueue();
    [{ id: ruleId }] = await ds.query(
      "SELECT r.id FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code = 'COMMITMENT' AND s.version = 1 AND r.code = 'CALLBACK'",
    );
    [{ id: unitId }] = await ds.query("SELECT id FROM org_unit WHERE code = 'GL-T1'");
    [{ id: userId }] = await ds.query("SELECT id FROM app_user WHERE username = 'gl_station'");
  });
  afterAll(async () => {
    for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
    if (redis) await clearQueue();
    await ctx?.close();
    await ds?.destroy();
  });

  /** Running deadlines (24 h callback clocks) on fresh cases, their next alarm at `at` ± spread. */
  async function runningDeadlines(n: number, at: number, kind: 'due' | 'warn'): Promise<CaseDeadlineEntity[]> {
    const repo = ds.getRepository(CaseDeadlineEntity);
    const rows: Partial<CaseDeadlineEntity>[] = [];
    for (let i = 0; i < n; i++) {
      const c = await insertCase(ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
      const t = at + Math.floor((i / n) * 1000);
      const startedAt = new Date(kind === 'due' ? t - 24 * 3_600_000 : t - 12 * 3_600_000);
      rows.push({
        caseId: c.id,
        ruleId,
        ruleCode: 'CALLBACK',
        ruleSetCode: 'COMMITMENT',
        ruleSetVersion: 1,
        layer: 'COMMITMENT',
        roundKey: 'r1',
        status: 'RUNNING',
        triggerEvent: 'registerCase',
        startedAt,
        dueAt: new Date(startedAt.getTime() + 24 * 3_600_000),
        amount: 24,
        unit: 'HOURS',
        extendedAmount: 0,
        pauses: [],
        pausedAt: null,
        warnFractions: kind === 'due' ? [] : [0.5, 0.8],
        responsibleUnitId: unitId,
        responsibleUserId: userId,
        calendarVersion: 'test',
        stoppedAt: null,
        breachedAt: null,
        version: 1,
      });
    }
    await repo.insert(rows);
    const saved = await repo.find({ where: rows.map((r) => ({ caseId: r.caseId! })), order: { id: 'ASC' } });
    expect(await scheduler.schedule(saved)).toBe(n); // one alarm each, through the real scheduler
    return saved;
  }

  /** Per deadline: breach effects, automatic supervision items, violations, breach events, case overdue. */
  async function breachCounts(ids: string[]) {
    const rows: {
      id: string;
      status: string;
      effects: string;
      supervisions: string;
      violations: string;
      events: string;
      overdue: number;
    }[] = await ds.query(
      `SELECT d.id, d.status,
              (SELECT COUNT(*) FROM deadline_effect e WHERE e.deadline_id = d.id AND e.effect = 'breach') AS effects,
              (SELECT COUNT(*) FROM supervision s WHERE s.source_key = CONCAT('deadline-', d.id)) AS supervisions,
              (SELECT COUNT(*) FROM violation v WHERE v.deadline_id = d.id) AS violations,
              (SELECT COUNT(*) FROM case_event ce WHERE ce.case_id = d.case_id AND ce.action = 'deadlineBreached') AS events,
              (SELECT c.overdue FROM wq_case c WHERE c.id = d.case_id) AS overdue
         FROM case_deadline d WHERE d.id IN (?) ORDER BY d.id`,
      [ids],
    );
    return rows.map((r) => ({
      id: String(r.id),
      status: r.status,
      effects: Number(r.effects),
      supervisions: Number(r.supervisions),
      violations: Number(r.violations),
      events: Number(r.events),
      overdue: Number(r.overdue),
    }));
  }
  const once = (id: string) => ({
    id,
    status: 'BREACHED',
    effects: 1,
    supervisions: 1,
    violations: 1,
    events: 1,
    overdue: 1,
  });

  async function waitUntil(what: string, ok: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!(await ok())) {
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
      await sleep(250);
    }
  }
  const overdueRunning = async () =>
    Number(
      (await ds.query("SELECT COUNT(*) AS n FROM case_deadline WHERE status = 'RUNNING' AND due_at <= NOW(3)"))[0].n,
    );
  /** Until the worker's boot reconciliation has breached what other suites left overdue (or stopped making progress). */
  async function bootSwept(): Promise<void> {
    let last = -1;
    let still = 0;
    for (let i = 0; i < 120; i++) {
      const n = await overdueRunning();
      if (n === 0) return;
      still = n === last ? still + 1 : 0;
      if (still >= 8) return;
      last = n;
      await sleep(250);
    }
  }

  it('SIGKILLed while breaches are in flight: they roll back, and the restarted worker applies every one exactly once', async () => {
    const [{ next }] = await ds.query('SELECT COALESCE(MAX(id), 0) + 1 AS next FROM case_deadline');
    // 1. A worker whose breaches of our deadlines hang inside their transaction (test preload).
    const first = startWorker({ SLOW_BREACH_FROM_ID: String(next), SLOW_BREACH_MS: '60000' }, SLOW_BREACH);
    workers.push(first);
    await first.waitFor(/worker started/);
    // its boot reconciliation breaches whatever other suites left overdue: wait for it, so only ours remain
    await bootSwept();

    const n = 60;
    const rows = await runningDeadlines(n, Date.now() + 3000, 'due');
    const ids = rows.map((d) => d.id);
    expect(Number(ids[0])).toBeGreaterThanOrEqual(Number(next));

    // 2. Breaches in flight (claimed, written, not committed): kill -9.
    const held = (await first.waitFor(/\[slow-breach\] holding/, 10, 20_000))
      .map((l) => l.split(' ').pop()!)
      .sort((a, b) => Number(a) - Number(b));
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const active = await redis.llen(`${PREFIX}:${DEADLINE_QUEUE_NAME}:active`);
    expect(active).toBeGreaterThanOrEqual(held.length); // their jobs are still locked by the dead worker
    // the database rolled every held breach back: no effect, no supervision, no violation, still running
    await waitUntil(
      'the killed transactions to roll back',
      async () => (await breachCounts(held)).every((r) => r.status === 'RUNNING'),
      10_000,
    );
    expect(await breachCounts(held)).toEqual(
      held.map((id) => ({ id, status: 'RUNNING', effects: 0, supervisions: 0, violations: 0, events: 0, overdue: 0 })),
    );
    const done = (await breachCounts(ids)).filter((r) => r.status === 'BREACHED').length;
    expect(done).toBeLessThan(n);

    // 3. Restart (no hook): the boot reconciliation and the queued alarms finish the job, once each.
    const second = startWorker({});
    workers.push(second);
    await second.waitFor(/worker started/);
    await waitUntil('every deadline breached', async () =>
      (await breachCounts(ids)).every((r) => r.status === 'BREACHED'),
    ).catch(async (e) => {
      const counts = await breachCounts(ids);
      const trx = await ds.query(
        'SELECT trx_id, trx_state, trx_started, trx_mysql_thread_id, trx_rows_locked, trx_query FROM information_schema.innodb_trx',
      );
      const pl = await ds.query(
        'SELECT id, command, time, state, LEFT(info, 120) AS info FROM information_schema.processlist WHERE db = DATABASE()',
      );
      throw new Error(
        `${e.message}: ${counts.filter((r) => r.status !== 'BREACHED').length} of ${n} not breached; trx ${JSON.stringify(trx)}\nprocesses ${JSON.stringify(pl)}\nworker said:\n${second.out.slice(-15).join('\n')}`,
      );
    });
    await sleep(1500); // let any racing alarm of the same deadlines finish
    expect(await breachCounts(ids)).toEqual(ids.map(once));
    // the alarms of the killed jobs are still locked (BullMQ hands them out again once their lock expires; they find nothing to do)
    expect(
      await ds.query("SELECT COUNT(*) AS n FROM deadline_effect WHERE deadline_id IN (?) AND effect <> 'breach'", [
        ids,
      ]),
    ).toEqual([{ n: '0' }]);
  }, 90_000);

  it('Redis emptied while deadlines run: the worker notices within seconds, re-queues and enforces them, nothing doubled', async () => {
    const second = workers[workers.length - 1]!;
    expect(second.child.exitCode === null && second.child.signalCode === null).toBe(true); // the restarted worker of the test above
    // Far enough ahead that all 40 alarms are still waiting in Redis when it is emptied, even on a busy
    // machine where creating the cases takes several seconds.
    const at = Date.now() + 20_000;
    const due = await runningDeadlines(20, at, 'due');
    const warned = await runningDeadlines(20, at, 'warn');
    expect(await redis.zcard(`${PREFIX}:${DEADLINE_QUEUE_NAME}:delayed`)).toBeGreaterThanOrEqual(40);

    await redis.flushdb(); // alarms, the reconciler's schedule, everything
    expect(await scheduler.queue.getJobScheduler('reconcile')).toBeUndefined();

    // the worker re-creates its schedule (checked every 5 s) and the reconciler re-adds or applies the alarms
    await waitUntil(
      'the reconciler schedule to come back',
      async () => !!(await scheduler.queue.getJobScheduler('reconcile')),
      15_000,
    );
    const dueIds = due.map((d) => d.id);
    const warnIds = warned.map((d) => d.id);
    const warnEffects = async () =>
      Number(
        (
          await ds.query("SELECT COUNT(*) AS n FROM deadline_effect WHERE deadline_id IN (?) AND effect = 'warn-50'", [
            warnIds,
          ])
        )[0].n,
      );
    await waitUntil(
      'every breach and warning',
      async () =>
        (await breachCounts(dueIds)).every((r) => r.status === 'BREACHED') && (await warnEffects()) === warnIds.length,
    );
    await sleep(1500);
    expect(await breachCounts(dueIds)).toEqual(dueIds.map(once));
    // warned once each (one notification per recipient), still running, the chain moved on to the 80 % warning
    expect(await warnEffects()).toBe(warnIds.length);
    const notes = await ds.query(
      "SELECT dedupe_key AS k, COUNT(*) AS n FROM notification WHERE kind = 'DEADLINE_WARNING' AND case_id IN (?) GROUP BY dedupe_key",
      [warned.map((d) => d.caseId)],
    );
    expect(notes.length).toBeGreaterThanOrEqual(warnIds.length);
    expect(notes.every((r: { n: string }) => Number(r.n) === 1)).toBe(true);
    expect((await breachCounts(warnIds)).every((r) => r.status === 'RUNNING' && r.effects === 0)).toBe(true);
    for (const d of warned)
      expect(
        await scheduler.queue.getJob(jobId({ deadlineId: d.id, version: 1, kind: 'warn', fraction: 0.8 })),
      ).toBeTruthy();

    await second.stop();
  }, 120_000);
});
