import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

// 维权服务工作室: mediation sessions, on-site investigations, testing/appraisal commissions and
// mediation agreements, each recorded on a case (visibility is the case's). Vocabulary (modes,
// results, cost parties) is validated by the API; the columns hold the codes.

const decimal = { to: (v?: number | null) => v, from: (v?: string | null) => (v == null ? null : Number(v)) };
const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

/** A party present at a mediation who is not staff (消费者, 经营者代表 …): free text. */
export interface MediationPartyRecord {
  role: string;
  name: string;
  note?: string | null;
}

/** 调解: by phone, video, SMS or on site; normally two or more staff, recorded, with a result. */
@Entity('mediation_session')
export class MediationSessionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  /** The unit that held the session (the handling unit the recorder acted for). */
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ length: 16 }) mode: string;
  @Column({ name: 'held_at', type: 'datetime', precision: 3 }) heldAt: Date;
  @Column({ type: 'varchar', length: 200, nullable: true }) place: string | null;
  /** 简易调解: one staff member is enough. */
  @Column() simple: boolean;
  @Column({ name: 'parties_consented' }) partiesConsented: boolean;
  @Column({ type: 'text', transformer: json }) parties: MediationPartyRecord[];
  @Column({ type: 'text' }) record: string;
  @Column({ length: 16 }) result: string;
  @Column({ name: 'result_note', type: 'text', nullable: true }) resultNote: string | null;
  @Column({ name: 'recorded_by_id', type: 'int', nullable: true }) recordedById: number | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt: Date;
  @Column({ name: 'updated_by_id', type: 'int', nullable: true }) updatedById: number | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true }) updatedAt: Date | null;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** Staff (users) who took part in a mediation session. */
@Entity('mediation_session_staff')
export class MediationSessionStaffEntity {
  @PrimaryColumn({ name: 'session_id', type: 'bigint' }) sessionId: string;
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId: number;
}

/** 现场调查: who, when, where, what was found, which evidence. */
@Entity('site_investigation')
export class SiteInvestigationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'investigated_at', type: 'datetime', precision: 3 }) investigatedAt: Date;
  @Column({ length: 200 }) place: string;
  @Column({ type: 'text' }) findings: string;
  @Column({ name: 'evidence_note', type: 'text', nullable: true }) evidenceNote: string | null;
  /** Evidence files of the same case (case_evidence ids) gathered on site. */
  @Column({ name: 'evidence_ids', type: 'text', nullable: true, transformer: json }) evidenceIds: string[] | null;
  @Column({ name: 'recorded_by_id', type: 'int', nullable: true }) recordedById: number | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt: Date;
  @Column({ name: 'updated_by_id', type: 'int', nullable: true }) updatedById: number | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3, nullable: true }) updatedAt: Date | null;
  @Column({ type: 'int', default: 1 }) version: number;
}

@Entity('site_investigation_staff')
export class SiteInvestigationStaffEntity {
  @PrimaryColumn({ name: 'investigation_id', type: 'bigint' }) investigationId: string;
  @PrimaryColumn({ name: 'user_id', type: 'int' }) userId: number;
}

/**
 * 检测鉴定委托: a qualified agency tests the items; one party advances the cost, the result says
 * who bears it. While a commission runs the case is suspended (its clocks pause).
 */
@Entity('testing_commission')
export class TestingCommissionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'agency_name', length: 100 }) agencyName: string;
  /** The agency's legal qualification (资质认定 CMA / 认可 CNAS certificate, or appraisal licence). */
  @Column({ name: 'agency_qualification', length: 200 }) agencyQualification: string;
  @Column({ type: 'text', transformer: json }) items: string[];
  @Column({ name: 'cost_advanced_by', length: 16 }) costAdvancedBy: string;
  @Column({ name: 'estimated_cost', type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimal })
  estimatedCost: number | null;
  @Column({ name: 'commissioned_at', type: 'datetime', precision: 3 }) commissionedAt: Date;
  @Column({ length: 12 }) status: 'RUNNING' | 'COMPLETED';
  /** True when this commission moved the case from IN_PROGRESS to SUSPENDED. */
  @Column({ name: 'suspended_case' }) suspendedCase: boolean;
  @Column({ type: 'text', nullable: true }) result: string | null;
  @Column({ name: 'actual_cost', type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimal })
  actualCost: number | null;
  @Column({ name: 'cost_borne_by', type: 'varchar', length: 16, nullable: true }) costBorneBy: string | null;
  @Column({ name: 'result_at', type: 'datetime', precision: 3, nullable: true }) resultAt: Date | null;
  @Column({ name: 'result_by_id', type: 'int', nullable: true }) resultById: number | null;
  @Column({ name: 'recorded_by_id', type: 'int', nullable: true }) recordedById: number | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** 调解协议: its terms and amount, and whether the business performed it. */
@Entity('mediation_agreement')
export class MediationAgreementEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ name: 'unit_id', type: 'int' }) unitId: number;
  @Column({ name: 'session_id', type: 'bigint', nullable: true }) sessionId: string | null;
  @Column({ type: 'text' }) terms: string;
  @Column({ type: 'decimal', precision: 14, scale: 2, nullable: true, transformer: decimal }) amount: number | null;
  @Column({ name: 'signed_at', type: 'datetime', precision: 3 }) signedAt: Date;
  @Column({ name: 'performance_due_at', type: 'datetime', precision: 3, nullable: true }) performanceDueAt: Date | null;
  @Column({ length: 12 }) performance: 'PENDING' | 'FULFILLED' | 'UNFULFILLED';
  @Column({ name: 'performance_note', type: 'text', nullable: true }) performanceNote: string | null;
  @Column({ name: 'performance_recorded_at', type: 'datetime', precision: 3, nullable: true })
  performanceRecordedAt: Date | null;
  @Column({ name: 'performance_recorded_by_id', type: 'int', nullable: true }) performanceRecordedById: number | null;
  /** The automatic supervision opened when the agreement went unperformed after conclusion. */
  @Column({ name: 'supervision_id', type: 'bigint', nullable: true }) supervisionId: string | null;
  @Column({ name: 'recorded_by_id', type: 'int', nullable: true }) recordedById: number | null;
  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 }) recordedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

export const MEDIATION_ENTITIES = [
  MediationSessionEntity,
  MediationSessionStaffEntity,
  SiteInvestigationEntity,
  SiteInvestigationStaffEntity,
  TestingCommissionEntity,
  MediationAgreementEntity,
];
