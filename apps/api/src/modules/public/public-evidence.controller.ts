import {
  ArgumentsHost,
  Body,
  Catch,
  Controller,
  ExceptionFilter,
  HttpCode,
  HttpException,
  HttpStatus,
  Injectable,
  Post,
  Req,
  UploadedFile,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { AppConfig } from '@weiquan/core';
import { Public } from '../../common/permission.decorator';
import { EvidenceErrorFilter } from '../evidence/evidence-error.filter';
import { EvidenceErrorCode, formatBytes } from '../evidence/evidence.exception';
import type { UploadedEvidenceFile } from '../evidence/evidence.service';
import { PublicEvidenceService } from './public-evidence.service';

/** 413 stated with the public limit; everything else answered as the staff evidence routes answer it. */
@Catch()
@Injectable()
export class PublicEvidenceErrorFilter implements ExceptionFilter {
  private readonly evidence: EvidenceErrorFilter;
  constructor(private readonly config: AppConfig) {
    this.evidence = new EvidenceErrorFilter(config);
  }
  catch(e: unknown, host: ArgumentsHost): void {
    if (e instanceof HttpException && e.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
      host
        .switchToHttp()
        .getResponse<Response>()
        .status(HttpStatus.PAYLOAD_TOO_LARGE)
        .json({
          code: EvidenceErrorCode.FILE_TOO_LARGE,
          message: `文件超过 ${formatBytes(this.config.PUBLIC_EVIDENCE_MAX_BYTES)} 的大小上限`,
          field: 'file',
        });
      return;
    }
    this.evidence.catch(e, host);
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
