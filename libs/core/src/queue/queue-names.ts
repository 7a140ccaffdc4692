// The queue contract between api and worker: names and typed payloads. The worker never imports GraphQL.
export const QueueName = {
  HOUSEKEEPING: 'housekeeping',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const HousekeepingJob = {
  HEARTBEAT: 'heartbeat',
  PURGE_EXPIRED_REFRESH_TOKENS: 'purge-expired-refresh-tokens',
} as const;

export interface HeartbeatPayload {
  at: string;
}

/** Redis key the worker's heartbeat writes; /health/ready of the worker and ops read it. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';
