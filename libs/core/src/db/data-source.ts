import { DataSource, DataSourceOptions } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from './migrations';

// Times are stored in UTC (timezone 'Z'); the console shows them in Asia/Shanghai.
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'mysql',
    host: config.DB_HOST,
    port: config.DB_PORT,
    username: config.DB_USER,
    password: config.DB_PASSWORD,
    database: config.DB_NAME,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: config.DB_LOG_QUERIES === '1' ? ['query'] : false,
    supportBigNumbers: true,
    bigNumberStrings: true,
    poolSize: config.DB_POOL_SIZE,
    extra: {
      connectionLimit: config.DB_POOL_SIZE,
      dateStrings: false,
      ...(config.DB_SOCKET ? { socketPath: config.DB_SOCKET } : {}),
    },
  };
}

export function createDataSource(config: AppConfig): DataSource {
  return new DataSource(dataSourceOptions(config));
}
