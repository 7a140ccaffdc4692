import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  actingUnitId,
  afterCommit,
  AppError,
  CaseAccess,
  CaseDocumentEntity,
  CaseEntity,
  CaseNumberService,
  Clock,
  ErrorCode,
  OrgUnitEntity,
  withTransaction,
} from '@weiquan/core';
import { DocumentType, formatDocumentNumber, toShanghaiDate } from '@weiquan/shared';
import { DocumentDataBuilder } from './document-data.builder';
import { DocumentFiles } from './document-files.service';
import { DocumentNumberService } from './document-number.service';
import { currentTemplate } from './templates';

export interface IssueOptions {
  extra?: Record<string, unknown>;
  /** The case action whose step issues it; null on demand. */
  action?: string | null;
  supersedes?: CaseDocumentEntity | null;
  reason?: string | null;
  /** A prepared snapshot (the case file builds its own); else built from the case. */
  data?: Record<string, unknown>;
}

/**
 * The document registry. A document is issued inside a transaction — the step's own (through the
 * hook) or one opened here on demand — which takes its number and stores the immutable row with the
 * snapshot it was filled from. The PDF is rendered after commit: the number's lock is not held
 * while rendering, and a render that fails leaves a document whose file is rendered on first read.
 */
@Injectable()
export class DocumentRegistry {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccess,
    private readonly numbers: DocumentNumberService,
    private readonly caseNumbers: CaseNumberService,
    private readonly builder: DocumentDataBuilder,
    private readonly files: DocumentFiles,
    private readonly clock: Clock,
  ) {}

  /** Issues on demand from the console: its own transaction, the file rendered before answering. */
  async issue(actor: Actor, caseId: string, type: DocumentType, opts: IssueOptions = {}): Promise<CaseDocumentEntity> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.getVisible(actor, caseId, { m, field: 'input.caseId' });
      return this.issueIn(m, actor, c, type, opts);
    });
  }

  /** A correction: a new document of the same type and case that names the old one; both are kept. */
  async supersede(actor: Actor, documentId: string, reason: string): Promise<CaseDocumentEntity> {
    return withTransaction(this.ds, async (m) => {
      const old = await this.visibleDocument(actor, documentId, m);
      const c = await this.access.getVisible(actor, old.caseId, { m });
      const later = await m.findOne(CaseDocumentEntity, { where: { supersedesId: old.id } });
      if (later)
        throw new AppError(ErrorCode.CONFLICT, `该文书已被 ${later.docNo ?? later.title} 更正`, 'input.documentId');
      if (old.docType === 'CASE_FILE') throw AppError.badInput('input.documentId', '卷宗请重新生成，不作更正');
      return this.issueIn(m, actor, c, old.docType as DocumentType, {
        extra: old.data.extra as Record<string, unknown>,
        supersedes: old,
        reason,
      });
    });
  }

  async issueIn(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    type: DocumentType,
    opts: IssueOptions = {},
  ): Promise<CaseDocumentEntity> {
    const tpl = type === 'CASE_FILE' ? { title: '卷宗', abbr: null, version: 1 } : currentTemplate(type);
    const acting = await m.findOneByOrFail(OrgUnitEntity, { id: actingUnitId(actor, c) });
    const unit = await this.caseNumbers.centerOf(m, acting);
    const now = this.clock.now();
    const year = Number(toShanghaiDate(now).slice(0, 4));
    // A copy: the renderer (pdfmake) mutates what it is given, and the step's case must stay as it is.
    const { data, settings } = await this.builder.build(m, c, unit, tpl.title, now, structuredClone(opts.extra ?? {}));
    let seq: number | null = null;
    let docNo: string | null = null;
    if (tpl.abbr) {
      seq = await this.numbers.next(m, unit.id, type, year);
      docNo = formatDocumentNumber(settings.numberFormat, { prefix: settings.numberPrefix, abbr: tpl.abbr, year, seq });
    }
    const doc = m.create(CaseDocumentEntity, {
      caseId: c.id,
      round: c.round,
      docType: type,
      issuingUnitId: unit.id,
      year,
      seq,
      docNo,
      title: tpl.title,
      templateKey: type,
      templateVersion: tpl.version,
      format: 'PDF',
      data: { ...data, ...opts.data, docNo },
      issuedByAction: opts.action ?? null,
      issuedById: actor.kind === 'USER' ? actor.id : null,
      issuedByName: actor.name,
      issuedAt: now,
      supersedesId: opts.supersedes?.id ?? null,
      correctionReason: opts.reason ?? null,
    });
    try {
      await m.save(CaseDocumentEntity, doc);
    } catch (e) {
      if ((e as { code?: string }).code === 'ER_DUP_ENTRY')
        throw new AppError(ErrorCode.CONFLICT, '该文书已被他人更正，请刷新后重试', 'input.documentId');
      throw e;
    }
    afterCommit(m, async () => {
      await this.files.ensure(doc, 'FULL');
    });
    return doc;
  }

  /** A document by id, only through a case the actor may see (else NOT_FOUND, as for a missing one). */
  async visibleDocument(actor: Actor, id: string, m: EntityManager = this.ds.manager): Promise<CaseDocumentEntity> {
    const doc = /^\d{1,19}$/.test(String(id))
      ? await m.findOne(CaseDocumentEntity, { where: { id: String(id) } })
      : null;
    if (!doc) throw AppError.notFound('文书', 'documentId');
    await this.access.getVisible(actor, doc.caseId, { m, field: 'documentId' }).catch(() => {
      throw AppError.notFound('文书', 'documentId');
    });
    return doc;
  }

  async listForCase(actor: Actor, caseId: string): Promise<CaseDocumentEntity[]> {
    const c = await this.access.getVisible(actor, caseId, { field: 'caseId' });
    return this.ds.manager.find(CaseDocumentEntity, { where: { caseId: c.id }, order: { issuedAt: 'ASC', id: 'ASC' } });
  }
}
