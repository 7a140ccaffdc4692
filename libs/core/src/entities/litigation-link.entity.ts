import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// 诉调对接工作室: court referrals, joint handling / transfer with other departments, the expert
// roster and seminars, linkage messages with county centers and stations.

type ValueOf<T> = T[keyof T];
const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

export const CourtReferralType = {
  PRE_SUIT_MEDIATION: 'PRE_SUIT_MEDIATION',
  JUDICIAL_CONFIRMATION: 'JUDICIAL_CONFIRMATION',
} as const;
export type CourtReferralType = ValueOf<typeof CourtReferralType>;
export const CourtReferralTypeLabel: Readonly<Record<CourtReferralType, string>> = {
  PRE_SUIT_MEDIATION: '诉前调解',
  JUDICIAL_CONFIRMATION: '调解协议司法确认',
};

export const CourtReferralStatus = {
  SENT: 'SENT',
  ACCEPTED: 'ACCEPTED',
  MEDIATED: 'MEDIATED',
  CONFIRMED: 'CONFIRMED',
  REJECTED: 'REJECTED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type CourtReferralStatus = ValueOf<typeof CourtReferralStatus>;
export const CourtReferralStatusLabel: Readonly<Record<CourtReferralStatus, string>> = {
  SENT: '已移送法院',
  ACCEPTED: '法院已受理',
  MEDIATED: '诉前调解成功',
  CONFIRMED: '已司法确认',
  REJECTED: '法院不予受理、不予确认或调解不成',
  WITHDRAWN: '已撤回',
};

export const DepartmentHandlingMode = { JOINT: 'JOINT', TRANSFER: 'TRANSFER' } as const;
export type DepartmentHandlingMode = ValueOf<typeof DepartmentHandlingMode>;
export const DepartmentHandlingModeLabel: Readonly<Record<DepartmentHandlingMode, string>> = {
  JOINT: '联办',
  TRANSFER: '移交',
};

export const DepartmentHandlingStatus = {
  IN_PROGRESS: 'IN_PROGRESS',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
} as const;
export type DepartmentHandlingStatus = ValueOf<typeof DepartmentHandlingStatus>;
export const DepartmentHandlingStatusLabel: Readonly<Record<DepartmentHandlingStatus, string>> = {
  IN_PROGRESS: '办理中',
  COMPLETED: '已办结',
  CANCELLED: '已撤销',
};

/** INSTRUCTION goes down the org tree (center → county center / station), REPORT goes up. */
export const LinkageMessageKind = { INSTRUCTION: 'INSTRUCTION', REPORT: 'REPORT' } as const;
export type LinkageMessageKind = ValueOf<typeof LinkageMessageKind>;
export const LinkageMessageKindLabel: Readonly<Record<LinkageMessageKind, string>> = {
  INSTRUCTION: '下发指示',
  REPORT: '上报情况',
};

/** 移送法院: pre-suit mediation or judicial confirmation of a mediation agreement, on a case. */
@Entity('court_referral')
export class CourtReferralEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ type: 'varchar', length: 24 }) type: CourtReferralType;
  @Column({ name: 'court_agency_id', type: 'int' }) courtAgencyId: number;
  @Column({ type: 'varchar', length: 12 }) status: CourtReferralStatus;
  @Column({ type: 'text' }) matter: string;
  @Column({ name: 'court_case_no', type: 'varchar', length: 50, nullable: true }) courtCaseNo: string | null;
  @Column({ name: 'status_note', type: 'text', nullable: true }) statusNote: string | null;
  // The referring center (a workroom's center): the work queue and who may update it.
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'referred_by_id', type: 'int', nullable: true }) referredById: number | null;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3 }) sentAt: Date;
  @Column({ name: 'accepted_at', type: 'datetime', precision: 3, nullable: true }) acceptedAt: Date | null;
  @Column({ name: 'mediated_at', type: 'datetime', precision: 3, nullable: true }) mediatedAt: Date | null;
  @Column({ name: 'confirmed_at', type: 'datetime', precision: 3, nullable: true }) confirmedAt: Date | null;
  @Column({ name: 'rejected_at', type: 'datetime', precision: 3, nullable: true }) rejectedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}

/** 联办 / 移交 with another department, with an agreed deadline that runs as its own clock (case_deadline). */
@Entity('department_handling')
export class DepartmentHandlingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'department_agency_id', type: 'int' }) departmentAgencyId: number;
  @Column({ type: 'varchar', length: 12 }) mode: DepartmentHandlingMode;
  @Column({ type: 'varchar', length: 12 }) status: DepartmentHandlingStatus;
  @Column({ type: 'text' }) matter: string;
  @Column({ name: 'contact_person', type: 'varchar', length: 50, nullable: true }) contactPerson: string | null;
  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true }) contactPhone: string | null;
  /** 'YYYY-MM-DD' (Asia/Shanghai): due at the end of that day. */
  @Column({ name: 'agreed_deadline', type: 'date' }) agreedDeadline: string;
  @Column({ name: 'deadline_id', type: 'bigint', nullable: true }) deadlineId: string | null;
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'started_by_id', type: 'int', nullable: true }) startedById: number | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'closed_by_id', type: 'int', nullable: true }) closedById: number | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}

/** 消费维权专家库: one center's roster (a workroom's center owns it). */
@Entity('expert')
export class ExpertEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ length: 50 }) name: string;
  @Column({ length: 100 }) field: string;
  @Column({ type: 'varchar', length: 100, nullable: true }) organisation: string | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  @Column() active: boolean;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}

/** 消费维权专家研讨会: topic, date, experts, minutes and the hot issues (tags and cases) it discussed. */
@Entity('expert_seminar')
export class ExpertSeminarEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ length: 200 }) topic: string;
  @Column({ name: 'held_on', type: 'date' }) heldOn: string;
  @Column({ type: 'mediumtext', nullable: true }) minutes: string | null;
  @Column({ name: 'hot_issue_tags', type: 'text', transformer: json }) hotIssueTags: string[];
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'unit_path', length: 255 }) unitPath: string;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int' }) version: number;
}

@Entity('expert_seminar_expert')
export class ExpertSeminarExpertEntity {
  @PrimaryColumn({ name: 'seminar_id', type: 'bigint' }) seminarId: string;
  @PrimaryColumn({ name: 'expert_id', type: 'int' }) expertId: number;
}

@Entity('expert_seminar_case')
export class ExpertSeminarCaseEntity {
  @PrimaryColumn({ name: 'seminar_id', type: 'bigint' }) seminarId: string;
  @PrimaryColumn({ name: 'case_id', type: 'bigint' }) caseId: string;
}

/** 联动: an instruction sent down or a report sent up, acknowledged (签收) once by the receiving unit. */
@Entity('linkage_message')
export class LinkageMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ type: 'varchar', length: 12 }) kind: LinkageMessageKind;
  @Column({ name: 'sender_unit_id', type: 'int' }) senderUnitId: number;
  @Column({ name: 'sender_path', length: 255 }) senderPath: string;
  @Column({ name: 'target_unit_id', type: 'int' }) targetUnitId: number;
  @Column({ name: 'target_path', length: 255 }) targetPath: string;
  @Column({ length: 200 }) title: string;
  @Column({ type: 'text' }) content: string;
  @Column({ name: 'due_at', type: 'datetime', precision: 3, nullable: true }) dueAt: Date | null;
  @Column({ name: 'sent_by_id', type: 'int', nullable: true }) sentById: number | null;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3 }) sentAt: Date;
  @Column({ name: 'acknowledged_by_id', type: 'int', nullable: true }) acknowledgedById: number | null;
  @Column({ name: 'acknowledged_at', type: 'datetime', precision: 3, nullable: true }) acknowledgedAt: Date | null;
  @Column({ name: 'ack_note', type: 'text', nullable: true }) ackNote: string | null;
  @Column({ type: 'int' }) version: number;
}

export const LITIGATION_LINK_ENTITIES = [
  CourtReferralEntity,
  DepartmentHandlingEntity,
  ExpertEntity,
  ExpertSeminarEntity,
  ExpertSeminarExpertEntity,
  ExpertSeminarCaseEntity,
  LinkageMessageEntity,
];
