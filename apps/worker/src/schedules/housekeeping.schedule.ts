import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { HousekeepingJob, QueueName } from '@weiquan/core';

// Repeatable jobs are upserted by id at every start, so restarts never duplicate them.
@Injectable()
export class HousekeepingSchedule implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.HOUSEKEEPING) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(HousekeepingJob.HEARTBEAT, { every: 30_000 }, { name: HousekeepingJob.HEARTBEAT, opts: { removeOnComplete: 10, removeOnFail: 50 } });
    await this.queue.upsertJobScheduler(HousekeepingJob.PURGE_EXPIRED_REFRESH_TOKENS, { every: 3_600_000 }, { name: HousekeepingJob.PURGE_EXPIRED_REFRESH_TOKENS, opts: { removeOnComplete: 10, removeOnFail: 50 } });
  }
}
