import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AppError, CaseEvidenceEntity, ErrorCode } from '@weiquan/core';
import { EvidenceErrorCode } from '../evidence/evidence.exception';
import { EvidenceService, type UploadedEvidenceFile } from '../evidence/evidence.service';
import { publicActor } from './public-actor';
import { PublicLookupService } from './public-lookup.service';

/** Most files a consumer adds online; more go through the handling unit. */
export const PUBLIC_EVIDENCE_MAX_FILES = 3;
/** Photos and PDFs only (receipts, contracts, photos of the goods): the smaller set of the staff's types. */
export const PUBLIC_EVIDENCE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']);

@Injectable()
export class PublicEvidenceService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly lookups: PublicLookupService,
    private readonly evidence: EvidenceService,
  ) {}

  async upload(
    address: string,
    caseNo: string,
    queryCode: string,
    file: UploadedEvidenceFile | undefined,
  ): Promise<{ fileName: string; sizeBytes: number }> {
    const c = await this.lookups.verify(address, { caseNo, queryCode });
    if (file && !PUBLIC_EVIDENCE_TYPES.has(file.mimetype.toLowerCase()))
      throw new AppError(EvidenceErrorCode.FILE_TYPE_NOT_ALLOWED, '只能上传照片（JPG、PNG、WebP）或 PDF 文件', 'file');
    // Uploads by the public site have no uploading user; staff uploads always have one.
    const already = await this.ds.getRepository(CaseEvidenceEntity).countBy({ caseId: c.id, uploadedById: IsNull() });
    if (already >= PUBLIC_EVIDENCE_MAX_FILES)
      throw new AppError(
        ErrorCode.CONFLICT,
        `网上最多上传 ${PUBLIC_EVIDENCE_MAX_FILES} 个文件，更多材料请交承办单位`,
        'file',
      );
    const row = await this.evidence.upload(
      publicActor({ id: c.ownerUnitId, path: c.ownerPath }, 'submitting'),
      c.id,
      file,
      '消费者网上提交',
    );
    return { fileName: row.fileName, sizeBytes: row.sizeBytes };
  }
}
