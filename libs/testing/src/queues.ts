import { AppConfig, DEADLINE_QUEUE_NAME, QueueName, redisOptions } from '@weiquan/core';
import { Queue } from 'bullmq';

/** Every queue the worker takes jobs from. */
export const WORKER_QUEUES: readonly string[] = [...Object.values(QueueName), DEADLINE_QUEUE_NAME];

/**
 * Empties the worker's queues in the test Redis. The api suites queue alarms and jobs for their own
 * cases that no worker takes; a suite that boots a worker into that backlog spends its first seconds
 * (on a busy machine, more than a test waits) applying effects to other suites' cases.
 */
export async function emptyQueues(config: AppConfig, names: readonly string[] = WORKER_QUEUES): Promise<void> {
  for (const name of names) {
    const q = new Queue(name, { connection: redisOptions(config), prefix: config.QUEUE_PREFIX });
    try {
      await q.obliterate({ force: true });
    } finally {
      await q.close();
    }
  }
}
