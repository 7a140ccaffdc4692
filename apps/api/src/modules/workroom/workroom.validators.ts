import { registerDecorator } from 'class-validator';
import { isIsoDate } from '@weiquan/shared';

// Validation shared by the workroom inputs (法律服务, 维权服务, 诉调对接); messages in zh-CN.

/** Not empty and not only whitespace. */
export const NOT_BLANK = /\S/;

export const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD，且须为真实日期';

/** A real calendar date 'YYYY-MM-DD' between 2000 and 2100. */
export function IsDay() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isDay',
      target: target.constructor,
      propertyName,
      options: { message: DATE_MESSAGE },
      validator: { validate: (v: unknown) => isIsoDate(v) && v >= '2000-01-01' && v <= '2100-12-31' },
    });
}

/** Trimmed, blank entries and repeats dropped, order kept. */
export function cleanList(list: readonly string[] | null | undefined): string[] {
  return [...new Set((list ?? []).map((s) => s.trim()).filter(Boolean))];
}
