import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig, AppError, ErrorCode, isOutage } from '@weiquan/core';
import { AppErrorFilter } from '../../common/app-error.filter';
import { serviceUnavailable } from '../../common/outage.filter';
import { EVIDENCE_HTTP_STATUS, EvidenceErrorCode, formatBytes } from './evidence.exception';

const OWN_STATUS: Record<string, number> = {
  ...EVIDENCE_HTTP_STATUS,
  [ErrorCode.INTERNAL]: HttpStatus.INTERNAL_SERVER_ERROR,
};

/**
 * Errors of the evidence routes as `{ code, message, field? }`: the evidence codes with their own
 * statuses (413, 415), multer's errors restated in zh-CN on field `file`, unexpected errors as a
 * logged 500 without details, and every other AppError as the global AppErrorFilter answers it.
 */
@Catch()
@Injectable()
export class EvidenceErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Evidence');
  private readonly appErrors = new AppErrorFilter();

  constructor(protected readonly config: AppConfig) {}

  /** The refusal of a file over the route's limit (routes with another limit override it). */
  protected tooLargeMessage(): string {
    return `文件超过 ${formatBytes(this.config.EVIDENCE_MAX_BYTES)} 的大小上限`;
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      // Cut the connection: a client must not take a half-sent body as complete.
      this.logger.error(describe(exception));
      res.destroy();
      return;
    }
    const error = this.toAppError(exception);
    const status = OWN_STATUS[error.code];
    if (status === undefined) {
      this.appErrors.catch(error, host);
      return;
    }
    res
      .status(status)
      .json({ code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) });
  }

  private toAppError(e: unknown): AppError {
    if (e instanceof AppError) return e;
    if (e instanceof HttpException) {
      const status = e.getStatus();
      if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
        return new AppError(EvidenceErrorCode.FILE_TOO_LARGE, this.tooLargeMessage(), 'file');
      }
      // multer: an unexpected field, a second file, too many parts, a malformed body…
      if (status === HttpStatus.BAD_REQUEST) {
        return new AppError(
          ErrorCode.BAD_USER_INPUT,
          `上传格式不正确（${e.message}）：请以 multipart/form-data 的 file 字段上传一个文件`,
          'file',
        );
      }
      if (status === HttpStatus.NOT_FOUND) return AppError.notFound();
    }
    // The database or Redis is down for the moment: retriable, answered as 503 SERVICE_UNAVAILABLE (#12 item 19).
    if (isOutage(e)) {
      this.logger.warn(`service unavailable: ${describe(e)}`);
      return serviceUnavailable();
    }
    this.logger.error(describe(e));
    return new AppError(ErrorCode.INTERNAL, '服务器内部错误');
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}
