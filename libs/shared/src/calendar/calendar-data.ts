import chineseDaysJson from 'chinese-days/dist/chinese-days.json';
import chineseDaysPackage from 'chinese-days/package.json';
import { type IsoDate, isIsoDate, yearOf } from './shanghai-time';

/**
 * The official State Council arrangement (国务院办公厅 节假日安排) as plain data.
 * `holidays`: days off (放假), including those that fall on a weekend.
 * `makeupWorkdays`: weekend days that become working days (调休上班).
 * Any other day is a working day Monday–Friday and a rest day (休息日) on Saturday/Sunday.
 */
export interface CalendarData {
  /** Where the data came from, e.g. 'chinese-days@1.5.7' (+ '+import:2027#…' for imported years). */
  version: string;
  /** Years whose arrangement is known, ascending. */
  years: number[];
  /** date → holiday name, e.g. '2025-01-28' → '春节'. */
  holidays: Record<IsoDate, string>;
  /** date → holiday the make-up day belongs to, e.g. '2025-01-26' → '春节'. */
  makeupWorkdays: Record<IsoDate, string>;
}

/** The raw shape of chinese-days' dist/chinese-days.json (values are 'English,中文,days'). */
export interface ChineseDaysJson {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// 'Spring Festival,春节,4' → '春节'; anything unexpected is kept whole rather than lost.
function chineseName(value: string): string {
  const parts = value.split(',');
  return parts.length >= 2 && parts[1].trim() !== '' ? parts[1].trim() : value;
}

function mapDays(raw: Record<string, string>, what: string): Record<IsoDate, string> {
  const out: Record<IsoDate, string> = {};
  for (const [date, value] of Object.entries(raw)) {
    if (!isIsoDate(date)) throw new Error(`chinese-days ${what}: invalid date key ${date}`);
    out[date] = chineseName(String(value));
  }
  return out;
}

/** Builds CalendarData from chinese-days' JSON; a year is covered when it has at least one holiday. */
export function calendarDataFromChineseDays(raw: ChineseDaysJson, version: string): CalendarData {
  const holidays = mapDays(raw.holidays, 'holidays');
  const makeupWorkdays = mapDays(raw.workdays, 'workdays');
  const years = [...new Set(Object.keys(holidays).map(yearOf))].sort((a, b) => a - b);
  // Frozen: one instance is shared by every calendar built from it.
  return Object.freeze({
    version,
    years: Object.freeze(years) as number[],
    holidays: Object.freeze(holidays),
    makeupWorkdays: Object.freeze(makeupWorkdays),
  });
}

let cached: CalendarData | undefined;

/**
 * The base calendar shipped with the installed `chinese-days` package (2004 up to the newest
 * year it knows). Next year's arrangement arrives with a package update or an administrator's
 * import (see arrangement-import.ts).
 */
export function chineseDaysCalendarData(): CalendarData {
  cached ??= calendarDataFromChineseDays(
    chineseDaysJson as ChineseDaysJson,
    `chinese-days@${chineseDaysPackage.version}`,
  );
  return cached;
}
