import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

export type DeadlineUnit = 'HOURS' | 'CALENDAR_DAYS' | 'WORKING_DAYS';
export type DeadlineLayer = 'COMMITMENT' | 'STATUTORY';
export type DeadlineStatus = 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'CANCELLED';

@Entity('calendar_override')
export class CalendarOverrideEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ type: 'date' }) date: string;
  @Column({ length: 10 }) kind: 'HOLIDAY' | 'WORKDAY';
  @Column({ length: 50 }) name: string;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3, insert: false, update: false }) createdAt: Date;
}

/** A year's State Council arrangement imported by an administrator (when the package lags behind). */
@Entity('calendar_arrangement')
export class CalendarArrangementEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ type: 'smallint' }) year: number;
  @Column({ type: 'varchar', length: 200, nullable: true }) source: string | null;
  @Column({ type: 'mediumtext', transformer: json }) days: {
    date: string;
    kind: 'HOLIDAY' | 'WORKDAY';
    name: string;
  }[];
  @Column({ name: 'imported_by_id', type: 'int', nullable: true }) importedById: number | null;
  @Column({ name: 'imported_at', type: 'datetime', precision: 3, insert: false, update: false }) importedAt: Date;
}

@Entity('deadline_rule_set')
export class DeadlineRuleSetEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 40 }) code: string;
  @Column({ length: 100 }) name: string;
  @Column({ type: 'varchar', length: 16 }) layer: DeadlineLayer;
  @Column({ name: 'effective_from', type: 'date' }) effectiveFrom: string;
  @Column({ type: 'int' }) version: number;
  @Column() active: boolean;
}

@Entity('deadline_rule')
export class DeadlineRuleEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'rule_set_id', type: 'int' }) ruleSetId: number;
  @Column({ length: 40 }) code: string;
  @Column({ length: 100 }) name: string;
  @Column({ type: 'text', transformer: json }) kinds: string[];
  @Column({ type: 'text', nullable: true, transformer: json }) channels: string[] | null;
  @Column({ name: 'start_event', length: 40 }) startEvent: string;
  @Column({ name: 'start_condition', type: 'varchar', length: 40, nullable: true }) startCondition: string | null;
  @Column({ name: 'stop_events', type: 'text', transformer: json }) stopEvents: string[];
  @Column({ name: 'pause_states', type: 'text', transformer: json }) pauseStates: string[];
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'varchar', length: 16 }) unit: DeadlineUnit;
  @Column({ name: 'warn_fractions', type: 'text', transformer: json }) warnFractions: number[];
  @Column({ name: 'hard_max_amount', type: 'int', nullable: true }) hardMaxAmount: number | null;
  @Column({ name: 'per_hop' }) perHop: boolean;
  @Column({ type: 'text', nullable: true, transformer: json }) escalation: unknown[] | null;
}

/** One running clock on a case: the truth. BullMQ jobs are only alarm clocks for these rows. */
@Entity('case_deadline')
export class CaseDeadlineEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'rule_id', type: 'int' }) ruleId: number;
  @Column({ name: 'rule_code', length: 40 }) ruleCode: string;
  @Column({ name: 'rule_set_code', length: 40 }) ruleSetCode: string;
  @Column({ name: 'rule_set_version', type: 'int' }) ruleSetVersion: number;
  @Column({ type: 'varchar', length: 16 }) layer: DeadlineLayer;
  @Column({ name: 'round_key', length: 40 }) roundKey: string;
  @Column({ type: 'varchar', length: 12 }) status: DeadlineStatus;
  @Column({ name: 'trigger_event', length: 40 }) triggerEvent: string;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  /**
   * 暂定: counted into a year whose holiday arrangement is not imported yet (deadline-math setDue). Rows
   * are inserted with insertRows (TypeORM's own multi-row insert re-reads columns with a default and
   * merges them back by position, which mixed up the demo seed's clocks).
   */
  @Column({ type: 'boolean', default: false }) provisional: boolean;
  @Column({ type: 'int' }) amount: number;
  @Column({ type: 'varchar', length: 16 }) unit: DeadlineUnit;
  @Column({ name: 'extended_amount', type: 'int' }) extendedAmount: number;
  @Column({
    type: 'text',
    nullable: true,
    transformer: {
      to: (v?: { from: string; to: string | null }[] | null) => (v == null ? null : JSON.stringify(v)),
      from: (v?: string | null) => (v == null ? [] : JSON.parse(v)),
    },
  })
  pauses: { from: string; to: string | null }[];
  @Column({ name: 'paused_at', type: 'datetime', precision: 3, nullable: true }) pausedAt: Date | null;
  @Column({ name: 'warn_fractions', type: 'text', transformer: json }) warnFractions: number[];
  @Column({ name: 'responsible_unit_id', type: 'int' }) responsibleUnitId: number;
  @Column({ name: 'responsible_user_id', type: 'int', nullable: true }) responsibleUserId: number | null;
  @Column({ name: 'calendar_version', length: 120 }) calendarVersion: string;
  @Column({ name: 'stopped_at', type: 'datetime', precision: 3, nullable: true }) stoppedAt: Date | null;
  @Column({ name: 'breached_at', type: 'datetime', precision: 3, nullable: true }) breachedAt: Date | null;
  /** Why the clock is charged to its unit only (LATE_REGISTRATION: past due when it was registered). */
  @Column({ name: 'charge_note', type: 'varchar', length: 30, nullable: true }) chargeNote: string | null;
  /** A restart or other fact the explanation must state (e.g. 并案). */
  @Column({ type: 'varchar', length: 255, nullable: true }) note: string | null;
  @Column({ type: 'int' }) version: number;
}

@Entity('deadline_effect')
export class DeadlineEffectEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'deadline_id', type: 'bigint' }) deadlineId: string;
  @Column({ length: 40 }) effect: string;
  @Column({ name: 'applied_at', type: 'datetime', precision: 3 }) appliedAt: Date;
}

/** 违诺: a missed commitment against the responsible staff member and unit (one per deadline). */
@Entity('violation')
export class ViolationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'deadline_id', type: 'bigint' }) deadlineId: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'rule_code', length: 40 }) ruleCode: string;
  @Column({ name: 'user_id', type: 'int', nullable: true }) userId: number | null;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ type: 'smallint' }) year: number;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt: Date;
  /** The duty measured (dutyOf): one 违诺 per case, duty and person. */
  @Column({ length: 40 }) duty: string;
  /** STATUTORY breaches are the unit's (on-time KPIs), never a person's. */
  @Column({ type: 'varchar', length: 16 }) layer: DeadlineLayer;
  /** LATE_REGISTRATION: the clock was past due when the case was registered (the unit's, not the clerk's). */
  @Column({ type: 'varchar', length: 30, nullable: true }) reason: string | null;
  /** A statutory breach points at the commitment 违诺 of the same duty. */
  @Column({ name: 'linked_violation_id', type: 'bigint', nullable: true }) linkedViolationId: string | null;
}

@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Column({ length: 32 }) kind: string;
  @Column({ length: 200 }) title: string;
  @Column({ type: 'text', nullable: true }) body: string | null;
  @Column({ name: 'case_id', type: 'bigint', nullable: true }) caseId: string | null;
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true }) dedupeKey: string | null;
  @Column({ name: 'read_at', type: 'datetime', precision: 3, nullable: true }) readAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

@Entity('sms_outbox')
export class SmsOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ length: 20 }) phone: string;
  @Column({ length: 500 }) content: string;
  @Column({ name: 'case_id', type: 'bigint', nullable: true }) caseId: string | null;
  @Column({ name: 'dedupe_key', type: 'varchar', length: 120, nullable: true }) dedupeKey: string | null;
  @Column({ length: 12 }) status: 'PENDING' | 'SENT' | 'FAILED';
  @Column({ type: 'smallint' }) attempts: number;
  @Column({ name: 'not_before', type: 'datetime', precision: 3 }) notBefore: Date;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt: Date | null;
  @Column({ name: 'provider_ref', type: 'varchar', length: 100, nullable: true }) providerRef: string | null;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
