import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job, UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { WEBHOOK_RETRY_DELAYS_MS } from '@weiquan/shared';
import {
  Clock,
  ExchangeTransport,
  NotificationService,
  QueueName,
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
  WebhookJob,
} from '@weiquan/core';
import { WEBHOOK_TIMEOUT_MS } from './webhook-transport';
import { webhookPayload } from './webhook-payload';

/** An endpoint failing without a single success for this long is disabled and its owners notified. */
export const WEBHOOK_DISABLE_AFTER_MS = 3 * 86_400_000;
/** Chains (endpoint × case) sent at once per sweep. */
const PARALLEL_CHAINS = 16;
const SWEEP_LIMIT = 500;
/** A claimed delivery is left alone by other sweeps this long (longer than one attempt can take). */
const LEASE_MS = WEBHOOK_TIMEOUT_MS + 15_000;

interface Due {
  id: string;
  endpoint_id: number;
  case_id: string;
}

/**
 * The `webhook` queue: `webhook-sweep` (every second, a kept schedule) sends due deliveries. The table is
 * the truth — a flushed Redis loses only the pacing, which the schedule puts back within seconds.
 * In order per case: only the oldest PENDING delivery of an (endpoint, case) is sent, and after it succeeds
 * the next one of the same chain follows in the same sweep. At least once: a crash between the answer and
 * the update repeats a delivery with the same webhook-id. Retries follow WEBHOOK_RETRY_DELAYS_MS.
 */
@Processor(QueueName.WEBHOOK, { concurrency: 1 })
export class WebhookProcessor extends WorkerHost {
  private readonly log = new Logger(WebhookProcessor.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly transport: ExchangeTransport,
    private readonly clock: Clock,
    private readonly notifications: NotificationService,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    if (job.name === WebhookJob.SWEEP) return this.sweep();
    throw new UnrecoverableError(`unknown webhook job ${job.name}`);
  }

  async sweep(): Promise<{ sent: number; delivered: number }> {
    const now = this.clock.now();
    const heads: Due[] = await this.ds.query(
      `SELECT d.id, d.endpoint_id, d.case_id FROM webhook_delivery d
         JOIN webhook_endpoint e ON e.id = d.endpoint_id AND e.active = 1
        WHERE d.status = 'PENDING' AND (d.next_attempt_at IS NULL OR d.next_attempt_at <= ?)
          AND (d.locked_until IS NULL OR d.locked_until <= ?)
          AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id
                            AND p.case_id = d.case_id AND p.status = 'PENDING' AND p.id < d.id)
        ORDER BY d.id LIMIT ${SWEEP_LIMIT}`,
      [now, now],
    );
    const stats = { sent: 0, delivered: 0 };
    let next = 0;
    const lane = async () => {
      while (next < heads.length) {
        const head = heads[next++]!;
        await this.chain(head, stats);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_CHAINS, heads.length) }, lane));
    return stats;
  }

  /** Sends the chain of one endpoint × case in order, stopping at the first failure. */
  private async chain(head: Due, stats: { sent: number; delivered: number }): Promise<void> {
    let id: string | null = head.id;
    while (id) {
      if (!(await this.claim(id))) return;
      stats.sent++;
      if (!(await this.deliver(id))) return;
      stats.delivered++;
      const [n]: { id: string }[] = await this.ds.query(
        `SELECT id FROM webhook_delivery WHERE endpoint_id = ? AND case_id = ? AND status = 'PENDING'
          AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT 1`,
        [head.endpoint_id, head.case_id, this.clock.now()],
      );
      id = n ? String(n.id) : null;
    }
  }

  private async claim(id: string): Promise<boolean> {
    const now = this.clock.now();
    const res: { affectedRows: number } = await this.ds.query(
      `UPDATE webhook_delivery SET locked_until = ? WHERE id = ? AND status = 'PENDING'
          AND (locked_until IS NULL OR locked_until <= ?)`,
      [new Date(now.getTime() + LEASE_MS), id, now],
    );
    return res.affectedRows === 1;
  }

  private async deliver(id: string): Promise<boolean> {
    const d = await this.ds.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id });
    const endpoint = await this.ds
      .getRepository(WebhookEndpointEntity)
      .createQueryBuilder('e')
      .addSelect('e.secret')
      .where('e.id = :id', { id: d.endpointId })
      .getOneOrFail();
    const body = await webhookPayload(this.ds.manager, d);
    const answer = await this.transport.send({ id: `msg_${d.id}`, url: endpoint.url, secret: endpoint.secret, body });
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      await m.insert(WebhookAttemptEntity, {
        deliveryId: d.id,
        at: now,
        ok: answer.ok,
        statusCode: answer.statusCode,
        latencyMs: answer.latencyMs,
        error: answer.error,
      });
      const attempts = d.attempts + 1;
      const last = { lastStatusCode: answer.statusCode, lastLatencyMs: answer.latencyMs, lastError: answer.error };
      if (answer.ok) {
        await m.update(WebhookDeliveryEntity, d.id, {
          ...last,
          attempts,
          status: 'DELIVERED',
          deliveredAt: now,
          lockedUntil: null,
        });
        if (endpoint.failingSince) await m.update(WebhookEndpointEntity, endpoint.id, { failingSince: null });
        return;
      }
      const delay = WEBHOOK_RETRY_DELAYS_MS[attempts];
      await m.update(WebhookDeliveryEntity, d.id, {
        ...last,
        attempts,
        status: delay === undefined ? 'FAILED' : 'PENDING',
        nextAttemptAt: delay === undefined ? null : new Date(now.getTime() + delay),
        lockedUntil: null,
      });
      await this.noteFailure(m, endpoint, now);
    });
    return answer.ok;
  }

  /** Marks the endpoint failing; after WEBHOOK_DISABLE_AFTER_MS without a success it is disabled, owners told. */
  private async noteFailure(m: EntityManager, endpoint: WebhookEndpointEntity, now: Date): Promise<void> {
    if (!endpoint.failingSince) {
      await m.update(WebhookEndpointEntity, { id: endpoint.id, failingSince: null as never }, { failingSince: now });
      return;
    }
    if (now.getTime() - endpoint.failingSince.getTime() < WEBHOOK_DISABLE_AFTER_MS) return;
    const res = await m.update(
      WebhookEndpointEntity,
      { id: endpoint.id, active: true },
      {
        active: false,
        disabledAt: now,
        disabledReason: `自 ${endpoint.failingSince.toISOString()} 起持续推送失败，已自动停用`,
      },
    );
    if (!res.affected) return;
    this.log.warn(
      `webhook endpoint ${endpoint.id} disabled after failing since ${endpoint.failingSince.toISOString()}`,
    );
    // The client's owners: active administrators of its unit or a unit above it.
    const owners: { id: number }[] = await m.query(
      `SELECT u.id FROM app_user u JOIN api_client c ON c.id = ?
         JOIN org_unit o ON o.id = c.unit_id
        WHERE u.active = 1 AND JSON_CONTAINS(u.roles, '"ADMIN"') AND o.path LIKE CONCAT(u.unit_path, '%')`,
      [endpoint.clientId],
    );
    await this.notifications.notifyUsers(
      m,
      owners.map((o) => Number(o.id)),
      {
        kind: 'WEBHOOK_DISABLED',
        title: '状态推送地址已自动停用',
        body: `接口客户端的推送地址 ${endpoint.url} 持续推送失败超过 3 天，已停用；修复后请在“接口客户端”中重新启用并补发。`,
        dedupeKey: `webhook-disabled:${endpoint.id}:${now.getTime()}`,
      },
    );
  }
}
