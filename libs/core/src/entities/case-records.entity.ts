import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

/** Append-only case log (who, when, from-state, to-state, what). Triggers refuse UPDATE and DELETE. */
@Entity('case_event')
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ length: 32 }) action: string;
  @Column({ name: 'from_state', type: 'varchar', length: 24, nullable: true }) fromState: string | null;
  @Column({ name: 'to_state', type: 'varchar', length: 24, nullable: true }) toState: string | null;
  @Column({ name: 'actor_kind', length: 12 }) actorKind: string;
  @Column({ name: 'actor_id', type: 'int', nullable: true }) actorId: number | null;
  @Column({ name: 'actor_name', length: 100 }) actorName: string;
  @Column({ name: 'actor_unit_id', type: 'int', nullable: true }) actorUnitId: number | null;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', nullable: true, transformer: json }) detail: Record<string, unknown> | null;
}

/** One dispatch hop: who sent the case where, when it was received, returned or concluded. */
@Entity('case_dispatch')
export class CaseDispatchEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ type: 'smallint' }) hop: number;
  @Column({ name: 'from_unit_id', type: 'int' }) fromUnitId: number;
  @Column({ name: 'target_type', length: 16 }) targetType: string;
  @Column({ name: 'to_unit_id', type: 'int', nullable: true }) toUnitId: number | null;
  @Column({ type: 'varchar', length: 24, nullable: true }) workroom: string | null;
  @Column({ name: 'external_agency_id', type: 'int', nullable: true }) externalAgencyId: number | null;
  @Column({ length: 16 }) mode: string;
  @Column({ type: 'text', nullable: true }) instructions: string | null;
  @Column({ name: 'dispatched_by_id', type: 'int', nullable: true }) dispatchedById: number | null;
  @Column({ name: 'dispatched_at', type: 'datetime', precision: 3 }) dispatchedAt: Date;
  @Column({ name: 'received_at', type: 'datetime', precision: 3, nullable: true }) receivedAt: Date | null;
  @Column({ name: 'returned_at', type: 'datetime', precision: 3, nullable: true }) returnedAt: Date | null;
  @Column({ name: 'return_reason', type: 'text', nullable: true }) returnReason: string | null;
  @Column({ name: 'concluded_at', type: 'datetime', precision: 3, nullable: true }) concludedAt: Date | null;
}

@Entity('case_extension')
export class CaseExtensionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'requested_by_id', type: 'int' }) requestedById: number;
  @Column({ name: 'requested_at', type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'smallint' }) days: number;
  @Column({ length: 12 }) status: 'PENDING' | 'APPROVED' | 'REJECTED';
  @Column({ name: 'decided_by_id', type: 'int', nullable: true }) decidedById: number | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
}

@Entity('case_follow_up')
export class CaseFollowUpEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ type: 'smallint' }) attempt: number;
  @Column({ type: 'datetime', precision: 3 }) at: Date;
  @Column({ name: 'by_user_id', type: 'int', nullable: true }) byUserId: number | null;
  @Column({ length: 16 }) result: string;
  @Column({ type: 'varchar', length: 16, nullable: true }) satisfaction: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
}

/** 回避: a staff member declared a conflict of interest on a case and cannot be assigned to it. */
@Entity('case_recusal')
export class CaseRecusalEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'user_id', type: 'int' }) userId: number;
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'declared_by_id', type: 'int', nullable: true }) declaredById: number | null;
  @Column({ name: 'declared_at', type: 'datetime', precision: 3 }) declaredAt: Date;
}

/** 催办 / 督办 / 挂牌督办 on a case or a unit, with its own response deadline. */
@Entity('supervision')
export class SupervisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint', nullable: true }) caseId: string | null;
  @Column({ length: 16 }) level: string;
  @Column({ name: 'issuing_unit_id', type: 'int' }) issuingUnitId: number;
  @Column({ name: 'issued_by_id', type: 'int', nullable: true }) issuedById: number | null;
  @Column({ name: 'target_unit_id', type: 'int' }) targetUnitId: number;
  @Column({ name: 'target_path', length: 255 }) targetPath: string;
  @Column({ type: 'text' }) content: string;
  @Column({ name: 'response_due_at', type: 'datetime', precision: 3 }) responseDueAt: Date;
  @Column({ length: 16 }) status: 'OPEN' | 'RESPONDED' | 'ESCALATED' | 'CLOSED';
  @Column() automatic: boolean;
  @Column({ name: 'source_key', type: 'varchar', length: 100, nullable: true }) sourceKey: string | null;
  @Column({ name: 'escalated_from_id', type: 'bigint', nullable: true }) escalatedFromId: string | null;
  @Column({ type: 'text', nullable: true }) response: string | null;
  @Column({ name: 'responded_by_id', type: 'int', nullable: true }) respondedById: number | null;
  @Column({ name: 'responded_at', type: 'datetime', precision: 3, nullable: true }) respondedAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  /** ACCEPTED (the issuer accepted the response) | CASE_ARCHIVED (closed with its case). */
  @Column({ name: 'closed_reason', type: 'varchar', length: 30, nullable: true }) closedReason: string | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by_id', type: 'int', nullable: true }) closedById: number | null;
  /** The reviewer's words when accepting or sending back a response. */
  @Column({ name: 'review_note', type: 'text', nullable: true }) reviewNote: string | null;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** Evidence file metadata; the bytes live behind the EvidenceStorage interface. */
@Entity('case_evidence')
export class CaseEvidenceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'file_name', length: 200 }) fileName: string;
  @Column({ name: 'content_type', length: 100 }) contentType: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ length: 64 }) sha256: string;
  @Column({ name: 'storage_key', length: 200 }) storageKey: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) description: string | null;
  @Column({ name: 'uploaded_by_id', type: 'int', nullable: true }) uploadedById: number | null;
  @Column({ name: 'uploaded_at', type: 'datetime', precision: 3 }) uploadedAt: Date;
}
