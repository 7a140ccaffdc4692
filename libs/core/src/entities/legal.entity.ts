import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// 法律服务工作室: what the legal workroom records. Every row belongs to a unit (the legal workroom
// of a center, or a station) and carries its path, so the org scope applies as it does to cases.

type ValueOf<T> = T[keyof T];
const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

/** 诉讼支持: requested → documents prepared → filed with the court → closed (closing is possible from any step). */
export const LitigationStatus = {
  REQUESTED: 'REQUESTED',
  DOCUMENTS_PREPARED: 'DOCUMENTS_PREPARED',
  FILED: 'FILED',
  CLOSED: 'CLOSED',
} as const;
export type LitigationStatus = ValueOf<typeof LitigationStatus>;
export const LitigationStatusLabel: Readonly<Record<LitigationStatus, string>> = {
  REQUESTED: '已申请',
  DOCUMENTS_PREPARED: '诉讼材料已准备',
  FILED: '已立案起诉',
  CLOSED: '已结束',
};
/** The steps a litigation support may move to from each status (forward only). */
export const LITIGATION_NEXT: Readonly<Record<LitigationStatus, readonly LitigationStatus[]>> = {
  REQUESTED: ['DOCUMENTS_PREPARED', 'FILED', 'CLOSED'],
  DOCUMENTS_PREPARED: ['FILED', 'CLOSED'],
  FILED: ['CLOSED'],
  CLOSED: [],
};

/** 值班班次. */
export const DutyShift = {
  MORNING: 'MORNING',
  AFTERNOON: 'AFTERNOON',
  FULL_DAY: 'FULL_DAY',
  EVENING: 'EVENING',
} as const;
export type DutyShift = ValueOf<typeof DutyShift>;
export const DutyShiftLabel: Readonly<Record<DutyShift, string>> = {
  MORNING: '上午',
  AFTERNOON: '下午',
  FULL_DAY: '全天',
  EVENING: '晚间',
};

/** 免费法律咨询: who asked, the question, the answer and the laws cited; optionally on a case. */
@Entity('legal_consultation')
export class LegalConsultationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'case_id', type: 'bigint', nullable: true }) caseId: string | null;
  @Column({ name: 'asker_name', type: 'varchar', length: 50, nullable: true }) askerName: string | null;
  @Column({ name: 'asker_phone', type: 'varchar', length: 20, nullable: true }) askerPhone: string | null;
  @Column({ type: 'text' }) question: string;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ name: 'laws_cited', type: 'text', nullable: true, transformer: json }) lawsCited: string[] | null;
  @Column({ name: 'asked_at', type: 'datetime', precision: 3 }) askedAt: Date;
  @Column({ name: 'answered_at', type: 'datetime', precision: 3, nullable: true }) answeredAt: Date | null;
  @Column({ name: 'answered_by_id', type: 'int', nullable: true }) answeredById: number | null;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** 诉讼支持 for a consumer who must sue: always on a case. */
@Entity('legal_litigation_support')
export class LitigationSupportEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ type: 'text' }) request: string;
  @Column({ type: 'varchar', length: 24 }) status: LitigationStatus;
  @Column({ type: 'text', nullable: true, transformer: json }) documents: string[] | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) court: string | null;
  @Column({ name: 'filed_at', type: 'datetime', precision: 3, nullable: true }) filedAt: Date | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ name: 'document_generated_at', type: 'datetime', precision: 3, nullable: true })
  documentGeneratedAt: Date | null;
  @Column({ name: 'requested_by_id', type: 'int', nullable: true }) requestedById: number | null;
  @Column({ name: 'requested_at', type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** 消费维权志愿者 of a legal workroom. */
@Entity('legal_volunteer')
export class LegalVolunteerEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ length: 50 }) name: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) organization: string | null;
  @Column({ type: 'text', transformer: json }) specialities: string[];
  @Column() active: boolean;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** 志愿者培训. */
@Entity('legal_training')
export class LegalTrainingEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ length: 200 }) topic: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) location: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) trainer: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** A volunteer invited to a training; `attended` is null until attendance is recorded. */
@Entity('legal_training_attendee')
export class LegalTrainingAttendeeEntity {
  @PrimaryColumn({ name: 'training_id', type: 'int' }) trainingId: number;
  @PrimaryColumn({ name: 'volunteer_id', type: 'int' }) volunteerId: number;
  @Column({ type: 'boolean', nullable: true }) attended: boolean | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3, nullable: true }) recordedAt: Date | null;
}

/** 值班表: one person (staff user or volunteer) on one shift of one day. */
@Entity('legal_duty')
export class LegalDutyEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'duty_date', type: 'date' }) dutyDate: string;
  @Column({ type: 'varchar', length: 16 }) shift: DutyShift;
  @Column({ name: 'user_id', type: 'int', nullable: true }) userId: number | null;
  @Column({ name: 'volunteer_id', type: 'int', nullable: true }) volunteerId: number | null;
  // 'U:<id>' or 'V:<id>': one person at most once per shift (unique with unit, date, shift).
  @Column({ name: 'person_key', length: 24 }) personKey: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) note: string | null;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

export const LEGAL_ENTITIES = [
  LegalConsultationEntity,
  LitigationSupportEntity,
  LegalVolunteerEntity,
  LegalTrainingEntity,
  LegalTrainingAttendeeEntity,
  LegalDutyEntity,
];
