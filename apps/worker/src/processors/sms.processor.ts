import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DelayedError, Job, UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { maskPhone } from '@weiquan/shared';
import {
  AppConfig,
  Clock,
  NotificationJob,
  QueueName,
  SendSmsPayload,
  SmsOutboxEntity,
  SmsSender,
  SmsStatus,
} from '@weiquan/core';
import { SmsDispatcher } from './sms-dispatcher.service';

// Rows handed to the queue per sweep; more wait for the next minute (oldest first).
const SWEEP_BATCH = 1000;

export type SendSmsResult = { sent: true; providerRef: string } | { skipped: 'MISSING' | SmsStatus };

/**
 * The `notification` queue: `send-sms` sends one outbox row through the SmsSender adapter;
 * `sms-sweep` (every minute) queues every PENDING row whose not_before has passed — that is what
 * sends held messages in the morning and what recovers rows whose jobs Redis lost.
 * Delivery is at least once: a crash between the gateway call and the update can repeat a send.
 */
@Processor(QueueName.NOTIFICATION, { concurrency: 4 })
export class SmsProcessor extends WorkerHost {
  private readonly log = new Logger(SmsProcessor.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly sender: SmsSender,
    private readonly dispatcher: SmsDispatcher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async process(job: Job, token?: string): Promise<unknown> {
    switch (job.name) {
      case NotificationJob.SEND_SMS:
        return this.send(job as Job<SendSmsPayload>, token);
      case NotificationJob.SMS_SWEEP:
        return this.sweep();
      default:
        throw new UnrecoverableError(`unknown notification job ${job.name}`);
    }
  }

  async sweep(): Promise<{ enqueued: string[] }> {
    const due = await this.ds
      .getRepository(SmsOutboxEntity)
      .createQueryBuilder('s')
      .select(['s.id', 's.notBefore'])
      .where('s.status = :pending AND s.not_before <= :now', { pending: SmsStatus.PENDING, now: this.clock.now() })
      .orderBy('s.not_before')
      .addOrderBy('s.id')
      .limit(SWEEP_BATCH)
      .getMany();
    await this.dispatcher.dispatch(due);
    return { enqueued: due.map((r) => String(r.id)) };
  }

  private async send(job: Job<SendSmsPayload>, token?: string): Promise<SendSmsResult> {
    const repo = this.ds.getRepository(SmsOutboxEntity);
    const row = await repo.findOneBy({ id: job.data.outboxId });
    if (!row) return { skipped: 'MISSING' };
    if (row.status !== SmsStatus.PENDING) return { skipped: row.status };
    const wait = row.notBefore.getTime() - this.clock.now().getTime();
    if (wait > 0) {
      // Too early (held for the morning): park this job until then; that is not a failed attempt.
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    let providerRef: string;
    try {
      ({ providerRef } = await this.sender.send(row.phone, row.content, {
        outboxId: String(row.id),
        caseId: row.caseId,
      }));
    } catch (e) {
      throw await this.recordFailure(job, row, e);
    }
    const res = await repo.update({ id: row.id, status: SmsStatus.PENDING }, {
      status: SmsStatus.SENT,
      sentAt: this.clock.now(),
      providerRef: clip(String(providerRef), 100),
      lastError: null,
      attempts: () => 'attempts + 1',
    } as never);
    if (!res.affected) this.log.warn(`SMS #${row.id} was sent but its row was no longer PENDING`);
    return { sent: true, providerRef };
  }

  /** Counts the attempt; on the last one marks the row FAILED. Returns the error to throw. */
  private async recordFailure(job: Job, row: SmsOutboxEntity, e: unknown): Promise<Error> {
    const message = e instanceof Error ? e.message : String(e);
    const attempts = row.attempts + 1;
    // The row's count is the truth (a job re-added after Redis lost one starts again at 0).
    const last = attempts >= this.config.SMS_MAX_ATTEMPTS || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    await this.ds.getRepository(SmsOutboxEntity).update({ id: row.id, status: SmsStatus.PENDING }, {
      attempts: () => 'attempts + 1',
      lastError: clip(message || 'unknown error', 500),
      ...(last ? { status: SmsStatus.FAILED } : {}),
    } as never);
    const to = maskPhone(row.phone);
    if (last) {
      this.log.error(`SMS #${row.id} to ${to} FAILED after ${attempts} attempts: ${message}`);
      return new UnrecoverableError(message);
    }
    this.log.warn(`SMS #${row.id} to ${to} attempt ${attempts} failed, will retry: ${message}`);
    return e instanceof Error ? e : new Error(message);
  }
}

function clip(s: string, max: number): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max).join('');
}
