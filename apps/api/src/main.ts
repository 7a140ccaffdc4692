import 'reflect-metadata';
import cluster from 'node:cluster';
import { loadConfig } from '@weiquan/core';
import { createApiApp } from './bootstrap';

/**
 * With API_WORKERS > 1 the primary forks that many API processes sharing the port (node:cluster) and
 * replaces one that dies; SIGTERM/SIGINT are passed on so each shuts down gracefully.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.API_WORKERS > 1 && cluster.isPrimary)
    return primary(config.API_WORKERS, `http://${config.API_HOST}:${config.API_PORT}/`);
  const app = await createApiApp(config);
  await app.listen(config.API_PORT, config.API_HOST);
  if (cluster.isPrimary)
    console.log(`[weiquan] api listening on http://${config.API_HOST}:${config.API_PORT}/ (GraphQL at /graphql)`);
  else process.send?.({ ready: true });
}

function primary(workers: number, url: string): void {
  let stopping = false;
  let ready = 0;
  const fork = () =>
    cluster.fork().on('message', (m: { ready?: boolean }) => {
      if (m?.ready && ++ready === workers)
        console.log(`[weiquan] api listening on ${url} (GraphQL at /graphql), ${workers} processes`);
    });
  for (let i = 0; i < workers; i++) fork();
  cluster.on('exit', (w, code, signal) => {
    if (stopping) return;
    console.error(`[weiquan] api process ${w.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(fork, 1000);
  });
  const stop = (signal: NodeJS.Signals) => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(signal);
    const deadline = setTimeout(() => process.exit(1), 20_000);
    deadline.unref();
    cluster.on('exit', () => {
      if (!Object.keys(cluster.workers ?? {}).length) process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error('[weiquan] api failed to start:', e);
  process.exit(1);
});
