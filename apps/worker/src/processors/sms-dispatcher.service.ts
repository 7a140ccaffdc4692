import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { AppConfig, Clock, NotificationJob, QueueName, SendSmsPayload, smsJobId, SmsOutboxEntity } from '@weiquan/core';

/**
 * Puts `send-sms` jobs on the notification queue for outbox rows. Job ids are deterministic
 * (`sms-<id>`), so adding a row that already has a waiting, delayed or active job does nothing.
 * Used by the minute sweep; other worker code may call it after its transaction commits to send
 * without waiting for the next sweep.
 */
@Injectable()
export class SmsDispatcher {
  constructor(
    @InjectQueue(QueueName.NOTIFICATION) private readonly queue: Queue<SendSmsPayload>,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async dispatch(rows: readonly Pick<SmsOutboxEntity, 'id' | 'notBefore'>[]): Promise<number> {
    if (!rows.length) return 0;
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      rows.map((r) => ({
        name: NotificationJob.SEND_SMS,
        data: { outboxId: String(r.id) },
        // A held row waits in Redis until its morning; the sweep would find it then anyway.
        opts: { ...this.jobOptions(), jobId: smsJobId(String(r.id)), delay: Math.max(0, r.notBefore.getTime() - now) },
      })),
    );
    return rows.length;
  }

  /**
   * Retries with exponential backoff (SMS_RETRY_BASE_MS, doubling). Failed jobs are dropped from
   * Redis at once, since the outbox row keeps status, attempts and last_error, and a kept failed
   * job would block its id from being re-added by the sweep.
   */
  jobOptions(): JobsOptions {
    return {
      attempts: this.config.SMS_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.SMS_RETRY_BASE_MS },
      removeOnComplete: 1000,
      removeOnFail: true,
    };
  }
}
