import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

const json = {
  to: (v?: unknown) => (v == null ? null : JSON.stringify(v)),
  from: (v?: string | null) => (v == null ? null : JSON.parse(v)),
};

/**
 * An issued document (文书) or case file (卷宗). Immutable: triggers refuse UPDATE and DELETE; a
 * correction is a new row whose `supersedesId` names the old one, and both stay. `data` is the
 * snapshot the template filled (full personal data), so a masked copy renders from the same facts.
 */
@Entity('case_document')
export class CaseDocumentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  @Column({ type: 'smallint', unsigned: true }) round: number;
  @Column({ name: 'doc_type', length: 40 }) docType: string;
  @Column({ name: 'issuing_unit_id', type: 'int' }) issuingUnitId: number;
  @Column({ type: 'smallint', unsigned: true }) year: number;
  /** Sequence within unit × type × year; null for unnumbered output (the case file). */
  @Column({ type: 'int', unsigned: true, nullable: true }) seq: number | null;
  @Column({ name: 'doc_no', type: 'varchar', length: 80, nullable: true }) docNo: string | null;
  @Column({ length: 100 }) title: string;
  @Column({ name: 'template_key', length: 40 }) templateKey: string;
  @Column({ name: 'template_version', type: 'smallint', unsigned: true }) templateVersion: number;
  @Column({ length: 8 }) format: 'PDF' | 'DOCX';
  @Column({ type: 'mediumtext', transformer: json }) data: Record<string, unknown>;
  /** The case action whose step issued it; null when issued on demand. */
  @Column({ name: 'issued_by_action', type: 'varchar', length: 32, nullable: true }) issuedByAction: string | null;
  @Column({ name: 'issued_by_id', type: 'int', nullable: true }) issuedById: number | null;
  @Column({ name: 'issued_by_name', length: 100 }) issuedByName: string;
  @Column({ name: 'issued_at', type: 'datetime', precision: 3 }) issuedAt: Date;
  @Column({ name: 'supersedes_id', type: 'bigint', nullable: true }) supersedesId: string | null;
  @Column({ name: 'correction_reason', type: 'varchar', length: 500, nullable: true }) correctionReason: string | null;
}

/** A rendered file of a document: FULL (the archived original) or MASKED (for readers who may not unmask). */
@Entity('case_document_file')
export class CaseDocumentFileEntity {
  @PrimaryColumn({ name: 'document_id', type: 'bigint' }) documentId: string;
  @PrimaryColumn({ length: 8 }) variant: 'FULL' | 'MASKED' | 'DOCX';
  @Column({ name: 'storage_key', length: 200 }) storageKey: string;
  @Column({ name: 'content_type', length: 100 }) contentType: string;
  @Column({ name: 'file_name', length: 200 }) fileName: string;
  @Column({ length: 64 }) sha256: string;
  @Column({ name: 'size_bytes', type: 'int', unsigned: true }) sizeBytes: number;
  @Column({ name: 'page_count', type: 'smallint', unsigned: true, nullable: true }) pageCount: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

/** What an administrator sets for a unit's documents: header, number prefix and format, seal name. */
@Entity('document_unit_setting')
export class DocumentUnitSettingEntity {
  @PrimaryColumn({ name: 'unit_id', type: 'int' }) unitId: number;
  /** 发文机关标志, e.g. 榕城市鼓楼区消费者权益保护中心 (printed in red when `redHead`). */
  @Column({ length: 100 }) header: string;
  @Column({ name: 'number_prefix', length: 40 }) numberPrefix: string;
  /** e.g. `{prefix}{abbr}〔{year}〕{seq}号`; must contain {year} and {seq}. */
  @Column({ name: 'number_format', length: 80 }) numberFormat: string;
  @Column({ name: 'seal_name', length: 100 }) sealName: string;
  @Column({ name: 'red_head' }) redHead: boolean;
  @Column({ type: 'varchar', length: 40, nullable: true }) phone: string | null;
  /** Days the consumer has to supply missing materials (补正材料一次性告知书). */
  @Column({ name: 'materials_days', type: 'smallint', unsigned: true, default: 7 }) materialsDays: number;
  /** The recusal window on the mediation notice (自收到本通知书之日起 __ 日内). */
  @Column({ name: 'recusal_days', type: 'smallint', unsigned: true, default: 3 }) recusalDays: number;
  /** 保管期限 printed on the case file's cover, in years. */
  @Column({ name: 'retention_years', type: 'smallint', unsigned: true, default: 10 }) retentionYears: number;
  @Column({ name: 'updated_by_id', type: 'int', nullable: true }) updatedById: number | null;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
  @Column({ type: 'int', default: 1 }) version: number;
}

/** One delivery of a document: a one-time download link (SMS, or the public progress page) or a print handed over. */
@Entity('document_delivery')
export class DocumentDeliveryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true }) id: string;
  @Column({ name: 'document_id', type: 'bigint' }) documentId: string;
  @Column({ name: 'case_id', type: 'bigint' }) caseId: string;
  /** WEB_LINK: made on the public progress page after the case number and query code were checked. */
  @Column({ length: 12 }) channel: 'SMS_LINK' | 'PRINT' | 'WEB_LINK';
  /** SHA-256 of the link token; the token itself is only in the SMS. */
  @Column({ name: 'token_hash', type: 'char', length: 64, nullable: true }) tokenHash: string | null;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true }) expiresAt: Date | null;
  @Column({ name: 'used_at', type: 'datetime', precision: 3, nullable: true }) usedAt: Date | null;
  @Column({ name: 'sms_id', type: 'bigint', nullable: true }) smsId: string | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) recipient: string | null;
  @Column({ name: 'created_by_id', type: 'int', nullable: true }) createdById: number | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}

export const DOCUMENT_ENTITIES = [
  CaseDocumentEntity,
  CaseDocumentFileEntity,
  DocumentUnitSettingEntity,
  DocumentDeliveryEntity,
];
