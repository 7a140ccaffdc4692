import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { QueueName, StatisticsJob } from '@weiquan/core';
import { KeptSchedule } from './kept-schedule';

// Figures trail the case tables by at most a drain period; the month freeze runs hourly and acts once per month.
@Injectable()
export class StatisticsSchedule extends KeptSchedule {
  protected readonly schedules = [
    { id: StatisticsJob.DRAIN, repeat: { every: 5_000 }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    { id: StatisticsJob.FREEZE_MONTH, repeat: { every: 3_600_000 }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
  ];

  constructor(@InjectQueue(QueueName.STATISTICS) protected readonly queue: Queue) {
    super();
  }
}
