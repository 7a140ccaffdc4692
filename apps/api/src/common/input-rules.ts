import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ValidateBy, ValidationOptions } from 'class-validator';

/**
 * Input rules that hold for every input of the API, whatever the type (see InputValidationPipe and the
 * DateTime scalar below), plus decorators for what only some fields need (plausible date ranges).
 */

const DAY_MS = 86_400_000;
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

// ---- text -------------------------------------------------------------------------------------------

// Control characters other than tab and line breaks (NUL included): never typed, often an injection try.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string of any input is refused, or null: control characters, broken Unicode, only whitespace. */
export function textProblem(s: string): string | null {
  if (CONTROL.test(s)) return '不能包含控制字符（如 NUL）';
  if (LONE_SURROGATE.test(s)) return '含有无效的 Unicode 字符';
  if (s.length > 0 && s.trim() === '') return '不能只包含空白字符';
  return null;
}

/** The first refused string in a plain input value, with its path (e.g. 'input.consumer.name'). */
export function findTextProblem(value: unknown, path: string): { field: string; message: string } | null {
  if (typeof value === 'string') {
    const message = textProblem(value);
    return message ? { field: path, message } : null;
  }
  // An element of a list is reported on the list (the console shows errors beside the list's input).
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findTextProblem(item, path);
      if (found) return found;
    }
    return null;
  }
  // Plain objects only (GraphQL input objects have a null prototype): not a request or other context.
  if (value && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    for (const [k, v] of Object.entries(value)) {
      const found = findTextProblem(v, path ? `${path}.${k}` : k);
      if (found) return found;
    }
  }
  return null;
}

// ---- dates ------------------------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time, strictly: no bare numbers (epoch milliseconds are too easy to send by
 * mistake), no impossible calendar dates (2026-02-30 is not 2026-03-02), years 1900–2199. A date-time
 * without a zone is refused (it would be read in the server's zone); a bare date is midnight UTC.
 */
export function parseStrictDate(value: unknown): Date {
  if (typeof value !== 'string') throw new TypeError('日期须为 ISO 8601 字符串，如 2026-03-01T08:00:00+08:00');
  const m = ISO.exec(value.trim());
  if (!m) throw new TypeError(`日期格式不正确：${value.slice(0, 40)}`);
  const [, y, mo, d, h, mi, s, , zone] = m;
  if (h !== undefined && zone === undefined) throw new TypeError('时间须带时区，如 2026-03-01T08:00:00+08:00 或 …Z');
  const year = Number(y);
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) throw new TypeError(`年份须在 ${EARLIEST_YEAR}–${LATEST_YEAR} 之间`);
  const calendar = new Date(Date.UTC(year, Number(mo) - 1, Number(d)));
  if (calendar.getUTCMonth() !== Number(mo) - 1 || calendar.getUTCDate() !== Number(d))
    throw new TypeError(`日期不存在：${y}-${mo}-${d}`);
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59)))
    throw new TypeError('时间不正确');
  const date = new Date(h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : value.trim().replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) throw new TypeError(`日期格式不正确：${value.slice(0, 40)}`);
  return date;
}

/** Replaces Nest's DateTime scalar (which takes numbers and rolls 02-30 over to March); same name and SDL. */
export const StrictDateTime = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (v) => (v instanceof Date ? v.toISOString() : new Date(v as string).toISOString()),
  parseValue: (v) => asGraphQLError(() => parseStrictDate(v)),
  parseLiteral: (ast) =>
    asGraphQLError(() => parseStrictDate(ast.kind === Kind.STRING ? ast.value : (ast as { value?: unknown }).value)),
});

function asGraphQLError<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw new GraphQLError((e as Error).message);
  }
}

/** "Now" for the date rules: the application's Clock (set by InputValidationPipe), so tests move it. */
let now: () => Date = () => new Date();
export function setInputClock(fn: () => Date): void {
  now = fn;
}
/** How far back a complaint's receivedAt may lie (AppConfig.RECEIVED_AT_MAX_AGE_YEARS, set at boot). */
let receivedMaxAgeYears = 3;
export function setReceivedMaxAgeYears(years: number): void {
  receivedMaxAgeYears = years;
}

export interface DateRange {
  /** Days before now the date may lie; 'received' for the configured limit of a case's receipt. */
  pastDays?: number | 'received';
  /** Days after now the date may lie (0: not in the future; a minute of clock skew is allowed). */
  futureDays?: number;
}

const SKEW_MS = 60_000;

/** A date within [now − past, now + future]; the message names the allowed range in Chinese. */
export function PlausibleDate(range: DateRange, options?: ValidationOptions) {
  const bounds = () => {
    const t = now().getTime();
    const pastDays = range.pastDays === 'received' ? receivedMaxAgeYears * 366 : range.pastDays;
    return {
      min: pastDays === undefined ? -Infinity : t - pastDays * DAY_MS,
      max: range.futureDays === undefined ? Infinity : t + range.futureDays * DAY_MS + SKEW_MS,
    };
  };
  return ValidateBy(
    {
      name: 'plausibleDate',
      validator: {
        validate: (v: unknown) => {
          if (!(v instanceof Date) || Number.isNaN(v.getTime())) return false;
          const { min, max } = bounds();
          return v.getTime() >= min && v.getTime() <= max;
        },
        defaultMessage: (args) => {
          const v = args?.value;
          if (!(v instanceof Date)) return '日期格式不正确';
          const { min } = bounds();
          if (v.getTime() < min)
            return range.pastDays === 'received'
              ? `不能早于 ${receivedMaxAgeYears} 年前`
              : `不能早于 ${Math.round((range.pastDays as number) / 365)} 年前`;
          return range.futureDays ? `不能晚于 ${range.futureDays} 天后` : '不能晚于现在';
        },
      },
    },
    options,
  );
}
