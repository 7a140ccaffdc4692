// The queue contract between api and worker: names and typed payloads. The worker never imports GraphQL.
export const QueueName = {
  HOUSEKEEPING: 'housekeeping',
  NOTIFICATION: 'notification',
  WEBHOOK: 'webhook',
  STATISTICS: 'statistics',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const HousekeepingJob = {
  HEARTBEAT: 'heartbeat',
  PURGE_EXPIRED_REFRESH_TOKENS: 'purge-expired-refresh-tokens',
} as const;

export interface HeartbeatPayload {
  at: string;
}

export const NotificationJob = {
  /** Send one sms_outbox row ({@link SendSmsPayload}); job id {@link smsJobId} so adding it twice is harmless. */
  SEND_SMS: 'send-sms',
  /** Repeatable (every minute): enqueues PENDING rows whose not_before has passed. */
  SMS_SWEEP: 'sms-sweep',
} as const;

export const WebhookJob = {
  /** Repeatable (every second): sends the due webhook deliveries (the table is the truth, see WebhookProcessor). */
  SWEEP: 'webhook-sweep',
} as const;

export interface SendSmsPayload {
  outboxId: string;
}

/** Deterministic job id of a send (BullMQ forbids ':' in custom ids, hence the dash). */
export function smsJobId(outboxId: string): string {
  return `sms-${outboxId}`;
}

/** Redis key the worker's heartbeat writes; /health/ready of the worker and ops read it. */
export const WORKER_HEARTBEAT_KEY = 'worker:heartbeat';

export const StatisticsJob = {
  /** Repeatable (every 5 s): folds the cases marked by the stat triggers into the aggregates. */
  DRAIN: 'stat-drain',
  /** Repeatable (daily): freezes the previous month's figures (stat_month_snapshot), once. */
  FREEZE_MONTH: 'stat-freeze-month',
} as const;
