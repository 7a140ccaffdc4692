import { Controller, Get, Param, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { attachmentDisposition } from '../../common/content-disposition';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { LitigationSupportService } from './litigation-support.service';

/**
 * The litigation document over REST (its `downloadUrl` is in GraphQL). Same credentials as GraphQL.
 * CASE_HANDLE, not CASE_READ: the document carries the consumer's full details, and each download
 * is recorded on the case timeline. Errors answer `{ code, message, field }` with the HTTP status.
 */
@Controller('api/legal')
export class LegalController {
  constructor(private readonly litigation: LitigationSupportService) {}

  /** 民事起诉状 drafted from the case's current data, as an attachment. */
  @Get('litigation/:id/document')
  @Allow(Permission.CASE_HANDLE)
  async litigationDocument(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const doc = await this.litigation.generateDocument(actor, id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(doc.bytes, {
      type: doc.contentType,
      length: doc.bytes.length,
      disposition: attachmentDisposition(doc.fileName),
    });
  }
}
