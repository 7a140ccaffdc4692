import { AppError } from '@weiquan/core';

/** Parses a GraphQL ID into a positive integer; a malformed id is a BAD_USER_INPUT on that field. */
export function parseId(value: string | number, field: string): number {
  const n = typeof value === 'number' ? value : /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw AppError.badInput(field, '编号格式不正确');
  return n;
}
