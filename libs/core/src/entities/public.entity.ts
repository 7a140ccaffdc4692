import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** How the public reaches a case submitted online: the SHA-256 of its 查询码 (never the code) and the phone. */
@Entity('public_case_access')
export class PublicCaseAccessEntity {
  @PrimaryColumn({ name: 'case_id', type: 'bigint', unsigned: true }) caseId: string;
  @Column({ name: 'query_code_hash', type: 'char', length: 64 }) queryCodeHash: string;
  @Column({ type: 'varchar', length: 20, nullable: true }) phone: string | null;
  @Column({ name: 'submitted_at', type: 'datetime', precision: 3 }) submittedAt: Date;
}

/** 意见箱: a message from the public to a center's director, tracked until handled. */
@Entity('public_suggestion')
export class PublicSuggestionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'center_id', type: 'int', unsigned: true }) centerId: number;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'varchar', length: 50, nullable: true }) contact: string | null;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
  @Column({ name: 'handled_at', type: 'datetime', precision: 3, nullable: true }) handledAt: Date | null;
  @Column({ name: 'handled_by_id', type: 'int', unsigned: true, nullable: true }) handledById: number | null;
  @Column({ name: 'handling_note', type: 'varchar', length: 500, nullable: true }) handlingNote: string | null;
}

/** 公示 withdrawn by an administrator (with the reason; audited). */
@Entity('public_publication_withdrawal')
export class PublicPublicationWithdrawalEntity {
  @PrimaryColumn({ name: 'case_id', type: 'bigint', unsigned: true }) caseId: string;
  @Column({ length: 500 }) reason: string;
  @Column({ name: 'withdrawn_by_id', type: 'int', unsigned: true }) withdrawnById: number;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3 }) withdrawnAt: Date;
}

/** 人员状态公示栏 / 挂牌上岗: one person on a unit's public staff board. */
@Entity('public_staff_card')
export class PublicStaffCardEntity {
  @PrimaryGeneratedColumn({ unsigned: true }) id: number;
  @Column({ name: 'unit_id', type: 'int', unsigned: true }) unitId: number;
  @Column({ length: 50 }) name: string;
  /** 岗位, e.g. 受理接待员, 调解员. */
  @Column({ length: 50 }) post: string;
  @Column({ name: 'work_no', type: 'varchar', length: 30, nullable: true }) workNo: string | null;
  @Column({ name: 'on_duty' }) onDuty: boolean;
  /** Optional photo: storage key (server-built), JPEG/PNG type, and the random ref the public reads it by. */
  @Column({ name: 'photo_key', type: 'varchar', length: 200, nullable: true }) photoKey: string | null;
  @Column({ name: 'photo_type', type: 'varchar', length: 20, nullable: true }) photoType: string | null;
  @Column({ name: 'photo_ref', type: 'char', length: 16, nullable: true }) photoRef: string | null;
  @Column({ name: 'sort_order', type: 'smallint', unsigned: true }) sortOrder: number;
  @Column({ type: 'int', unsigned: true }) version: number;
  @Column({ name: 'updated_by_id', type: 'int', unsigned: true, nullable: true }) updatedById: number | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

/**
 * 典型案例 (#16): written by staff of `unitId` (their scope owns it), published on the public site by a
 * random `ref` (no sequential id leaks how many drafts exist). `sourceCaseId` only points at a concluded
 * case of the writer's scope; nothing of that case is copied — the text is the staff's own.
 */
@Entity('typical_case')
export class TypicalCaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ type: 'char', length: 16 }) ref: string;
  @Column({ name: 'unit_id', type: 'int', unsigned: true }) unitId: number;
  @Column({ length: 100 }) title: string;
  /** 商品或服务类别, as on the case form (free text). */
  @Column({ type: 'varchar', length: 50, nullable: true }) category: string | null;
  /** A code of the problem_type dictionary. */
  @Column({ name: 'problem_type', type: 'varchar', length: 32, nullable: true }) problemType: string | null;
  /** 基本案情 */
  @Column({ type: 'text' }) facts: string;
  /** 处理过程和结果 */
  @Column({ type: 'text' }) handling: string;
  /** 消费提示 */
  @Column({ type: 'text' }) lesson: string;
  @Column({ name: 'source_case_id', type: 'bigint', unsigned: true, nullable: true }) sourceCaseId: string | null;
  @Column({ type: 'varchar', length: 16 }) status: string;
  @Column({ name: 'published_at', type: 'datetime', precision: 3, nullable: true }) publishedAt: Date | null;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt: Date | null;
  @Column({ name: 'withdraw_reason', type: 'varchar', length: 500, nullable: true }) withdrawReason: string | null;
  @Column({ type: 'int', unsigned: true }) version: number;
  @Column({ name: 'created_by_id', type: 'int', unsigned: true }) createdById: number;
  @Column({ name: 'updated_by_id', type: 'int', unsigned: true }) updatedById: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

export const PUBLIC_ENTITIES = [
  PublicCaseAccessEntity,
  PublicSuggestionEntity,
  PublicPublicationWithdrawalEntity,
  PublicStaffCardEntity,
  TypicalCaseEntity,
];
