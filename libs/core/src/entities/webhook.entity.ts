import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { WebhookEventType } from '@weiquan/shared';

export type WebhookDeliveryStatus = 'PENDING' | 'DELIVERED' | 'FAILED';

/** An API client's callback address, the event types it wants, and its signing secret (Standard Webhooks). */
@Entity('webhook_endpoint')
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'client_id', type: 'int', unsigned: true }) clientId: number;
  @Column({ length: 500 }) url: string;
  /** `whsec_<base64>`: needed in the clear to sign; shown to the administrator once. */
  @Column({ length: 100, select: false }) secret: string;
  @Column({ name: 'event_types', type: 'simple-json' }) eventTypes: WebhookEventType[];
  @Column() active: boolean;
  @Column({ name: 'failing_since', type: 'datetime', precision: 3, nullable: true }) failingSince: Date | null;
  @Column({ name: 'disabled_at', type: 'datetime', precision: 3, nullable: true }) disabledAt: Date | null;
  @Column({ name: 'disabled_reason', type: 'varchar', length: 200, nullable: true }) disabledReason: string | null;
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** One event for one endpoint; written by the case_event trigger in the step's transaction. */
@Entity('webhook_delivery')
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'endpoint_id', type: 'int', unsigned: true }) endpointId: number;
  @Column({ name: 'case_event_id', type: 'bigint', unsigned: true }) caseEventId: string;
  @Column({ name: 'case_id', type: 'bigint', unsigned: true }) caseId: string;
  @Column({ name: 'event_type', type: 'varchar', length: 40 }) eventType: WebhookEventType;
  @Column({ name: 'event_at', type: 'datetime', precision: 3 }) eventAt: Date;
  @Column({ type: 'varchar', length: 12 }) status: WebhookDeliveryStatus;
  @Column({ type: 'smallint', unsigned: true }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3, nullable: true }) nextAttemptAt: Date | null;
  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true }) lockedUntil: Date | null;
  @Column({ name: 'last_status_code', type: 'smallint', unsigned: true, nullable: true }) lastStatusCode: number | null;
  @Column({ name: 'last_latency_ms', type: 'int', unsigned: true, nullable: true }) lastLatencyMs: number | null;
  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true }) lastError: string | null;
  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true }) deliveredAt: Date | null;
}

/** The delivery log: every attempt with its answer and latency. */
@Entity('webhook_attempt')
export class WebhookAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'delivery_id', type: 'bigint', unsigned: true }) deliveryId: string;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column() ok: boolean;
  @Column({ name: 'status_code', type: 'smallint', unsigned: true, nullable: true }) statusCode: number | null;
  @Column({ name: 'latency_ms', type: 'int', unsigned: true }) latencyMs: number;
  @Column({ type: 'varchar', length: 300, nullable: true }) error: string | null;
}
