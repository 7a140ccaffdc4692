import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CaseDocumentEntity, CaseDocumentFileEntity, Clock, EvidenceStorage } from '@weiquan/core';
import { DocumentVariant } from '@weiquan/shared';
import { renderCaseFile } from './case-file.renderer';
import { maskDocumentData } from './document-data.builder';
import { renderDocx } from './document-docx';
import { PdfRenderer } from './pdf-renderer.service';
import { DocumentData, templateVersion } from './templates';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The rendered files of a document, one row per variant, written once (the first render wins; a
 * concurrent loser removes its own object). The FULL file is the archived original whose SHA-256
 * the registry shows; MASKED and DOCX are rendered on first request from the same snapshot and
 * template version.
 */
@Injectable()
export class DocumentFiles {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly renderer: PdfRenderer,
    private readonly storage: EvidenceStorage,
    private readonly clock: Clock,
  ) {}

  async find(documentId: string, variant: DocumentVariant): Promise<CaseDocumentFileEntity | null> {
    return this.ds.manager.findOne(CaseDocumentFileEntity, { where: { documentId, variant } });
  }

  async ensure(doc: CaseDocumentEntity, variant: DocumentVariant): Promise<CaseDocumentFileEntity> {
    const existing = await this.find(doc.id, variant);
    if (existing) return existing;
    const { bytes, pageCount, contentType, ext } = await this.render(doc, variant);
    const key = `documents/${doc.caseId}/${doc.id}-${variant.toLowerCase()}-${randomUUID()}`;
    const stored = await this.storage.put(key, bytes);
    const suffix = variant === 'MASKED' ? '（脱敏）' : '';
    const row: CaseDocumentFileEntity = {
      documentId: doc.id,
      variant,
      storageKey: key,
      contentType,
      fileName: `${doc.docNo ?? doc.title}${doc.docNo ? doc.title : ''}${suffix}.${ext}`.replace(/[\\/:*?"<>|]/g, '_'),
      sha256: stored.sha256,
      sizeBytes: stored.size,
      pageCount,
      createdAt: this.clock.now(),
    };
    const res = await this.ds
      .createQueryBuilder()
      .insert()
      .into(CaseDocumentFileEntity)
      .values(row)
      .orIgnore()
      .execute();
    if (Number((res.raw as { affectedRows?: number }).affectedRows ?? 0) === 1) return row;
    await this.storage.delete(key);
    return (await this.find(doc.id, variant))!;
  }

  async bytes(file: CaseDocumentFileEntity): Promise<Buffer> {
    const body = Buffer.concat(await (await this.storage.get(file.storageKey)).toArray());
    // A stored file that no longer matches its recorded hash is not handed out as the original.
    if (sha256(body) !== file.sha256) throw new Error(`document file ${file.storageKey} does not match its SHA-256`);
    return body;
  }

  private async render(doc: CaseDocumentEntity, variant: DocumentVariant) {
    // pdfmake mutates the content it lays out: render from a copy of the stored snapshot.
    const full = structuredClone(doc.data) as unknown as DocumentData;
    const data = variant === 'MASKED' ? maskDocumentData(full) : full;
    if (doc.docType === 'CASE_FILE') {
      if (variant === 'DOCX') throw new Error('a case file has no Word copy');
      const pdf = await renderCaseFile(this.renderer, data, variant, async (id) => {
        const d = await this.ds.manager.findOneByOrFail(CaseDocumentEntity, { id });
        return this.bytes(await this.ensure(d, variant));
      });
      return { ...pdf, contentType: 'application/pdf', ext: 'pdf' };
    }
    const tpl = templateVersion(doc.templateKey, doc.templateVersion);
    if (variant === 'DOCX') {
      const bytes = await renderDocx(tpl.build(full));
      return { bytes, pageCount: null, contentType: DOCX_TYPE, ext: 'docx' };
    }
    const pdf = await this.renderer.render(tpl.build(data));
    return { ...pdf, contentType: 'application/pdf', ext: 'pdf' };
  }
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
