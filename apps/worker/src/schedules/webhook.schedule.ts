import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, WebhookJob } from '@weiquan/core';
import { KeptSchedule } from './kept-schedule';

// The webhook sweep every second (delivery lateness is this plus the send), kept in Redis like the others.
@Injectable()
export class WebhookSchedule extends KeptSchedule {
  protected readonly schedules = [
    { id: WebhookJob.SWEEP, repeat: { every: 1_000 }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
  ];

  constructor(@InjectQueue(QueueName.WEBHOOK) protected readonly queue: Queue) {
    super();
  }
}
