import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Permission, isOneOf, DocumentVariant } from '@weiquan/shared';
import { type Actor, AppError } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor, Public } from '../../common/permission.decorator';
import { DocumentDelivery } from './document-delivery.service';
import { DocumentFiles } from './document-files.service';
import { DocumentRegistry } from './document-registry.service';

/**
 * Document files over REST. `variant`: FULL (default for roles that may unmask), MASKED, DOCX. A role
 * without case.unmask always gets the masked copy; the hash of what was sent is in X-Content-SHA256.
 */
@Controller('api/documents')
export class DocumentController {
  constructor(
    private readonly registry: DocumentRegistry,
    private readonly files: DocumentFiles,
    private readonly delivery: DocumentDelivery,
  ) {}

  @Get(':id/download')
  @Allow(Permission.CASE_READ)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Query('variant') variant: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    if (variant != null && !isOneOf(DocumentVariant, variant)) throw AppError.badInput('variant', '文件类型不正确');
    const doc = await this.registry.visibleDocument(actor, id);
    const mayUnmask = actor.permissions.has(Permission.CASE_UNMASK);
    const wanted: DocumentVariant = variant ?? (mayUnmask ? 'FULL' : 'MASKED');
    // Full personal data (the original, the Word copy) only for roles that may unmask.
    const chosen: DocumentVariant = mayUnmask ? wanted : 'MASKED';
    const file = await this.files.ensure(doc, chosen);
    const bytes = await this.files.bytes(file);
    return this.send(res, bytes, file.fileName, file.contentType, file.sha256);
  }

  /** The one-time link sent by SMS: no sign-in, the token is the credential. */
  @Get('link/:token')
  @Public()
  async link(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { bytes, fileName, contentType } = await this.delivery.redeem(token);
    return this.send(res, bytes, fileName, contentType);
  }

  private send(res: Response, bytes: Buffer, fileName: string, type: string, sha?: string) {
    if (sha) res.setHeader('X-Content-SHA256', sha);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes, { type, length: bytes.length, disposition: attachmentDisposition(fileName) });
  }
}
