import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseEvidenceEntity } from '@weiquan/core';

@ObjectType('Evidence', { description: '证据材料（文件本身经 downloadUrl 下载）' })
export class EvidenceModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field(() => Int) sizeBytes: number;
  @Field({ description: '文件内容的 SHA-256（十六进制），下载时在 X-Content-SHA256 头中给出' }) sha256: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field() uploadedAt: Date;
  @Field({ description: '下载地址（相对于 API 根地址，需带同样的 Authorization 头）' }) downloadUrl: string;
}

export const evidenceDownloadPath = (id: string) => `/api/evidence/${id}/download`;

export function toEvidenceModel(e: CaseEvidenceEntity): EvidenceModel {
  return {
    id: String(e.id),
    caseId: String(e.caseId),
    fileName: e.fileName,
    contentType: e.contentType,
    sizeBytes: e.sizeBytes,
    sha256: e.sha256,
    description: e.description,
    uploadedAt: e.uploadedAt,
    downloadUrl: evidenceDownloadPath(String(e.id)),
  };
}
