import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AppError,
  CaseDocumentEntity,
  CaseEntity,
  Clock,
  DocumentDeliveryEntity,
  ErrorCode,
  SmsOutbox,
  withTransaction,
} from '@weiquan/core';
import { maskPhone } from '@weiquan/shared';
import { DocumentFiles } from './document-files.service';
import { DocumentRegistry } from './document-registry.service';

const LINK_TTL_MS = 72 * 3_600_000;
/** A link made on the progress page is used at once: a few minutes are enough. */
export const WEB_LINK_TTL_MS = 10 * 60_000;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export const documentLinkPath = (token: string) => `/api/documents/link/${token}`;

/**
 * 送达: the consumer's copy as a one-time download link by SMS (通过互联网、短信…方式送达). The token
 * is 32 random bytes, stored only as its SHA-256, scoped to one document, valid for 72 hours and
 * spent by the first download; every delivery is recorded.
 */
@Injectable()
export class DocumentDelivery {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly registry: DocumentRegistry,
    private readonly files: DocumentFiles,
    private readonly sms: SmsOutbox,
    private readonly clock: Clock,
  ) {}

  async sendLink(actor: Actor, documentId: string): Promise<DocumentDeliveryEntity> {
    const doc = await this.registry.visibleDocument(actor, documentId);
    if (doc.docType === 'CASE_FILE') throw AppError.badInput('input.documentId', '卷宗不向当事人送达');
    return withTransaction(this.ds, async (m) => {
      const c = await m.findOneByOrFail(CaseEntity, { id: doc.caseId });
      if (!c.consumerPhone) throw AppError.badInput('input.documentId', '诉求人未留手机号码，无法短信送达');
      const token = randomBytes(32).toString('base64url');
      const now = this.clock.now();
      const sms = await this.sms.enqueue(m, {
        phone: c.consumerPhone,
        caseId: c.id,
        content: `【消费维权】您的《${doc.title}》${doc.docNo ?? ''}已签发，请于72小时内点击下载（仅限一次）：${documentLinkPath(token)}`,
      });
      if (!sms.id) throw AppError.badInput('input.documentId', '诉求人号码不是手机号码，无法短信送达');
      const row = m.create(DocumentDeliveryEntity, {
        documentId: doc.id,
        caseId: c.id,
        channel: 'SMS_LINK',
        tokenHash: hash(token),
        expiresAt: new Date(now.getTime() + LINK_TTL_MS),
        usedAt: null,
        smsId: sms.id,
        recipient: maskPhone(c.consumerPhone),
        createdById: actor.kind === 'USER' ? actor.id : null,
        createdAt: now,
      });
      await m.insert(DocumentDeliveryEntity, row);
      return row;
    });
  }

  /**
   * A one-time link for the public progress page (#16): made after the consumer's case number and code
   * were checked, scoped to this one document, valid for WEB_LINK_TTL_MS and spent by the first download
   * (redeemed like the SMS link); recorded as a WEB_LINK delivery.
   */
  async webLink(doc: CaseDocumentEntity): Promise<{ url: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + WEB_LINK_TTL_MS);
    await this.ds.manager.insert(DocumentDeliveryEntity, {
      documentId: doc.id,
      caseId: doc.caseId,
      channel: 'WEB_LINK',
      tokenHash: hash(token),
      expiresAt,
      usedAt: null,
      smsId: null,
      recipient: '网上查询',
      createdById: null,
      createdAt: now,
    });
    return { url: documentLinkPath(token), expiresAt };
  }

  /** Spends the token (exactly one concurrent download wins) and opens the document's original. */
  async redeem(
    token: string,
  ): Promise<{ doc: CaseDocumentEntity; bytes: Buffer; fileName: string; contentType: string }> {
    const gone = new AppError(ErrorCode.NOT_FOUND, '下载链接无效、已使用或已过期', 'token');
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw gone;
    const now = this.clock.now();
    const res = await this.ds.query(
      'UPDATE document_delivery SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?',
      [now, hash(token), now],
    );
    if (Number((res as { affectedRows?: number }).affectedRows ?? 0) !== 1) throw gone;
    const delivery = await this.ds.manager.findOneByOrFail(DocumentDeliveryEntity, { tokenHash: hash(token) });
    const doc = await this.ds.manager.findOneByOrFail(CaseDocumentEntity, { id: delivery.documentId });
    const file = await this.files.ensure(doc, 'FULL');
    return { doc, bytes: await this.files.bytes(file), fileName: file.fileName, contentType: file.contentType };
  }
}
