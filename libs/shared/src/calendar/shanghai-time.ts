// Asia/Shanghai is a fixed UTC+8 (no daylight saving since 1991), so no time-zone library is needed.
// Calendar dates are plain 'YYYY-MM-DD' strings (IsoDate): comparable as strings, JSON-safe,
// and free of the host machine's time zone.

/** A calendar date in Asia/Shanghai, 'YYYY-MM-DD'. */
export type IsoDate = string;

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `value` is a real calendar date written 'YYYY-MM-DD' (2025-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(t).toISOString().slice(0, 10) === value;
}

/** Throws a RangeError unless `value` is a valid 'YYYY-MM-DD' date. */
export function assertIsoDate(value: string): void {
  if (!isIsoDate(value)) throw new RangeError(`Not a valid YYYY-MM-DD date: ${value}`);
}

// Midnight UTC of the date: used only for date arithmetic, never as an instant. Deadline arithmetic
// asks for the same few thousand dates over and over (every registration walks the same weeks), so
// validated dates are remembered; the memo is dropped wholesale if it ever grows large.
const midnights = new Map<string, number>();
function utcMidnight(date: IsoDate): number {
  const known = midnights.get(date);
  if (known !== undefined) return known;
  assertIsoDate(date);
  const t = Date.parse(`${date}T00:00:00.000Z`);
  if (midnights.size >= 50_000) midnights.clear();
  midnights.set(date, t);
  return t;
}

/** The Asia/Shanghai calendar date of an instant. 2025-01-27T16:30Z is '2025-01-28' (00:30 in Shanghai). */
export function toShanghaiDate(instant: Date): IsoDate {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  return new Date(t + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * A date as Chinese documents and messages write it, 2026年12月5日 (Arabic numerals, GB/T 9704-2012
 * 7.3.5.3): an instant by its Asia/Shanghai date, or a calendar date as it is; '' for none.
 */
export function chineseDate(at: Date | IsoDate | null | undefined): string {
  if (at == null) return '';
  const [y, m, d] = (typeof at === 'string' ? at : toShanghaiDate(at)).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 00:00:00.000 Asia/Shanghai at the start of `date`. */
export function startOfShanghaiDay(date: IsoDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS);
}

/**
 * The deadline instant of a day: 23:59:59.999 Asia/Shanghai (the next day's 00:00 minus 1 ms).
 * An act at instant t is on time when t <= this instant.
 */
export function endOfShanghaiDay(date: IsoDate): Date {
  return new Date(utcMidnight(date) - SHANGHAI_OFFSET_MS + DAY_MS - 1);
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  if (n !== 1) return new Date(utcMidnight(date) + n * DAY_MS).toISOString().slice(0, 10);
  // The next day: what every day-by-day walk of the calendar asks for.
  let next = nextDays.get(date);
  if (next === undefined) {
    next = new Date(utcMidnight(date) + DAY_MS).toISOString().slice(0, 10);
    if (nextDays.size >= 50_000) nextDays.clear();
    nextDays.set(date, next);
  }
  return next;
}
const nextDays = new Map<IsoDate, IsoDate>();

/** Every date from `from` to `to`, both included ([] when to < from). */
export function dateRange(from: IsoDate, to: IsoDate): IsoDate[] {
  assertIsoDate(to);
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** `date` plus `n` months; the day is clamped to the month's length (01-31 + 1 month = 02-28/29). */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const d = new Date(utcMidnight(date));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + n;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(utcMidnight(date)).getUTCDay();
}

/** Saturday or Sunday (休息日 before any 调休). */
export function isWeekend(date: IsoDate): boolean {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
