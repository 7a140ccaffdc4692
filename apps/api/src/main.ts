import 'reflect-metadata';
import { loadConfig } from '@weiquan/core';
import { createApiApp } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  console.log(`[weiquan] api listening on http://${config.API_HOST}:${config.API_PORT}/ (GraphQL at /graphql)`);
}

main().catch((e) => {
  console.error('[weiquan] api failed to start:', e);
  process.exit(1);
});
