import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { EntityManager } from 'typeorm';
import { afterCommit } from '../db/after-commit';
import { CaseDeadlineEntity } from '../entities/deadline.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../time/clock';
import { warningsOf } from './deadline-math';

export const DEADLINE_QUEUE = Symbol('DEADLINE_QUEUE');
export const DEADLINE_QUEUE_NAME = 'deadline';

export interface DeadlineJob {
  deadlineId: string;
  version: number;
  kind: 'warn' | 'due';
  fraction?: number;
}

/** Deterministic job ids: re-adding the same alarm is a no-op, a new version gets new alarms. */
export function jobId(j: DeadlineJob): string {
  return `dl-${j.deadlineId}-v${j.version}-${j.kind === 'due' ? 'due' : `w${Math.round((j.fraction ?? 0) * 100)}`}`;
}

/** Puts alarm jobs on the queue for deadline rows (after their transaction commits). */
@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  constructor(
    @Inject(DEADLINE_QUEUE) readonly queue: Queue,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  afterCommit(m: EntityManager, rows: CaseDeadlineEntity[]): void {
    const running = rows.filter((d) => d.status === 'RUNNING' && d.dueAt);
    if (running.length) afterCommit(m, async () => void (await this.schedule(running)));
  }

  /** The jobs a running deadline should have: warnings not yet due and the due alarm. */
  async expectedJobs(rows: CaseDeadlineEntity[]): Promise<{ job: DeadlineJob; at: Date }[]> {
    const cal = await this.calendar.current();
    const out: { job: DeadlineJob; at: Date }[] = [];
    for (const d of rows) {
      if (d.status !== 'RUNNING' || !d.dueAt) continue;
      for (const w of warningsOf(cal, d)) out.push({ job: { deadlineId: d.id, version: d.version, kind: 'warn', fraction: w.fraction }, at: w.at });
      out.push({ job: { deadlineId: d.id, version: d.version, kind: 'due' }, at: d.dueAt });
    }
    return out;
  }

  async schedule(rows: CaseDeadlineEntity[]): Promise<number> {
    return this.add(await this.expectedJobs(rows));
  }

  async add(jobs: { job: DeadlineJob; at: Date }[]): Promise<number> {
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      jobs.map(({ job, at }) => ({
        name: job.kind,
        data: job,
        opts: { jobId: jobId(job), delay: Math.max(0, at.getTime() - now), removeOnComplete: 1000, removeOnFail: 5000, attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
      })),
    );
    return jobs.length;
  }

  /** Rings an alarm again at the row's current time (after an early ring). */
  async reschedule(job: DeadlineJob): Promise<void> {
    const at = new Date(this.clock.now().getTime() + 30_000);
    await this.queue.add(job.kind, job, { jobId: `${jobId(job)}-r${at.getTime()}`, delay: 30_000, removeOnComplete: 1000, removeOnFail: 5000 });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
