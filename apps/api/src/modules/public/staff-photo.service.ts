import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AppError,
  AuditWriter,
  Clock,
  EvidenceStorage,
  PublicStaffCardEntity,
  withTransaction,
} from '@weiquan/core';
import { matchesSignature, resolveContentType, SNIFF_BYTES } from '../evidence/evidence-file.policy';
import { EvidenceErrorCode, formatBytes } from '../evidence/evidence.exception';
import type { UploadedEvidenceFile } from '../evidence/evidence.service';
import { PublicBoardService } from './public-board.service';
import { PublicInfoService } from './public-info.service';

/** A staff photo: JPEG or PNG only, checked by its bytes like evidence, at most 2 MB. */
export const STAFF_PHOTO_TYPES: ReadonlySet<string> = new Set(['image/jpeg', 'image/png']);
export const STAFF_PHOTO_MAX_BYTES = 2 * 1024 * 1024;

/**
 * The optional photo on a staff card (人员状态公示栏), scoped like the card (a county: its subtree; any
 * other card answers NOT_FOUND). The bytes are checked before anything is written, stored under a
 * server-built key, and the card points at them in one audited transaction that bumps its version; the
 * previous photo is removed after the commit. The public cache is dropped so the site shows the change.
 */
@Injectable()
export class StaffPhotoService {
  private readonly logger = new Logger('StaffPhoto');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly storage: EvidenceStorage,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly board: PublicBoardService,
    private readonly info: PublicInfoService,
  ) {}

  async setPhoto(actor: Actor, rawId: string, file: UploadedEvidenceFile | undefined): Promise<PublicStaffCardEntity> {
    if (!file || file.size === 0) throw new AppError(EvidenceErrorCode.FILE_EMPTY, '请选择照片文件', 'file');
    if (file.size > STAFF_PHOTO_MAX_BYTES)
      throw new AppError(
        EvidenceErrorCode.FILE_TOO_LARGE,
        `照片超过 ${formatBytes(STAFF_PHOTO_MAX_BYTES)} 的大小上限`,
        'file',
      );
    const type = resolveContentType(file.mimetype, file.originalname, STAFF_PHOTO_TYPES);
    if (!type || !matchesSignature(type, file.buffer.subarray(0, SNIFF_BYTES)))
      throw new AppError(EvidenceErrorCode.FILE_TYPE_NOT_ALLOWED, '照片只能是 JPG 或 PNG 图片', 'file');
    // Scope first: nothing is stored for a card the actor may not see.
    const card = await withTransaction(this.ds, (m) => this.board.cardIn(m, actor, rawId, 'id'));
    const key = `staff-photos/${card.id}/${randomUUID()}`;
    await this.storage.put(key, file.buffer);
    let previous: string | null = null;
    try {
      await withTransaction(this.ds, async (m) => {
        const locked = await this.board.cardIn(m, actor, rawId, 'id');
        previous = locked.photoKey;
        await this.write(m.createQueryBuilder(), locked.id, actor, {
          photoKey: key,
          photoType: type,
          photoRef: randomBytes(8).toString('hex'),
        });
        await this.audit.record(
          m,
          actor,
          'publicBoard.photo',
          { type: 'org_unit', id: locked.unitId },
          { cardId: locked.id, name: locked.name, sizeBytes: file.size, contentType: type },
        );
      });
    } catch (e) {
      await this.storage.delete(key);
      throw e;
    }
    await this.drop(previous);
    return this.ds.getRepository(PublicStaffCardEntity).findOneByOrFail({ id: card.id });
  }

  async removePhoto(actor: Actor, rawId: string): Promise<PublicStaffCardEntity> {
    let previous: string | null = null;
    const id = await withTransaction(this.ds, async (m) => {
      const card = await this.board.cardIn(m, actor, rawId, 'id');
      if (!card.photoKey) throw AppError.conflict('该人员没有照片', 'id');
      previous = card.photoKey;
      await this.write(m.createQueryBuilder(), card.id, actor, { photoKey: null, photoType: null, photoRef: null });
      await this.audit.record(
        m,
        actor,
        'publicBoard.photoRemove',
        { type: 'org_unit', id: card.unitId },
        { cardId: card.id, name: card.name },
      );
      return card.id;
    });
    await this.drop(previous);
    return this.ds.getRepository(PublicStaffCardEntity).findOneByOrFail({ id });
  }

  /** The photo the public site shows, by its ref; an unknown or replaced ref is NOT_FOUND. */
  async open(ref: string): Promise<{ contentType: string; body: Readable }> {
    const card = /^[0-9a-f]{16}$/.test(ref)
      ? await this.ds.getRepository(PublicStaffCardEntity).findOneBy({ photoRef: ref })
      : null;
    if (!card?.photoKey || !card.photoType) throw AppError.notFound('照片', 'ref');
    return { contentType: card.photoType, body: await this.storage.get(card.photoKey) };
  }

  private async write(
    qb: ReturnType<DataSource['createQueryBuilder']>,
    id: number,
    actor: Actor,
    photo: Pick<PublicStaffCardEntity, 'photoKey' | 'photoType' | 'photoRef'>,
  ): Promise<void> {
    await qb
      .update(PublicStaffCardEntity)
      .set({ ...photo, version: () => 'version + 1', updatedById: actor.id, updatedAt: this.clock.now() })
      .where('id = :id', { id })
      .execute();
  }

  /** After the commit: the replaced bytes go (a failure leaves an orphan file, logged, never a broken card). */
  private async drop(key: string | null): Promise<void> {
    this.info.forget();
    if (!key) return;
    await this.storage.delete(key).catch((e: unknown) => this.logger.warn(`orphan photo ${key}: ${String(e)}`));
  }
}
