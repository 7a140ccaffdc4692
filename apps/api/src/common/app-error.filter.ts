import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { AppError } from '@weiquan/core';
import type { Response } from 'express';

const HTTP_STATUS: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ACCOUNT_LOCKED: 423,
  SERVICE_UNAVAILABLE: 503,
};

/**
 * Expected errors (AppError) are answers, not faults: GraphQL gets them back as-is (formatError
 * maps code/field), REST gets { code, message, field } with a matching status. Nothing is logged
 * as an error for them.
 */
@Catch(AppError)
export class AppErrorFilter implements ExceptionFilter {
  catch(e: AppError, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return e;
    const res = host.switchToHttp().getResponse<Response>();
    res
      .status(HTTP_STATUS[e.code] ?? 422)
      .json({ code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) });
    return undefined;
  }
}
