import { Inject, Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { DEADLINE_QUEUE } from '@weiquan/core';
import { RECONCILE_JOB } from '../processors/deadline.processor';
import { KeptSchedule } from './kept-schedule';

// The reconciler runs at every start, every 30 s, and at once when Redis lost its schedule (emptied).
@Injectable()
export class DeadlineSchedule extends KeptSchedule {
  protected readonly schedules = [
    { id: RECONCILE_JOB, repeat: { every: 30_000 }, opts: { removeOnComplete: 20, removeOnFail: 50 } },
  ];

  constructor(@Inject(DEADLINE_QUEUE) protected readonly queue: Queue) {
    super();
  }

  override async onApplicationBootstrap(): Promise<void> {
    await super.onApplicationBootstrap();
    // A restarted worker repairs at once (what fell due while it was down, alarms a killed worker held),
    // not at the schedule's next tick: upserting an existing schedule does not run it now.
    await this.repairNow('reconcile-at-start');
  }

  /** Redis lost its data: repair at once (and at full speed), not at the next periodic pass. */
  protected override async restored(): Promise<void> {
    await this.repairNow('reconcile-after-loss');
  }

  private repairNow(jobId: string): Promise<unknown> {
    return this.queue.add(RECONCILE_JOB, {}, { jobId, removeOnComplete: true, removeOnFail: true });
  }
}
