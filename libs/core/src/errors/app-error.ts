/**
 * Stable error codes seen by clients in `extensions.code`. Messages are zh-CN for the console.
 * Each module adds its own codes here in its own block.
 */
export const ErrorCode = {
  // common
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  FORBIDDEN: 'FORBIDDEN',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  CONFLICT: 'CONFLICT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  INTERNAL: 'INTERNAL_SERVER_ERROR',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  // auth
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  ACCOUNT_LOCKED: 'ACCOUNT_LOCKED',
  ACCOUNT_DISABLED: 'ACCOUNT_DISABLED',
  REFRESH_TOKEN_INVALID: 'REFRESH_TOKEN_INVALID',
  REFRESH_TOKEN_REUSED: 'REFRESH_TOKEN_REUSED',
  // users
  USERNAME_TAKEN: 'USERNAME_TAKEN',
  // api clients (other government systems)
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  // calendar
  CALENDAR_OVERRIDE_EXISTS: 'CALENDAR_OVERRIDE_EXISTS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what = '记录', field?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, `${what}不存在`, field);
  }
  static forbidden(message = '无权执行此操作'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }
  static badInput(field: string, message: string): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, field);
  }
  static conflict(message = '数据已被他人修改，请刷新后重试', field?: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message, field);
  }
}
