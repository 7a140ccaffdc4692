import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { DEADLINE_QUEUE_NAME, DeadlineEffects, DeadlineJob, DeadlineReconciler, DeadlineScheduler, FireResult } from '@weiquan/core';

export const RECONCILE_JOB = 'reconcile';

/**
 * Alarm jobs for deadline rows. The job only says "look now"; DeadlineEffects decides from the row
 * (status, version, due time) and applies each effect at most once.
 */
@Processor(DEADLINE_QUEUE_NAME, { concurrency: 20 })
export class DeadlineProcessor extends WorkerHost {
  private readonly log = new Logger(DeadlineProcessor.name);

  constructor(
    private readonly effects: DeadlineEffects,
    private readonly reconciler: DeadlineReconciler,
    private readonly scheduler: DeadlineScheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === RECONCILE_JOB) return this.reconciler.run();
    const data = job.data as DeadlineJob;
    const result: FireResult = await this.effects.fire(data);
    if (result === 'early') {
      // The alarm rang before the row's time (clock skew or a moved warning): ring again then.
      await this.scheduler.reschedule(data);
    }
    return result;
  }
}
