import {
  Body,
  Catch,
  Controller,
  HttpCode,
  HttpStatus,
  Injectable,
  Post,
  Req,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import { Public } from '../../common/permission.decorator';
import { EvidenceErrorFilter } from '../evidence/evidence-error.filter';
import { formatBytes } from '../evidence/evidence.exception';
import type { UploadedEvidenceFile } from '../evidence/evidence.service';
import { PublicEvidenceService } from './public-evidence.service';

/** The staff evidence routes' answers, with the public upload limit. */
@Catch()
@Injectable()
export class PublicEvidenceErrorFilter extends EvidenceErrorFilter {
  protected override tooLargeMessage(): string {
    return `文件超过 ${formatBytes(this.config.PUBLIC_EVIDENCE_MAX_BYTES)} 的大小上限`;
  }
}

/**
 * Evidence from the public site: multipart `caseNo`, `queryCode` (before the file) and one `file`.
 * The number and code are checked (and throttled) as a lookup; then the staff upload checks apply.
 */
@Controller('api/public')
@UseFilters(PublicEvidenceErrorFilter)
export class PublicEvidenceController {
  constructor(private readonly evidence: PublicEvidenceService) {}

  @Post('evidence')
  @Public()
  @HttpCode(HttpStatus.CREATED)
  @UseInterceptors(FileInterceptor('file')) // limits: PublicModule's MulterModule options
  async upload(
    @Req() req: Request,
    @Body('caseNo') caseNo: unknown,
    @Body('queryCode') queryCode: unknown,
    @UploadedFile() file: UploadedEvidenceFile | undefined,
  ): Promise<{ fileName: string; sizeBytes: number }> {
    return this.evidence.upload(req.ip ?? '', String(caseNo ?? ''), String(queryCode ?? ''), file);
  }
}
