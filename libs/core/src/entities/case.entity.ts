import { Column, Entity, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import type {
  CaseKind,
  CaseState,
  Channel,
  DispatchMode,
  DispatchTargetType,
  Outcome,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
  WorkroomCode,
} from '@weiquan/shared';

const decimal = { to: (v?: number | null) => v, from: (v?: string | null) => (v == null ? null : Number(v)) };
const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

/** A request (诉求) of any kind. State is written only by CaseLifecycleService. */
@Entity('wq_case')
export class CaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_no', length: 32 }) caseNo: string;
  @Column({ type: 'varchar', length: 16 }) kind: CaseKind;
  @Column({ type: 'varchar', length: 24 }) channel: Channel;
  @Column({ type: 'varchar', length: 24 }) state: CaseState;
  @Column({ name: 'is_open' }) isOpen: boolean;
  @Column({ type: 'smallint', unsigned: true }) round: number;
  @Column({ name: 'previous_round_id', type: 'bigint', nullable: true }) previousRoundId: string | null;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
  @Column({ name: 'registered_at', type: 'datetime', precision: 3 }) registeredAt: Date;
  @Column({ name: 'registered_by_id', type: 'int', nullable: true }) registeredById: number | null;
  @Column({ name: 'registered_by_client_id', type: 'int', nullable: true }) registeredByClientId: number | null;
  /** The sending system's own reference (工单编号) and its idempotency key; unique per sending client. */
  @Column({ name: 'external_ref', type: 'varchar', length: 64, nullable: true }) externalRef: string | null;
  /** 办理时限 the sending system (12345, an upper authority) gave on transfer-in; its own clock (SENDER_DUE). */
  @Column({ name: 'sender_due_at', type: 'datetime', precision: 3, nullable: true }) senderDueAt: Date | null;
  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'intake_unit_id', type: 'int' }) intakeUnitId: number;
  @Column({ name: 'owner_unit_id', type: 'int' }) ownerUnitId: number;
  @Column({ name: 'owner_path', length: 255 }) ownerPath: string;
  @Column({ name: 'handler_id', type: 'int', nullable: true }) handlerId: number | null;

  @Column({ name: 'consumer_name', type: 'varchar', length: 50, nullable: true }) consumerName: string | null;
  @Column({ name: 'consumer_phone', type: 'varchar', length: 20, nullable: true }) consumerPhone: string | null;
  @Column({ name: 'consumer_id_number', type: 'varchar', length: 18, nullable: true }) consumerIdNumber: string | null;
  @Column({ name: 'consumer_address', type: 'varchar', length: 200, nullable: true }) consumerAddress: string | null;
  @Column() anonymous: boolean;
  @Column({ name: 'respondent_name', type: 'varchar', length: 100, nullable: true }) respondentName: string | null;
  @Column({ name: 'respondent_credit_code', type: 'char', length: 18, nullable: true }) respondentCreditCode:
    | string
    | null;
  @Column({ name: 'respondent_address', type: 'varchar', length: 200, nullable: true }) respondentAddress:
    | string
    | null;
  @Column({ name: 'respondent_region', type: 'varchar', length: 50, nullable: true }) respondentRegion: string | null;
  @Column({ name: 'respondent_industry', type: 'varchar', length: 50, nullable: true }) respondentIndustry:
    | string
    | null;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3, nullable: true }) occurredAt: Date | null;
  @Column({ name: 'occurred_place', type: 'varchar', length: 200, nullable: true }) occurredPlace: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) category: string | null;
  @Column({ name: 'amount_involved', type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimal })
  amountInvolved: number | null;
  @Column({ type: 'text' }) summary: string;
  @Column({ type: 'text', nullable: true }) demand: string | null;
  @Column({ name: 'major_urgent' }) majorUrgent: boolean;
  @Column({ name: 'group_complaint' }) groupComplaint: boolean;
  @Column({ name: 'media_attention' }) mediaAttention: boolean;
  @Column({ name: 'consent_publication' }) consentPublication: boolean;
  @Column({ name: 'consent_entrusted_mediation' }) consentEntrustedMediation: boolean;
  @Column({ name: 'repeat_of_id', type: 'bigint', nullable: true }) repeatOfId: string | null;
  @Column({ name: 'merged_into_id', type: 'bigint', nullable: true }) mergedIntoId: string | null;

  @Column({ name: 'missing_items', type: 'text', nullable: true, transformer: json }) missingItems: string[] | null;
  @Column({ name: 'materials_request_count', type: 'smallint' }) materialsRequestCount: number;
  @Column({ name: 'reject_ground', type: 'varchar', length: 40, nullable: true }) rejectGround: RejectGround | null;
  @Column({ name: 'referral_authority', type: 'varchar', length: 100, nullable: true }) referralAuthority:
    | string
    | null;
  @Column({ name: 'referral_phone', type: 'varchar', length: 40, nullable: true }) referralPhone: string | null;
  @Column({ type: 'boolean', nullable: true }) filed: boolean | null;
  @Column({ name: 'dispatch_target_type', type: 'varchar', length: 16, nullable: true })
  dispatchTargetType: DispatchTargetType | null;
  @Column({ name: 'dispatch_mode', type: 'varchar', length: 16, nullable: true }) dispatchMode: DispatchMode | null;
  @Column({ name: 'dispatch_workroom', type: 'varchar', length: 24, nullable: true })
  dispatchWorkroom: WorkroomCode | null;
  @Column({ name: 'external_agency_id', type: 'int', nullable: true }) externalAgencyId: number | null;
  @Column({ name: 'assigned_unit_id', type: 'int', nullable: true }) assignedUnitId: number | null;
  @Column({ name: 'suspend_reason', type: 'varchar', length: 24, nullable: true }) suspendReason: SuspendReason | null;
  @Column({ name: 'pending_extension' }) pendingExtension: boolean;
  /** 报批调查中止 waiting for a director (decideSuspension). */
  @Column({ name: 'pending_suspension', default: false }) pendingSuspension: boolean;
  @Column({ name: 'extension_granted' }) extensionGranted: boolean;
  @Column({ type: 'varchar', length: 24, nullable: true }) outcome: Outcome | null;
  @Column({ name: 'termination_ground', type: 'varchar', length: 40, nullable: true })
  terminationGround: TerminationGround | null;
  @Column({ name: 'agreement_text', type: 'text', nullable: true }) agreementText: string | null;
  @Column({ name: 'amount_recovered', type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimal })
  amountRecovered: number | null;
  @Column({ name: 'concluded_at', type: 'datetime', precision: 3, nullable: true }) concludedAt: Date | null;
  @Column({ name: 'reply_content', type: 'text', nullable: true }) replyContent: string | null;
  @Column({ name: 'replied_at', type: 'datetime', precision: 3, nullable: true }) repliedAt: Date | null;
  @Column({ name: 'follow_up_attempts', type: 'smallint' }) followUpAttempts: number;
  @Column({ name: 'follow_up_done' }) followUpDone: boolean;
  @Column({ type: 'varchar', length: 16, nullable: true }) satisfaction: Satisfaction | null;
  @Column({ name: 'next_round_id', type: 'bigint', nullable: true }) nextRoundId: string | null;
  @Column() overdue: boolean;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'archived_at', type: 'datetime', precision: 3, nullable: true }) archivedAt: Date | null;
  @VersionColumn() version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3, insert: false, update: false }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, insert: false, update: false }) updatedAt: Date;
}
