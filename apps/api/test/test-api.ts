import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ExchangeReceiver } from '@weiquan/core';
import { FakeClock, GqlClient, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { createApiApp } from '../src/bootstrap';

export interface TestApi {
  app: INestApplication;
  url: string;
  gql: GqlClient;
  ds: DataSource;
  clock: FakeClock;
  close(): Promise<void>;
}

/**
 * Boots the real API (real MariaDB and Redis) on a random loopback port with a fake clock, and with the
 * province receivers given (none by default).
 */
export async function startTestApi(
  overrides: Record<string, string> = {},
  exchangeReceivers?: readonly ExchangeReceiver[],
): Promise<TestApi> {
  const config = testConfig(overrides);
  const ds = await prepareTestDatabase(config);
  const clock = new FakeClock(new Date());
  const app = await createApiApp(config, clock, exchangeReceivers);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    gql: new GqlClient(url),
    ds,
    clock,
    async close() {
      await app.close();
      await ds.destroy();
    },
  };
}
