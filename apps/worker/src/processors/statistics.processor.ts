import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { addMonths, toShanghaiDate } from '@weiquan/shared';
import { Clock, QueueName, StatisticsJob, StatMaintainer } from '@weiquan/core';

/**
 * The `statistics` queue: drains the cases the stat triggers marked into the aggregates, and freezes
 * each finished month once. Concurrency 1: one drain at a time keeps the sums' row locks uncontended
 * (a second worker process is still safe: the upkeep is idempotent per case).
 */
@Processor(QueueName.STATISTICS, { concurrency: 1 })
export class StatisticsProcessor extends WorkerHost {
  private readonly log = new Logger(StatisticsProcessor.name);

  constructor(
    private readonly stats: StatMaintainer,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case StatisticsJob.DRAIN:
        return { cases: await this.stats.drainAll() };
      case StatisticsJob.FREEZE_MONTH: {
        const month = addMonths(toShanghaiDate(this.clock.now()), -1).slice(0, 7);
        const frozen = await this.stats.freezeMonth(month);
        if (frozen) this.log.log(`statistics of ${month} frozen`);
        return { month, frozen };
      }
      default:
        throw new Error(`unknown statistics job ${job.name}`);
    }
  }
}
