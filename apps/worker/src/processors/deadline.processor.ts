import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import {
  DEADLINE_QUEUE_NAME,
  DeadlineEffects,
  DeadlineJob,
  DeadlineReconciler,
  DeadlineScheduler,
  FireResult,
} from '@weiquan/core';

export const RECONCILE_JOB = 'reconcile';

/**
 * Alarm jobs for deadline rows. The job only says "look now": DeadlineEffects decides from the row
 * (status, version, due time) and applies each effect at most once; then the deadline's next alarm
 * is queued (one alarm per live deadline at a time, see deadline-alarms.ts). A crash between the two
 * is repaired by the job's retry or by the reconciler.
 */
@Processor(DEADLINE_QUEUE_NAME, { concurrency: 20 })
export class DeadlineProcessor extends WorkerHost {
  constructor(
    private readonly effects: DeadlineEffects,
    private readonly reconciler: DeadlineReconciler,
    private readonly scheduler: DeadlineScheduler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    // The periodic pass yields to the alarms (half its time at most); one that repairs (at start, after
    // Redis lost its data) runs flat out.
    if (job.name === RECONCILE_JOB) return this.reconciler.run({ yieldRatio: job.repeatJobKey ? 1 : 0 });
    const data = job.data as DeadlineJob;
    const result: FireResult = await this.effects.fire(data);
    // 'early': the alarm rang before the row's time (clock skew, or the calendar moved it) — the
    // same alarm comes back as the next one and rings again at its time.
    await this.scheduler.scheduleNext(data.deadlineId, data);
    return result;
  }
}
