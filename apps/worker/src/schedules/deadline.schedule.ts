import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DEADLINE_QUEUE } from '@weiquan/core';
import { RECONCILE_JOB } from '../processors/deadline.processor';

// The reconciler runs at boot and every 30 s (upserted by id, so restarts never duplicate it).
@Injectable()
export class DeadlineSchedule implements OnApplicationBootstrap {
  constructor(@Inject(DEADLINE_QUEUE) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(RECONCILE_JOB, { every: 30_000, immediately: true }, { name: RECONCILE_JOB, opts: { removeOnComplete: 20, removeOnFail: 50 } });
  }
}
