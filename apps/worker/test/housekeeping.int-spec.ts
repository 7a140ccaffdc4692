import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue, QueueEvents } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  HousekeepingJob,
  QueueName,
  RefreshTokenEntity,
  REDIS,
  redisOptions,
  UserEntity,
  WORKER_HEARTBEAT_KEY,
} from '@weiquan/core';
import { emptyQueues, FakeClock, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { WorkerModule } from '../src/worker.module';

// The worker as it runs in production (application context, real Redis and MariaDB), minus schedules.
describe('HousekeepingProcessor', () => {
  const config = testConfig();
  const clock = new FakeClock('2026-11-23T02:00:00Z');
  let app: INestApplicationContext;
  let ds: DataSource;
  let queue: Queue;
  let events: QueueEvents;

  beforeAll(async () => {
    await (await prepareTestDatabase(config)).destroy();
    await emptyQueues(config);
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, clock, schedules: false }), {
      logger: false,
    });
    await app.init();
    ds = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(QueueName.HOUSEKEEPING));
    events = new QueueEvents(QueueName.HOUSEKEEPING, { connection: redisOptions(config), prefix: config.QUEUE_PREFIX });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  it('writes the heartbeat through a job taken from Redis', async () => {
    const redis = app.get<IORedis>(REDIS);
    await redis.del(WORKER_HEARTBEAT_KEY);
    const job = await queue.add(HousekeepingJob.HEARTBEAT, {});
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result).toEqual({ at: '2026-11-23T02:00:00.000Z' });
    expect(await redis.get(WORKER_HEARTBEAT_KEY)).toBe('2026-11-23T02:00:00.000Z');
  });

  it('purges refresh tokens expired for more than a day and keeps the others', async () => {
    const user = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_op' });
    const repo = ds.getRepository(RefreshTokenEntity);
    const mk = (hash: string, expiresAt: string) =>
      repo.insert({
        userId: user.id,
        familyId: 'f-purge',
        tokenHash: hash.padEnd(64, '0'),
        expiresAt: new Date(expiresAt),
      });
    await repo.delete({ familyId: 'f-purge' });
    await mk('aa', '2026-11-20T00:00:00Z'); // long expired
    await mk('bb', '2026-11-23T01:00:00Z'); // expired an hour ago: kept for a day
    await mk('cc', '2026-12-01T00:00:00Z'); // valid
    const job = await queue.add(HousekeepingJob.PURGE_EXPIRED_REFRESH_TOKENS, {});
    const result = await job.waitUntilFinished(events, 10_000);
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const left = (await repo.findBy({ familyId: 'f-purge' })).map((r) => r.tokenHash.slice(0, 2)).sort();
    expect(left).toEqual(['bb', 'cc']);
  });
});
