import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CONSUMER_DOCUMENT_TYPES } from '@weiquan/shared';
import { AppConfig, AppError, CaseDocumentEntity, ErrorCode } from '@weiquan/core';
import { DocumentDelivery } from '../document/document-delivery.service';
import { PublicDocument, PublicDocumentLink } from './public.model';

/**
 * The documents served on the consumer, on the progress page: only this case's, only the consumer-facing
 * types (CONSUMER_DOCUMENT_TYPES), only the current version (a corrected document shows its correction).
 * Each is named by an opaque `ref` (keyed hash of case and document: no database id leaves the server);
 * a download is a one-time link made after the lookup was verified, scoped to the one document.
 */
@Injectable()
export class PublicDocumentService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly config: AppConfig,
    private readonly delivery: DocumentDelivery,
  ) {}

  async listFor(caseId: string): Promise<PublicDocument[]> {
    return (await this.consumerDocuments(caseId)).map((d) => ({
      ref: this.ref(d),
      title: d.title,
      docNo: d.docNo,
      issuedAt: d.issuedAt,
    }));
  }

  /** The link for a document of the verified case; any other ref gets the same NOT_FOUND. */
  async link(caseId: string, ref: string): Promise<PublicDocumentLink> {
    const doc = (await this.consumerDocuments(caseId)).find((d) => this.ref(d) === ref);
    if (!doc) throw new AppError(ErrorCode.NOT_FOUND, '文书不存在', 'input.documentRef');
    return this.delivery.webLink(doc);
  }

  private ref(d: CaseDocumentEntity): string {
    return createHmac('sha256', this.config.JWT_SECRET)
      .update(`public-document:${d.caseId}:${d.id}`)
      .digest('hex')
      .slice(0, 20);
  }

  private consumerDocuments(caseId: string): Promise<CaseDocumentEntity[]> {
    return this.ds
      .getRepository(CaseDocumentEntity)
      .createQueryBuilder('d')
      .select(['d.id', 'd.caseId', 'd.title', 'd.docNo', 'd.issuedAt'])
      .where('d.case_id = :caseId', { caseId })
      .andWhere(`d.doc_type IN (:...types) AND ${CURRENT}`, { types: CONSUMER_DOCUMENT_TYPES })
      .orderBy('d.issued_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
  }
}

/** Not superseded by a correction (documents aliased `d`). */
const CURRENT = 'NOT EXISTS (SELECT 1 FROM case_document n WHERE n.supersedes_id = d.id)';

/**
 * SQL of a stamp of the documents `listFor` would list for the case whose id is `caseIdSql` (the ids of the
 * current consumer documents, or NULL): a caller that keeps a page keys it with the stamp, so a new or
 * corrected document shows at once — read in the caller's own query, without a round trip of its own.
 */
export function consumerDocumentsStamp(caseIdSql: string): { sql: string; params: unknown[] } {
  return {
    sql: `(SELECT GROUP_CONCAT(d.id ORDER BY d.id) FROM case_document d
            WHERE d.case_id = ${caseIdSql} AND d.doc_type IN (?) AND ${CURRENT})`,
    params: [CONSUMER_DOCUMENT_TYPES],
  };
}
