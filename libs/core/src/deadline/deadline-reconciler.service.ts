import { Inject, Injectable, Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DeadlineStatus, DeadlineUnit } from '../entities/deadline.entity';
import { Clock } from '../time/clock';
import { REDIS } from '../nest/redis.token';
import { AlarmRow, isLive, jobId, parseJobId, REPAIR_HORIZON_MS } from './deadline-alarms';
import { DeadlineEffects } from './deadline-effects.service';
import { DeadlineScheduler } from './deadline-scheduler.service';

/** Rows per page (keyset pages: memory stays bounded whatever the number of deadlines). */
const PAGE = 2000;
/** Delayed jobs read per round trip when looking for stale ones. */
const STALE_PAGE = 5000;
/** Overdue deadlines breached side by side by the sweep (each is its own transaction). */
const SWEEP_CONCURRENCY = 4;

export interface ReconcileReport {
  /** Breaches applied by this pass (fell due while no worker was watching). */
  breached: number;
  /** Alarm jobs (re-)added: missing ones, and finished ones whose effect never happened. */
  requeued: number;
  /** Next alarms beyond the repair horizon, not checked this pass. */
  deferred: number;
  /** Of those, alarms whose job had finished (failed for good, or rang early) and was replaced. */
  revived: number;
  staleRemoved: number;
  /** Running deadlines seen. */
  running: number;
  /** Live deadlines seen: running, and breached ones still climbing their escalation ladder. */
  live: number;
  ms: number;
  /** Where the time went: the breach sweep, the alarms check, the stale-job scan. */
  phaseMs: { sweep: number; alarms: number; stale: number };
}

interface RawRow {
  id: string;
  version: number | string;
  status: DeadlineStatus;
  rule_id: number | string;
  rule_code: string;
  started_at: Date;
  due_at: Date | null;
  stopped_at: Date | null;
  amount: number | string;
  extended_amount: number | string;
  unit: DeadlineUnit;
  pauses: string | null;
  warn_fractions: string;
  effects: string | null;
}

const ROW_COLUMNS = [
  'id',
  'version',
  'status',
  'rule_id',
  'rule_code',
  'started_at',
  'due_at',
  'stopped_at',
  'amount',
  'extended_amount',
  'unit',
  'pauses',
  'warn_fractions',
]
  .map((c) => `d.${c}`)
  .join(', ');

const MISSING = 0;
const FINISHED = 2;
// 0 = no job hash, 1 = pending (no finishedOn yet), 2 = finished (completed or failed), per job id.
const JOB_STATES_LUA = `
local out = {}
for i = 2, #ARGV do
  local v = redis.call('HMGET', ARGV[1] .. ARGV[i], 'timestamp', 'finishedOn')
  if not v[1] then out[i - 1] = 0 elseif not v[2] then out[i - 1] = 1 else out[i - 1] = 2 end
end
return out`;

function toAlarmRow(r: RawRow): AlarmRow {
  return {
    id: String(r.id),
    version: Number(r.version),
    status: r.status,
    ruleId: Number(r.rule_id),
    ruleCode: r.rule_code,
    startedAt: r.started_at,
    dueAt: r.due_at,
    stoppedAt: r.stopped_at,
    amount: Number(r.amount),
    extendedAmount: Number(r.extended_amount),
    unit: r.unit,
    pauses: r.pauses ? JSON.parse(r.pauses) : [],
    warnFractions: JSON.parse(r.warn_fractions),
  };
}

/**
 * Compares the deadline rows (the truth) with the queue and repairs it: applies breaches that fell
 * due while workers or Redis were down (exactly once, through the effect ledger), re-adds each live
 * deadline's next alarm when its job is missing (or finished without its effect: failed for good) and it
 * rings within REPAIR_HORIZON_MS, removes alarms of deadlines that stopped or moved on. Safe to run at
 * any time, repeatedly, in any number of processes.
 *
 * Cost is linear in the live deadlines, in bounded pages: keyset reads along ix_case_deadline_running
 * (status, due_at, id) with the applied effects in the same statement, one Redis call per page for the
 * jobs' state, bulk adds (queue.addBulk). Warning and ladder instants are memoised per calendar
 * (deadline-alarms.ts). Measured in bench/deadlines.bench.ts (bench/README.md).
 */
@Injectable()
export class DeadlineReconciler {
  private readonly log = new Logger(DeadlineReconciler.name);
  private inFlight: Promise<ReconcileReport> | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scheduler: DeadlineScheduler,
    private readonly effects: DeadlineEffects,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  /**
   * One pass at a time in a process: a caller arriving during a pass gets that pass's report.
   * `horizonMs`: how far ahead missing alarms are re-added (REPAIR_HORIZON_MS; Infinity: all of them).
   * `yieldRatio`: after each page, pause for that many times the page's own time — the periodic pass
   * runs beside the alarms in the worker and must not hold them up (1: it takes at most half the time);
   * 0 (default) for a pass that repairs (at start, after Redis was emptied).
   */
  run(opts: { horizonMs?: number; yieldRatio?: number } = {}): Promise<ReconcileReport> {
    this.inFlight ??= this.pass(opts.horizonMs ?? REPAIR_HORIZON_MS, opts.yieldRatio ?? 0).finally(
      () => (this.inFlight = null),
    );
    return this.inFlight;
  }

  private async pass(horizonMs: number, yieldRatio: number): Promise<ReconcileReport> {
    const t0 = Date.now();
    const breached = await this.sweepDue();
    const t1 = Date.now();
    const pause =
      yieldRatio > 0
        ? (since: number) => new Promise<void>((r) => setTimeout(r, (Date.now() - since) * yieldRatio))
        : null;
    const { running, live, requeued, revived, deferred } = await this.ensureAlarms(
      this.clock.now().getTime() + horizonMs,
      pause,
    );
    const t2 = Date.now();
    const staleRemoved = await this.removeStale(pause);
    const t3 = Date.now();
    const report: ReconcileReport = {
      breached,
      requeued,
      deferred,
      revived,
      staleRemoved,
      running,
      live,
      ms: t3 - t0,
      phaseMs: { sweep: t1 - t0, alarms: t2 - t1, stale: t3 - t2 },
    };
    if (breached || requeued || staleRemoved) this.log.log(`reconciled: ${JSON.stringify(report)}`);
    return report;
  }

  /** 1. Due while nobody was watching: breach now (the ledger makes a racing alarm a no-op). */
  private async sweepDue(): Promise<number> {
    const now = this.clock.now();
    let breached = 0;
    let after = { due: new Date(0), id: 0 };
    for (;;) {
      const rows: { id: string; version: number | string; due_at: Date }[] = await this.ds.query(
        `SELECT id, version, due_at FROM case_deadline FORCE INDEX (ix_case_deadline_running)
          WHERE status = 'RUNNING' AND due_at <= ? AND (due_at > ? OR (due_at = ? AND id > ?))
          ORDER BY due_at, id LIMIT ?`,
        [now, after.due, after.due, after.id, PAGE],
      );
      for (let i = 0; i < rows.length; i += SWEEP_CONCURRENCY) {
        const results = await Promise.all(
          rows
            .slice(i, i + SWEEP_CONCURRENCY)
            .map((r) => this.effects.fire({ deadlineId: String(r.id), version: Number(r.version), kind: 'due' })),
        );
        breached += results.filter((r) => r === 'applied').length;
      }
      if (rows.length < PAGE) return breached;
      const last = rows[rows.length - 1]!;
      after = { due: last.due_at, id: Number(last.id) };
    }
  }

  /**
   * 2. Every live deadline whose next alarm rings within the horizon has it on the queue. Pages overlap: the next page is read while
   * this one is checked, and its jobs are added while the next one is (at most two adds in flight).
   */
  private async ensureAlarms(
    horizon: number,
    pause: ((since: number) => Promise<void>) | null,
  ): Promise<{ running: number; live: number; requeued: number; revived: number; deferred: number }> {
    let running = 0;
    let live = 0;
    let requeued = 0;
    let revived = 0;
    let deferred = 0;
    let adding: Promise<unknown>[] = [];
    const settle = async (keep: number) => {
      while (adding.length > keep) await adding.shift();
    };
    try {
      for (const status of ['RUNNING', 'BREACHED'] as const) {
        let page = this.livePage(status, new Date(0), 0);
        for (;;) {
          const since = Date.now();
          const raw = await page;
          if (!raw.length) break;
          const last = raw[raw.length - 1]!;
          if (raw.length === PAGE) page = this.livePage(status, last.due_at!, Number(last.id));
          const rows = raw.map(toAlarmRow);
          const applied = new Map(raw.map((r) => [String(r.id), new Set(r.effects ? r.effects.split(',') : [])]));
          live += rows.length;
          if (status === 'RUNNING') running += rows.length;
          const all = await this.scheduler.nextAlarms(rows, applied);
          const next = all.filter((a) => a.at.getTime() <= horizon);
          deferred += all.length - next.length;
          const states = await this.jobStates(next.map((a) => jobId(a.job)));
          const missing = next.filter((_, i) => states[i] === MISSING);
          const finished = next.filter((_, i) => states[i] === FINISHED);
          // A finished job holds its id: remove it so the alarm can be queued again under that id.
          if (finished.length) await Promise.all(finished.map((a) => this.scheduler.queue.remove(jobId(a.job))));
          if (missing.length || finished.length) {
            const p = this.scheduler.add([...missing, ...finished]);
            p.catch(() => undefined); // awaited in settle(); this only keeps an early failure from being "unhandled"
            adding.push(p);
            requeued += missing.length + finished.length;
            revived += finished.length;
            await settle(1);
          }
          if (raw.length < PAGE) break;
          await pause?.(since);
        }
      }
      await settle(0);
    } finally {
      adding = [];
    }
    return { running, live, requeued, revived, deferred };
  }

  /** A keyset page of live rows of one status along (status, due_at, id), with their applied effects. */
  private livePage(status: 'RUNNING' | 'BREACHED', afterDue: Date, afterId: number): Promise<RawRow[]> {
    const p: Promise<RawRow[]> = this.ds.query(
      `SELECT ${ROW_COLUMNS}, (SELECT GROUP_CONCAT(e.effect) FROM deadline_effect e WHERE e.deadline_id = d.id) AS effects
         FROM case_deadline d FORCE INDEX (ix_case_deadline_running)
        WHERE d.status = ? AND (d.due_at > ? OR (d.due_at = ? AND d.id > ?)) AND d.stopped_at IS NULL
        ORDER BY d.due_at, d.id LIMIT ?`,
      [status, afterDue, afterDue, afterId, PAGE],
    );
    p.catch(() => undefined); // a prefetched page that is never awaited must not fail the process
    return p;
  }

  /** Per job id: pending (delayed, waiting, active), finished (completed or failed) or missing — one Redis call per page. */
  private async jobStates(ids: string[]): Promise<number[]> {
    if (!ids.length) return [];
    return (await this.redis.eval(JOB_STATES_LUA, 0, this.scheduler.keyPrefix, ...ids)) as number[];
  }

  /**
   * 3. Delayed alarms of deadlines that stopped, were deleted or moved to a new version (which has its
   * own alarm), and alarms the row no longer has (a warning or the due alarm after the breach).
   */
  private async removeStale(pause: ((since: number) => Promise<void>) | null): Promise<number> {
    const key = `${this.scheduler.keyPrefix}delayed`;
    let removed = 0;
    for (let start = 0; ; ) {
      const since = Date.now();
      const ids = await this.redis.zrange(key, start, start + STALE_PAGE - 1);
      if (!ids.length) break;
      const parsed = ids.flatMap((id) => {
        const p = parseJobId(id);
        return p ? [{ id, ...p }] : [];
      });
      const deadlineIds = [...new Set(parsed.map((p) => p.deadlineId))];
      const rows: {
        id: string;
        version: number | string;
        status: DeadlineStatus;
        stopped_at: Date | null;
        due_at: Date | null;
        rule_id: number | string;
      }[] = deadlineIds.length
        ? await this.ds.query(
            'SELECT id, version, status, stopped_at, due_at, rule_id FROM case_deadline WHERE id IN (?)',
            [deadlineIds],
          )
        : [];
      const byId = new Map(rows.map((r) => [String(r.id), r]));
      const ladders = await this.scheduler.ladders(rows.map((r) => ({ ruleId: Number(r.rule_id) })));
      const stale = parsed
        .filter((p) => {
          const d = byId.get(p.deadlineId);
          if (!d || !isLive({ status: d.status, stoppedAt: d.stopped_at, dueAt: d.due_at })) return true;
          // Older versions only: a newer one than this snapshot was queued by a change racing this pass.
          if (p.version < Number(d.version)) return true;
          if (d.status !== 'RUNNING' && !p.effect.startsWith('step-')) return true;
          return (
            p.effect.startsWith('step-') && Number(p.effect.slice(5)) >= (ladders.get(Number(d.rule_id))?.length ?? 0)
          );
        })
        .map((p) => p.id);
      const gone = (await Promise.all(stale.map((id) => this.scheduler.queue.remove(id)))).filter(
        (n) => n === 1,
      ).length;
      removed += gone;
      if (ids.length < STALE_PAGE) break;
      start += ids.length - gone; // what was removed no longer takes up ranks
      await pause?.(since);
    }
    return removed;
  }
}
