import {
  Catch,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Injectable,
  Param,
  Post,
  Res,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor, Public } from '../../common/permission.decorator';
import { EvidenceErrorFilter } from '../evidence/evidence-error.filter';
import { formatBytes } from '../evidence/evidence.exception';
import type { UploadedEvidenceFile } from '../evidence/evidence.service';
import { staffPhotoUrl } from './staff-photo-url';
import { STAFF_PHOTO_MAX_BYTES, StaffPhotoService } from './staff-photo.service';

/** The evidence routes' answers, with the photo limit. */
@Catch()
@Injectable()
export class StaffPhotoErrorFilter extends EvidenceErrorFilter {
  protected override tooLargeMessage(): string {
    return `照片超过 ${formatBytes(STAFF_PHOTO_MAX_BYTES)} 的大小上限`;
  }
}

/**
 * Staff photos of the 人员状态公示栏: uploaded and removed in the console (multipart `file`, scoped like
 * the card), read by anyone through the photo's random ref (it changes with each upload, so it may be cached).
 */
@Controller('api')
@UseFilters(StaffPhotoErrorFilter)
export class StaffPhotoController {
  constructor(private readonly photos: StaffPhotoService) {}

  @Post('staff-cards/:id/photo')
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  @HttpCode(HttpStatus.CREATED)
  // One file; multer stops reading at the limit (+1 byte so the service, not multer, words the refusal).
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: STAFF_PHOTO_MAX_BYTES + 1, files: 1, fields: 0 } }))
  async upload(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
  ): Promise<{ photoUrl: string | null; version: number }> {
    const card = await this.photos.setPhoto(actor, id, file);
    return { photoUrl: staffPhotoUrl(card.photoRef), version: card.version };
  }

  @Delete('staff-cards/:id/photo')
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  async remove(@CurrentActor() actor: Actor, @Param('id') id: string): Promise<{ version: number }> {
    return { version: (await this.photos.removePhoto(actor, id)).version };
  }

  @Get('public/staff-photos/:ref')
  @Public()
  async photo(@Param('ref') ref: string, @Res() res: Response): Promise<void> {
    const { contentType, body } = await this.photos.open(String(ref));
    res.set({
      'Content-Type': contentType,
      'Cache-Control': 'public, max-age=86400, immutable',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
    });
    body.pipe(res);
  }
}
