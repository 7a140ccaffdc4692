import { AppConfig, createDataSource, loadConfig, seedDemo } from '@weiquan/core';
import { DataSource } from 'typeorm';

/**
 * Configuration for integration tests: always the test database, test Redis db and queue prefix,
 * whatever .env says, so a test can never touch development data.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const base = loadConfig();
  const dbName = process.env.DB_TEST_NAME ?? 'weiquan_test';
  if (dbName === base.DB_NAME && process.env.NODE_ENV !== 'test')
    throw new Error('test database must differ from DB_NAME');
  return loadConfig({
    NODE_ENV: 'test',
    DB_NAME: dbName,
    REDIS_DB: process.env.REDIS_TEST_DB ?? '1',
    QUEUE_PREFIX: 'wqtest',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DB_POOL_SIZE: '10',
    WEB_DIST: '',
    PUBLIC_DIST: '',
    // Tests sign in far more often than people do; the throttling tests set their own limits.
    LOGIN_RATE_PER_IP: '100000',
    LOGIN_RATE_PER_ACCOUNT: '100000',
    ...overrides,
  });
}

/**
 * Migrates the test database and loads the demo organisation (idempotent). A MariaDB named lock
 * keeps parallel jest workers from migrating at the same time.
 */
export async function prepareTestDatabase(config: AppConfig = testConfig()): Promise<DataSource> {
  const ds = createDataSource(config);
  await ds.initialize();
  const runner = ds.createQueryRunner();
  try {
    await runner.query("SELECT GET_LOCK('weiquan_test_setup', 120)");
    await ds.runMigrations({ transaction: 'each' });
    await seedDemo(ds, { cases: false }); // tests create the cases they need
  } finally {
    await runner.query("SELECT RELEASE_LOCK('weiquan_test_setup')").catch(() => undefined);
    await runner.release();
  }
  return ds;
}
