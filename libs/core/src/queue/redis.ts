import IORedis, { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

export function redisOptions(config: AppConfig): RedisOptions {
  // BullMQ workers need maxRetriesPerRequest = null.
  return { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB, maxRetriesPerRequest: null };
}

export function createRedis(config: AppConfig): IORedis {
  return new IORedis(redisOptions(config));
}
