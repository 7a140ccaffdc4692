import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Clock, HousekeepingJob, QueueName, REDIS, WORKER_HEARTBEAT_KEY } from '@weiquan/core';

/** Proves the api/worker/Redis/DB wiring and keeps small tables tidy. */
@Processor(QueueName.HOUSEKEEPING)
export class HousekeepingProcessor extends WorkerHost {
  private readonly log = new Logger(HousekeepingProcessor.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(REDIS) private readonly redis: IORedis,
    private readonly clock: Clock,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case HousekeepingJob.HEARTBEAT:
        return this.heartbeat();
      case HousekeepingJob.PURGE_EXPIRED_REFRESH_TOKENS:
        return this.purgeRefreshTokens();
      default:
        throw new Error(`unknown housekeeping job ${job.name}`);
    }
  }

  private async heartbeat(): Promise<{ at: string }> {
    await this.ds.query('SELECT 1');
    const at = this.clock.now().toISOString();
    await this.redis.set(WORKER_HEARTBEAT_KEY, at, 'EX', 300);
    return { at };
  }

  private async purgeRefreshTokens(): Promise<{ deleted: number }> {
    const cutoff = new Date(this.clock.now().getTime() - 86_400_000);
    const res = await this.ds.query('DELETE FROM refresh_token WHERE expires_at < ? LIMIT 10000', [cutoff]);
    const deleted = Number(res?.affectedRows ?? 0);
    if (deleted) this.log.log(`purged ${deleted} expired refresh tokens`);
    return { deleted };
  }
}
