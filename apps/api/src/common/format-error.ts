import { HttpException, Logger } from '@nestjs/common';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '@weiquan/core';
import { armorRefusal } from './graphql-limits';

const logger = new Logger('GraphQL');

// Maps every error to { message, extensions: { code, field? } }. Internal errors never leak details.
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = (error as { originalError?: unknown })?.originalError ?? error;
  const path = formatted.path;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original.details ? { details: original.details } : {}),
      },
    };
  }
  if (original instanceof HttpException) {
    const status = original.getStatus();
    const code =
      status === 401
        ? ErrorCode.UNAUTHENTICATED
        : status === 403
          ? ErrorCode.FORBIDDEN
          : status === 404
            ? ErrorCode.NOT_FOUND
            : ErrorCode.BAD_USER_INPUT;
    return { message: original.message, path, extensions: { code } };
  }
  // A variable that does not coerce to its type (a string for a Boolean, an impossible date): Apollo
  // reports it as an internal error when the scalar threw; it is the caller's input, named by field.
  if (/^Variable "\$\w+" got invalid value/.test(formatted.message)) {
    const field = fieldOf(formatted.message);
    const reason = original instanceof Error && original !== error ? original.message : formatted.message;
    return {
      message: `输入格式不正确：${reason}`,
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
    };
  }
  const refused = armorRefusal(formatted.message);
  if (refused) return { message: refused.message, extensions: { code: refused.code } };
  const code = formatted.extensions?.code as string | undefined;
  if (code && code !== 'INTERNAL_SERVER_ERROR') {
    // GraphQL validation/coercion errors: name the offending field when the message carries it.
    const field = fieldOf(formatted.message);
    return {
      message: formatted.message,
      path,
      extensions: {
        code: code === 'GRAPHQL_VALIDATION_FAILED' ? ErrorCode.BAD_USER_INPUT : code,
        ...(field ? { field } : {}),
      },
    };
  }
  // Unexpected: log it whole (with the request's pino context), answer without details.
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return { message: '服务器内部错误', path, extensions: { code: ErrorCode.INTERNAL } };
}

/**
 * Names the offending input from graphql-js coercion messages, e.g.
 * 'Variable "$input" got invalid value … at "input.consumer"; Field "phone" …' → 'input.consumer.phone'.
 */
export function fieldOf(message: string): string | undefined {
  const variable = /Variable "\$(\w+)"/.exec(message)?.[1];
  const at = /at "([^"]+)"/.exec(message)?.[1];
  const inner = /Field "(\w+)"/.exec(message)?.[1];
  const path = at ?? variable;
  if (path) return inner && !/is not defined by type/.test(message) ? `${path}.${inner}` : path;
  return /argument "(\w+)"/i.exec(message)?.[1];
}
