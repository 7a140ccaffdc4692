import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomUUID } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DataSource } from 'typeorm';
import {
  AuditWriter,
  Actor,
  AppConfig,
  AppError,
  CaseAccess,
  CaseEntity,
  CaseEventWriter,
  CaseEvidenceEntity,
  Clock,
  ErrorCode,
  EvidenceStorage,
  StorageObjectNotFoundError,
} from '@weiquan/core';
import { cleanFileName, matchesSignature, resolveContentType, SNIFF_BYTES } from './evidence-file.policy';
import { EvidenceErrorCode, formatBytes } from './evidence.exception';

/** The part of a multer file the service needs (memory storage: the bytes are in `buffer`). */
export interface UploadedEvidenceFile {
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}

export interface EvidenceDownload {
  evidence: CaseEvidenceEntity;
  /** The stored bytes; errors (and cuts the response) at the end when they no longer match the recorded SHA-256. */
  stream: Readable;
}

export const EVIDENCE_EVENT = 'uploadEvidence';
const DESCRIPTION_MAX = 200;

/**
 * Evidence files of a case. Every access goes through CaseAccess.getVisible: an evidence id of a
 * case outside the actor's scope answers exactly like an id that does not exist.
 */
@Injectable()
export class EvidenceService {
  private readonly logger = new Logger(EvidenceService.name);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccess,
    private readonly events: CaseEventWriter,
    private readonly storage: EvidenceStorage,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly audit: AuditWriter,
  ) {}

  async listForCase(actor: Actor, caseId: string): Promise<CaseEvidenceEntity[]> {
    const c = await this.access.getVisible(actor, caseId, { field: 'caseId' });
    return this.ds.manager.find(CaseEvidenceEntity, {
      where: { caseId: c.id },
      order: { uploadedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Checks the file (not empty, within the size limit, an allowed type whose bytes fit it), stores
   * the bytes, then records the row and the timeline entry in one transaction. The stored bytes
   * are removed again when that transaction fails, so a refused upload leaves nothing behind.
   */
  async upload(
    actor: Actor,
    caseId: string,
    file: UploadedEvidenceFile | undefined,
    rawDescription?: unknown,
  ): Promise<CaseEvidenceEntity> {
    // Scope first: for a case outside the scope nothing about the file is said.
    const c = await this.access.getVisible(actor, caseId, { field: 'caseId' });
    assertOpen(c);
    const { fileName, contentType, bytes } = this.check(file);
    const description = parseDescription(rawDescription);
    const key = `cases/${c.id}/${randomUUID()}`;
    const stored = await this.storage.put(key, bytes);
    try {
      return await this.ds.transaction(async (m) => {
        // Lock the case as the lifecycle does, so an upload cannot slip past a concurrent archive.
        const locked = await this.access.getVisible(actor, caseId, { m, lock: true, field: 'caseId' });
        assertOpen(locked);
        const row = m.create(CaseEvidenceEntity, {
          caseId: locked.id,
          fileName,
          contentType,
          sizeBytes: stored.size,
          sha256: stored.sha256,
          storageKey: key,
          description,
          uploadedById: actor.kind === 'USER' ? actor.id : null,
          uploadedAt: this.clock.now(),
        });
        row.id = String((await m.insert(CaseEvidenceEntity, row)).identifiers[0].id);
        await this.events.append(m, actor, {
          caseId: locked.id,
          action: EVIDENCE_EVENT,
          fromState: locked.state,
          toState: locked.state,
          note: description,
          detail: { evidenceId: String(row.id), fileName, contentType, sizeBytes: stored.size, sha256: stored.sha256 },
        });
        return row;
      });
    } catch (e) {
      await this.storage
        .delete(key)
        .catch((err: unknown) => this.logger.error(`could not remove ${key} after a failed upload: ${String(err)}`));
      throw e;
    }
  }

  /** The evidence row, if its case is visible to the actor; otherwise NOT_FOUND like a missing id. */
  async getVisible(actor: Actor, rawId: string): Promise<CaseEvidenceEntity> {
    const notFound = () => AppError.notFound('证据', 'id');
    const evidence = /^\d{1,19}$/.test(rawId)
      ? await this.ds.manager.findOneBy(CaseEvidenceEntity, { id: rawId })
      : null;
    if (!evidence) throw notFound();
    await this.access.getVisible(actor, evidence.caseId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === ErrorCode.NOT_FOUND ? notFound() : e;
    });
    return evidence;
  }

  async openDownload(actor: Actor, rawId: string): Promise<EvidenceDownload> {
    const evidence = await this.getVisible(actor, rawId);
    const source = await this.storage.get(evidence.storageKey).catch((e: unknown) => {
      if (!(e instanceof StorageObjectNotFoundError)) throw e;
      this.logger.error(`evidence ${evidence.id}: stored object ${evidence.storageKey} is missing`);
      throw new AppError(ErrorCode.INTERNAL, '证据文件缺失，请联系管理员');
    });
    // Who opened which file of which case, and when: evidence carries consumers' documents.
    await this.audit.record(
      this.ds.manager,
      actor,
      'evidence.download',
      { type: 'case_evidence', id: evidence.id },
      {
        caseId: evidence.caseId,
        fileName: evidence.fileName,
      },
    );
    const stream = verifySha256(evidence, (msg) => this.logger.error(msg));
    pipeline(source, stream).catch(() => undefined); // errors surface on `stream`
    return { evidence, stream };
  }

  private check(file: UploadedEvidenceFile | undefined): { fileName: string; contentType: string; bytes: Buffer } {
    if (!file || !Buffer.isBuffer(file.buffer)) throw AppError.badInput('file', '请选择要上传的文件');
    if (file.size === 0 || file.buffer.length === 0)
      throw new AppError(EvidenceErrorCode.FILE_EMPTY, '文件是空的', 'file');
    const max = this.config.EVIDENCE_MAX_BYTES;
    if (file.buffer.length > max)
      throw new AppError(EvidenceErrorCode.FILE_TOO_LARGE, `文件超过 ${formatBytes(max)} 的大小上限`, 'file');
    const fileName = cleanFileName(file.originalname);
    const contentType = resolveContentType(file.mimetype, fileName, this.config.evidenceAllowedTypes);
    if (!contentType)
      throw new AppError(
        EvidenceErrorCode.FILE_TYPE_NOT_ALLOWED,
        `不支持的文件类型（${file.mimetype || '未知'}）`,
        'file',
      );
    if (!matchesSignature(contentType, file.buffer.subarray(0, SNIFF_BYTES))) {
      throw new AppError(EvidenceErrorCode.FILE_TYPE_NOT_ALLOWED, '文件内容与文件类型不符', 'file');
    }
    return { fileName, contentType, bytes: file.buffer };
  }
}

function assertOpen(c: CaseEntity): void {
  if (c.state === 'ARCHIVED') throw new AppError(ErrorCode.CONFLICT, '案件已归档，不能再添加证据', 'caseId');
}

function parseDescription(raw: unknown): string | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') throw AppError.badInput('description', '说明只能填写一项');
  const text = raw.trim();
  if (Array.from(text).length > DESCRIPTION_MAX)
    throw AppError.badInput('description', `说明最多 ${DESCRIPTION_MAX} 个字`);
  return text || null;
}

// Passes the bytes through but holds back the last chunk until the SHA-256 and length are
// checked: on a mismatch the stream fails before the response has its declared Content-Length,
// so the client sees a broken transfer instead of a complete file that is not the evidence.
function verifySha256(e: CaseEvidenceEntity, log: (msg: string) => void): Transform {
  const hash = createHash('sha256');
  let size = 0;
  let held: Buffer | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      const previous = held;
      held = chunk;
      done(null, previous ?? undefined);
    },
    flush(done) {
      const actual = hash.digest('hex');
      if (actual === e.sha256 && size === e.sizeBytes) return done(null, held ?? undefined);
      log(
        `evidence ${e.id}: stored bytes do not match the record (sha256 ${actual}, ${size} bytes; expected ${e.sha256}, ${e.sizeBytes})`,
      );
      done(new Error(`evidence ${e.id} failed its checksum`));
    },
  });
}
