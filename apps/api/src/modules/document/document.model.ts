import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { DocumentType, DocumentTypeLabel, DocumentVariant } from '@weiquan/shared';
import type { CaseDocumentEntity, CaseDocumentFileEntity } from '@weiquan/core';

registerEnumType(DocumentType, { name: 'DocumentType', description: '文书类型' });
registerEnumType(DocumentVariant, { name: 'DocumentVariant', description: '原件 / 脱敏件 / Word 可编辑稿' });

@ObjectType('DocumentFile', { description: '文书的一个文件（原件、脱敏件或 Word 稿）' })
export class DocumentFileModel {
  @Field(() => DocumentVariant) variant: DocumentVariant;
  @Field() fileName: string;
  @Field() contentType: string;
  @Field({ description: 'SHA-256（十六进制）' }) sha256: string;
  @Field(() => Int) sizeBytes: number;
  @Field(() => Int, { nullable: true }) pageCount: number | null;
}

@ObjectType('CaseDocument', {
  description: '文书或卷宗：编号、模板版本、签发人与时间；签发后不可修改，更正即签发新文书',
})
export class CaseDocumentModel {
  @Field(() => ID) id: string;
  @Field(() => ID) caseId: string;
  @Field(() => Int) round: number;
  @Field(() => DocumentType) type: DocumentType;
  @Field() typeLabel: string;
  @Field() title: string;
  @Field(() => String, { nullable: true, description: '文号，如 榕鼓市监诉受〔2026〕第17号；卷宗无文号' }) docNo:
    | string
    | null;
  @Field(() => ID) issuingUnitId: string;
  @Field() templateVersion: number;
  @Field(() => String, { nullable: true, description: '签发该文书的办理环节（按需签发为空）' }) issuedByAction:
    | string
    | null;
  @Field() issuedByName: string;
  @Field() issuedAt: Date;
  @Field(() => ID, { nullable: true }) supersedesId: string | null;
  @Field(() => ID, { nullable: true, description: '更正它的文书' }) supersededById: string | null;
  @Field(() => String, { nullable: true }) correctionReason: string | null;
  @Field(() => DocumentFileModel, { nullable: true, description: '原件（归档文件，含 SHA-256 与页数）' })
  file: DocumentFileModel | null;
  @Field({ description: '下载地址（相对 API 根地址，需带 Authorization 头；无脱敏权限者得到脱敏件）' })
  downloadUrl: string;
}

export const documentDownloadPath = (id: string) => `/api/documents/${id}/download`;

export function toDocumentModel(
  d: CaseDocumentEntity,
  file: CaseDocumentFileEntity | null,
  supersededById: string | null,
): CaseDocumentModel {
  return {
    id: String(d.id),
    caseId: String(d.caseId),
    round: d.round,
    type: d.docType as DocumentType,
    typeLabel: DocumentTypeLabel[d.docType as DocumentType] ?? d.title,
    title: d.title,
    docNo: d.docNo,
    issuingUnitId: String(d.issuingUnitId),
    templateVersion: d.templateVersion,
    issuedByAction: d.issuedByAction,
    issuedByName: d.issuedByName,
    issuedAt: d.issuedAt,
    supersedesId: d.supersedesId == null ? null : String(d.supersedesId),
    supersededById,
    correctionReason: d.correctionReason,
    file: file && {
      variant: file.variant,
      fileName: file.fileName,
      contentType: file.contentType,
      sha256: file.sha256,
      sizeBytes: file.sizeBytes,
      pageCount: file.pageCount,
    },
    downloadUrl: documentDownloadPath(String(d.id)),
  };
}

@ObjectType('DocumentUnitSetting', { description: '单位文书设置：发文机关标志、文号前缀与格式、印章名称' })
export class DocumentUnitSettingModel {
  @Field(() => ID) unitId: string;
  @Field() header: string;
  @Field() numberPrefix: string;
  @Field() numberFormat: string;
  @Field() sealName: string;
  @Field() redHead: boolean;
  @Field(() => String, { nullable: true }) phone: string | null;
}

@InputType()
export class IssueDocumentInput {
  @Field(() => ID) @IsString() @Matches(/^\d{1,19}$/, { message: '案件编号格式不正确' }) caseId: string;
  @Field(() => DocumentType) @IsEnum(DocumentType, { message: '文书类型不正确' }) type: DocumentType;
}

@InputType()
export class SupersedeDocumentInput {
  @Field(() => ID) @IsString() @Matches(/^\d{1,19}$/, { message: '文书编号格式不正确' }) documentId: string;
  @Field() @IsString() @MinLength(2, { message: '请填写更正理由' }) @MaxLength(500) reason: string;
}

@InputType()
export class SendDocumentLinkInput {
  @Field(() => ID) @IsString() @Matches(/^\d{1,19}$/, { message: '文书编号格式不正确' }) documentId: string;
}

@InputType()
export class SetDocumentUnitSettingInput {
  @Field(() => ID) @IsString() @Matches(/^\d{1,10}$/, { message: '单位编号格式不正确' }) unitId: string;
  @Field() @IsString() @MinLength(2, { message: '请填写发文机关标志' }) @MaxLength(100) header: string;
  @Field() @IsString() @MaxLength(40) numberPrefix: string;
  @Field() @IsString() @MinLength(6) @MaxLength(80) numberFormat: string;
  @Field() @IsString() @MinLength(2, { message: '请填写印章名称' }) @MaxLength(100) sealName: string;
  @Field() @IsBoolean() redHead: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(40) phone?: string | null;
}
