import { ArgumentsHost, Catch, Logger } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { AppError, ErrorCode, isOutage } from '@weiquan/core';
import { AppErrorFilter } from './app-error.filter';

export const serviceUnavailable = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, '服务暂时不可用，请稍后重试');

/**
 * REST routes (/api/…, /health): the database or Redis unreachable for the moment answers 503
 * `{ code: 'SERVICE_UNAVAILABLE', message }` — retriable — instead of Nest's bare 500 (#12 item 19).
 * Every other error is answered as before: AppErrors by AppErrorFilter, the rest by Nest's own filter.
 * GraphQL errors pass through untouched (formatGraphQLError maps outages there).
 */
@Catch()
export class OutageFilter extends BaseExceptionFilter {
  private readonly logger = new Logger('Outage');
  private readonly appErrors = new AppErrorFilter();

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'http') throw exception;
    if (exception instanceof AppError) return this.appErrors.catch(exception, host);
    if (isOutage(exception)) {
      this.logger.warn(
        `service unavailable: ${exception instanceof Error ? exception.message : JSON.stringify(exception)}`,
      );
      return this.appErrors.catch(serviceUnavailable(), host);
    }
    return super.catch(exception, host);
  }
}
