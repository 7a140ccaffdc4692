import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NotificationJob, QueueName } from '@weiquan/core';

// The minute sweep of the SMS outbox, upserted by id at every start (restarts never duplicate it).
@Injectable()
export class SmsSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.NOTIFICATION) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(NotificationJob.SMS_SWEEP, { every: 60_000 }, { name: NotificationJob.SMS_SWEEP, opts: { removeOnComplete: 10, removeOnFail: 50 } });
  }
}
