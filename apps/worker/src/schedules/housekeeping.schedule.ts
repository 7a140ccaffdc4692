import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HousekeepingJob, QueueName } from '@weiquan/core';
import { KeptSchedule } from './kept-schedule';

// Repeatable jobs are upserted by id at every start (restarts never duplicate them) and when Redis lost them.
@Injectable()
export class HousekeepingSchedule extends KeptSchedule {
  protected readonly schedules = [
    { id: HousekeepingJob.HEARTBEAT, repeat: { every: 30_000 }, opts: { removeOnComplete: 10, removeOnFail: 50 } },
    {
      id: HousekeepingJob.PURGE_EXPIRED_REFRESH_TOKENS,
      repeat: { every: 3_600_000 },
      opts: { removeOnComplete: 10, removeOnFail: 50 },
    },
  ];

  constructor(@InjectQueue(QueueName.HOUSEKEEPING) protected readonly queue: Queue) {
    super();
  }
}
