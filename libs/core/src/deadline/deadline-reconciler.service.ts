import { Inject, Injectable, Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan } from 'typeorm';
import { CaseDeadlineEntity } from '../entities/deadline.entity';
import { Clock } from '../time/clock';
import { REDIS } from '../nest/redis.token';
import { DeadlineEffects } from './deadline-effects.service';
import { DEADLINE_QUEUE_NAME, DeadlineJob, DeadlineScheduler, jobId } from './deadline-scheduler.service';

const BATCH = 2000;

function effectName(j: DeadlineJob): string {
  if (j.kind === 'due') return 'breach';
  if (j.kind === 'step') return `step-${j.step}`;
  return `warn-${Math.round((j.fraction ?? 0) * 100)}`;
}

export interface ReconcileReport {
  breached: number;
  requeued: number;
  staleRemoved: number;
  running: number;
  ms: number;
}

/**
 * Compares the deadline rows (the truth) with the queue and repairs it: applies breaches that fell
 * due while workers or Redis were down (exactly once, through the effect ledger), re-adds missing
 * alarm jobs, removes alarms of deadlines that stopped or moved. Safe to run at any time, repeatedly.
 */
@Injectable()
export class DeadlineReconciler {
  private readonly log = new Logger(DeadlineReconciler.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scheduler: DeadlineScheduler,
    private readonly effects: DeadlineEffects,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async run(): Promise<ReconcileReport> {
    const t0 = Date.now();
    const now = this.clock.now();
    const repo = this.ds.getRepository(CaseDeadlineEntity);
    let breached = 0;
    // 1. Due while nobody was watching.
    for (;;) {
      const due = await repo.createQueryBuilder('d').select(['d.id', 'd.version']).where("d.status = 'RUNNING' AND d.due_at <= :now", { now }).limit(BATCH).getMany();
      if (!due.length) break;
      for (const d of due) if ((await this.effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' })) === 'applied') breached++;
      if (due.length < BATCH) break;
    }
    // 2. Every running deadline has its alarms.
    const prefix = `${this.scheduler.queue.opts.prefix ?? 'bull'}:${DEADLINE_QUEUE_NAME}:`;
    let requeued = 0;
    let running = 0;
    let lastId = '0';
    for (;;) {
      const rows = await repo.find({ where: { status: In(['RUNNING', 'BREACHED']), stoppedAt: IsNull(), id: MoreThan(lastId) }, order: { id: 'ASC' }, take: BATCH });
      if (!rows.length) break;
      lastId = rows[rows.length - 1].id;
      running += rows.length;
      const expected = await this.scheduler.expectedJobs(rows);
      const pipe = this.redis.pipeline();
      for (const e of expected) pipe.exists(prefix + jobId(e.job));
      const exists = ((await pipe.exec()) ?? []).map(([, v]: [unknown, unknown]) => v === 1);
      const applied = await this.appliedEffects(rows.map((r) => r.id));
      const missing = expected.filter((e, i) => !exists[i] && !applied.has(`${e.job.deadlineId}:${effectName(e.job)}`));
      if (missing.length) requeued += await this.scheduler.add(missing);
      if (rows.length < BATCH) break;
    }
    // 3. Alarms of deadlines that stopped or were rescheduled (a new version has its own jobs).
    const staleRemoved = await this.removeStale();
    const report = { breached, requeued, staleRemoved, running, ms: Date.now() - t0 };
    if (breached || requeued || staleRemoved) this.log.log(`reconciled: ${JSON.stringify(report)}`);
    return report;
  }

  private async appliedEffects(ids: string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows: { deadline_id: string; effect: string }[] = await this.ds.query('SELECT deadline_id, effect FROM deadline_effect WHERE deadline_id IN (?)', [ids]);
    return new Set(rows.map((r) => `${r.deadline_id}:${r.effect}`));
  }

  private async removeStale(): Promise<number> {
    const page = 1000;
    const stale: { remove(): Promise<void> }[] = [];
    // Collect first, then remove: removing while paging would shift the pages.
    for (let start = 0; ; start += page) {
      const jobs = await this.scheduler.queue.getDelayed(start, start + page - 1);
      if (!jobs.length) break;
      const ids = [...new Set(jobs.map((j) => String(j.data?.deadlineId)))];
      const rows = await this.ds.getRepository(CaseDeadlineEntity).find({ where: { id: In(ids) }, select: { id: true, version: true, status: true, stoppedAt: true } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const j of jobs) {
        const d = byId.get(String(j.data?.deadlineId));
        const isStep = j.data?.kind === 'step';
        const alive = !!d && !d.stoppedAt && (d.status === 'RUNNING' || (d.status === 'BREACHED' && isStep));
        if (!alive || (!isStep && d.version !== j.data?.version)) stale.push(j);
      }
      if (jobs.length < page) break;
    }
    for (const j of stale) await j.remove().catch(() => undefined);
    return stale.length;
  }

}
