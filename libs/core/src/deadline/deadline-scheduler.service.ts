import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource, EntityManager, In } from 'typeorm';
import { afterCommit } from '../db/after-commit';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../time/clock';
import { escalationInstant, warningsOf } from './deadline-math';
import type { EscalationStep } from './default-rules';

export const DEADLINE_QUEUE = Symbol('DEADLINE_QUEUE');
export const DEADLINE_QUEUE_NAME = 'deadline';

export interface DeadlineJob {
  deadlineId: string;
  version: number;
  kind: 'warn' | 'due' | 'step';
  fraction?: number;
  step?: number;
}

/** Deterministic job ids: re-adding the same alarm is a no-op, a new version gets new alarms. */
export function jobId(j: DeadlineJob): string {
  const tail = j.kind === 'due' ? 'due' : j.kind === 'step' ? `s${j.step}` : `w${Math.round((j.fraction ?? 0) * 100)}`;
  return `dl-${j.deadlineId}-v${j.version}-${tail}`;
}

/** Puts alarm jobs on the queue for deadline rows (after their transaction commits). */
@Injectable()
export class DeadlineScheduler implements OnApplicationShutdown {
  constructor(
    @Inject(DEADLINE_QUEUE) readonly queue: Queue,
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  afterCommit(m: EntityManager, rows: CaseDeadlineEntity[]): void {
    const running = rows.filter((d) => (d.status === 'RUNNING' || d.status === 'BREACHED') && d.dueAt && !d.stoppedAt);
    if (running.length) afterCommit(m, async () => void (await this.schedule(running)));
  }

  /** The jobs a running deadline should have: warnings not yet due and the due alarm. */
  async expectedJobs(rows: CaseDeadlineEntity[]): Promise<{ job: DeadlineJob; at: Date }[]> {
    const cal = await this.calendar.current();
    const out: { job: DeadlineJob; at: Date }[] = [];
    const ladders = await this.ladders(rows);
    for (const d of rows) {
      // Ladder steps outlive the breach (e.g. supervision by the parent unit a day after).
      if (d.dueAt && !d.stoppedAt && (d.status === 'RUNNING' || d.status === 'BREACHED')) {
        (ladders.get(d.ruleId) ?? []).forEach((s, step) => out.push({ job: { deadlineId: d.id, version: d.version, kind: 'step', step }, at: escalationInstant(cal, d.dueAt!, s.offsetWorkingDays) }));
      }
      if (d.status !== 'RUNNING' || !d.dueAt) continue;
      for (const w of warningsOf(cal, d)) out.push({ job: { deadlineId: d.id, version: d.version, kind: 'warn', fraction: w.fraction }, at: w.at });
      out.push({ job: { deadlineId: d.id, version: d.version, kind: 'due' }, at: d.dueAt });
    }
    return out;
  }

  /** Escalation ladders of the rules the rows run under. */
  async ladders(rows: Pick<CaseDeadlineEntity, 'ruleId'>[]): Promise<Map<number, EscalationStep[]>> {
    const ids = [...new Set(rows.map((r) => r.ruleId))];
    if (!ids.length) return new Map();
    const rules = await this.ds.getRepository(DeadlineRuleEntity).find({ where: { id: In(ids) }, select: { id: true, escalation: true } });
    return new Map(rules.map((r) => [r.id, (r.escalation ?? []) as EscalationStep[]]));
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
