import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Permission } from '@weiquan/shared';
import { type Actor, ErrorCode } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { EvidenceErrorFilter } from './evidence-error.filter';
import { EvidenceModel, toEvidenceModel } from './evidence.model';
import { EvidenceService, type UploadedEvidenceFile } from './evidence.service';

/**
 * Evidence files over REST (multipart in, bytes out); their metadata is also in GraphQL
 * (`caseEvidence`). Same credentials as GraphQL: `Authorization: Bearer …` or `ApiKey …`.
 * Errors answer `{ code, message, field }` with the matching HTTP status.
 */
@Controller('api')
@UseFilters(EvidenceErrorFilter)
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  /** multipart/form-data: `file` (one file) and optional `description`. 201 with the Evidence. */
  @Post('cases/:caseId/evidence')
  @Allow(Permission.CASE_HANDLE)
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(FileInterceptor('file')) // limits: EvidenceModule's MulterModule options
  async upload(
    @CurrentActor() actor: Actor,
    @Param('caseId') caseId: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
    @Body('description') description?: unknown,
  ): Promise<EvidenceModel> {
    return toEvidenceModel(await this.evidence.upload(actor, caseId, file, description));
  }

  /** The file as an attachment, with its recorded SHA-256 in X-Content-SHA256. */
  @Get('evidence/:id/download')
  @Allow(Permission.CASE_READ)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { evidence, stream } = await this.evidence.openDownload(actor, id);
    res.setHeader('X-Content-SHA256', evidence.sha256);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(stream, {
      type: evidence.contentType,
      length: evidence.sizeBytes,
      disposition: attachmentDisposition(evidence.fileName),
    }).setErrorHandler(() => onStreamError(res));
  }
}

// The stored bytes failed (unreadable, or not matching the checksum): before any byte went out,
// answer a plain 500; after, cut the connection so the client cannot take the file as complete.
function onStreamError(res: Response): void {
  if (res.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const h of ['Content-Disposition', 'Content-Length', 'X-Content-SHA256']) res.removeHeader(h);
  res
    .status(HttpStatus.INTERNAL_SERVER_ERROR)
    .json({ code: ErrorCode.INTERNAL, message: '证据文件读取或校验失败，请联系管理员' });
}
