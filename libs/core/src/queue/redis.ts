import IORedis from 'ioredis';
import { AppConfig } from '../config/app-config';

export interface RedisConnection {
  host: string;
  port: number;
  db: number;
  maxRetriesPerRequest: null;
}

/** Connection settings for ioredis and BullMQ (whose workers need maxRetriesPerRequest = null). */
export function redisOptions(config: AppConfig): RedisConnection {
  return { host: config.REDIS_HOST, port: config.REDIS_PORT, db: config.REDIS_DB, maxRetriesPerRequest: null };
}

export function createRedis(config: AppConfig): IORedis {
  return new IORedis(redisOptions(config));
}
