import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { NotificationJob, QueueName } from '@weiquan/core';
import { KeptSchedule } from './kept-schedule';

// The minute sweep of the SMS outbox, upserted by id at every start (restarts never duplicate it) and when Redis lost it.
@Injectable()
export class SmsSchedule extends KeptSchedule {
  protected readonly schedules = [
    { id: NotificationJob.SMS_SWEEP, repeat: { every: 60_000 }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
  ];

  constructor(@InjectQueue(QueueName.NOTIFICATION) protected readonly queue: Queue) {
    super();
  }
}
