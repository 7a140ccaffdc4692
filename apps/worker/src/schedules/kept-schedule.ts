import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { JobSchedulerTemplateOptions, Queue, RepeatOptions } from 'bullmq';

/** How often a worker checks that its repeatable jobs still exist in Redis. */
export const SCHEDULE_CHECK_MS = 5_000;

/**
 * A repeatable job, upserted by id at every start (restarts never duplicate it) — and upserted again
 * when it vanishes from Redis (FLUSHDB, a Redis restarted without its data), so a periodic job such as
 * the deadline reconciler comes back within seconds instead of at the next worker restart.
 */
export abstract class KeptSchedule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(this.constructor.name);
  private timer: NodeJS.Timeout | null = null;

  protected abstract readonly queue: Queue;
  protected abstract readonly schedules: readonly {
    id: string;
    repeat: Omit<RepeatOptions, 'key'>;
    opts?: JobSchedulerTemplateOptions;
  }[];

  async onApplicationBootstrap(): Promise<void> {
    for (const s of this.schedules) await this.upsert(s);
    this.timer = setInterval(() => void this.check(), SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Called after a vanished schedule was put back (Redis lost its data). */
  protected async restored(): Promise<void> {}

  private upsert(s: KeptSchedule['schedules'][number]): Promise<unknown> {
    return this.queue.upsertJobScheduler(s.id, s.repeat, { name: s.id, opts: s.opts });
  }

  private async check(): Promise<void> {
    try {
      for (const s of this.schedules) {
        if (await this.queue.getJobScheduler(s.id)) continue;
        this.log.warn(
          `repeatable job ${s.id} is gone from Redis (emptied or restarted without its data): scheduling it again`,
        );
        await this.upsert(s);
        await this.restored();
      }
    } catch (e) {
      this.log.warn(`checking repeatable jobs failed: ${String(e)}`); // Redis down: the next check retries
    }
  }
}
