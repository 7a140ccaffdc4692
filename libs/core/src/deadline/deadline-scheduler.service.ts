import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { afterCommit } from '../db/after-commit';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../time/clock';
import { Alarm, AlarmRow, DeadlineJob, isLive, jobId, nextAlarm, REPAIR_HORIZON_MS } from './deadline-alarms';
import type { EscalationStep } from './default-rules';

export const DEADLINE_QUEUE = Symbol('DEADLINE_QUEUE');
export const DEADLINE_QUEUE_NAME = 'deadline';

const NOTHING: ReadonlySet<string> = new Set();
const ADD_CHUNK = 1000;
const JOB_OPTS = {
  removeOnComplete: 1000,
  removeOnFail: 5000,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
};

/** Thrown when an alarm rang less than a second before its time: BullMQ retries it (backoff). */
export class AlarmTooEarlyError extends Error {}

/**
 * Puts alarm jobs on the queue for deadline rows (after their transaction commits): each live deadline
 * gets its next alarm (deadline-alarms.ts); the worker queues the following one when it rings.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  /** Rules are immutable (a revision is a new rule row), so their ladders are cached for good. */
  private readonly ladderCache = new Map<number, EscalationStep[]>();

  constructor(
    @Inject(DEADLINE_QUEUE) readonly queue: Queue,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The Redis key prefix of the queue's keys (`<prefix>:deadline:`). */
  get keyPrefix(): string {
    return `${this.queue.opts.prefix ?? 'bull'}:${DEADLINE_QUEUE_NAME}:`;
  }

  afterCommit(m: EntityManager, rows: CaseDeadlineEntity[]): void {
    const live = rows.filter(isLive);
    if (live.length) afterCommit(m, async () => void (await this.schedule(live)));
  }

  /**
   * Queues the next alarm of each live row if it rings within `horizonMs` (REPAIR_HORIZON_MS: later
   * ones are queued by the reconciler as they come within it). Effects already applied are read for
   * rows past version 1: a version-1 row comes straight from the transaction that created it (any later
   * change bumps the version), and at worst an alarm rings once more and finds its effect done.
   */
  async schedule(rows: AlarmRow[], horizonMs = REPAIR_HORIZON_MS): Promise<number> {
    const live = rows.filter(isLive);
    if (!live.length) return 0;
    const applied = await this.appliedEffects(live.filter((r) => r.version > 1).map((r) => r.id));
    const until = this.clock.now().getTime() + horizonMs;
    return this.add((await this.nextAlarms(live, applied)).filter((a) => a.at.getTime() <= until));
  }

  /** The next alarm of each live row, given the effects applied so far (deadline id → effects). */
  async nextAlarms(rows: AlarmRow[], applied: ReadonlyMap<string, ReadonlySet<string>>): Promise<Alarm[]> {
    const live = rows.filter(isLive);
    if (!live.length) return [];
    const cal = await this.calendar.current();
    const ladders = await this.ladders(live);
    const now = this.clock.now();
    const out: Alarm[] = [];
    for (const d of live) {
      const next = nextAlarm(cal, d, ladders.get(d.ruleId) ?? [], applied.get(d.id) ?? NOTHING, now);
      if (next) out.push(next);
    }
    return out;
  }

  /**
   * After an alarm rang (whatever it found): queues the deadline's next alarm. When that is the same
   * alarm again — it rang before its time, e.g. the calendar moved it — it rings again at its time
   * under an id of its own.
   */
  async scheduleNext(deadlineId: string, rang?: DeadlineJob): Promise<Alarm | null> {
    const row = await this.ds.getRepository(CaseDeadlineEntity).findOneBy({ id: deadlineId });
    if (!row || !isLive(row)) return null;
    const [next] = await this.nextAlarms([row], await this.appliedEffects([row.id]));
    if (!next) return null;
    if (rang && jobId(next.job) === jobId(rang)) {
      if (next.at.getTime() - this.clock.now().getTime() < 1000)
        throw new AlarmTooEarlyError(`alarm ${jobId(rang)} rang before ${next.at.toISOString()}`);
      await this.add([next], `-at${next.at.getTime()}`);
    } else {
      await this.add([next]);
    }
    return next;
  }

  /** Effects in the ledger per deadline id. */
  async appliedEffects(ids: readonly string[]): Promise<Map<string, Set<string>>> {
    const out = new Map<string, Set<string>>();
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000);
      const rows: { deadline_id: string; effect: string }[] = await this.ds.query(
        'SELECT deadline_id, effect FROM deadline_effect WHERE deadline_id IN (?)',
        [chunk],
      );
      for (const r of rows) {
        const id = String(r.deadline_id);
        let set = out.get(id);
        if (!set) out.set(id, (set = new Set()));
        set.add(r.effect);
      }
    }
    return out;
  }

  /** Escalation ladders of the rules the rows run under. */
  async ladders(rows: Pick<AlarmRow, 'ruleId'>[]): Promise<Map<number, EscalationStep[]>> {
    const missing = [...new Set(rows.map((r) => r.ruleId))].filter((id) => !this.ladderCache.has(id));
    if (missing.length) {
      const rules = await this.ds
        .getRepository(DeadlineRuleEntity)
        .find({ where: { id: In(missing) }, select: { id: true, escalation: true } });
      for (const r of rules) this.ladderCache.set(r.id, (r.escalation ?? []) as EscalationStep[]);
    }
    return this.ladderCache;
  }

  /** Adds alarm jobs in bulk (two chunks in flight, so Node and Redis work at the same time). */
  async add(alarms: Alarm[], idSuffix = ''): Promise<number> {
    const now = this.clock.now().getTime();
    const t0 = Date.now();
    // BullMQ counts a job's delay from the moment the job object is made: a chunk made later (a big
    // batch takes seconds) gets that much less delay, or its alarms would ring that much late.
    const chunk = (i: number) => {
      const lag = Date.now() - t0;
      return this.queue.addBulk(
        alarms.slice(i, i + ADD_CHUNK).map(({ job, at }) => ({
          name: job.kind,
          data: job,
          opts: { ...JOB_OPTS, jobId: `${jobId(job)}${idSuffix}`, delay: Math.max(0, at.getTime() - now - lag) },
        })),
      );
    };
    let inFlight: Promise<unknown> | null = null;
    for (let i = 0; i < alarms.length; i += ADD_CHUNK) {
      const p = chunk(i);
      p.catch(() => undefined); // awaited below; this only keeps an early failure from being "unhandled"
      if (inFlight) await inFlight;
      inFlight = p;
    }
    if (inFlight) await inFlight;
    return alarms.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
