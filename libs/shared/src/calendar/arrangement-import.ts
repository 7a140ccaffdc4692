import type { CalendarData } from './calendar-data';
import { fingerprint } from './fingerprint';
import { type IsoDate, isIsoDate, isWeekend, yearOf } from './shanghai-time';
import type { OverrideKind } from './working-calendar';

/** One day of a year's arrangement: HOLIDAY = 放假, WORKDAY = 调休上班 (must be a Saturday or Sunday). */
export interface ArrangementDay {
  date: IsoDate;
  kind: OverrideKind;
  name: string;
}

/**
 * A year's State Council holiday arrangement entered by an administrator (e.g. the notice published
 * each November for the next year), for when the chinese-days package has not caught up yet.
 */
export interface ArrangementImport {
  year: number;
  /** e.g. '国办发明电〔2026〕7号'. */
  source?: string;
  days: ArrangementDay[];
}

export type ArrangementParseResult = { ok: true; arrangement: ArrangementImport } | { ok: false; errors: string[] };

const MAX_NAME = 40;

// A notice may place days just across the year boundary (2023's 元旦 began 2022-12-31).
function inReach(date: IsoDate, year: number): boolean {
  return date >= `${year - 1}-12-01` && date <= `${year + 1}-01-31`;
}

/**
 * Validates an arrangement import: JSON text or a parsed value, either
 * `{ "year": 2027, "source": "…", "days": [{ "date": "2027-01-01", "kind": "HOLIDAY", "name": "元旦" }, …] }`
 * or just the `days` array (the year is then taken from the dates). Reports every problem at once.
 */
export function parseArrangementImport(input: unknown): ArrangementParseResult {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch (e) {
      return { ok: false, errors: [`Not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
    }
  }
  const errors: string[] = [];
  let rawDays: unknown;
  let year: unknown;
  let source: string | undefined;
  if (Array.isArray(value)) {
    rawDays = value;
    const first = value.find((d: unknown) => isIsoDate((d as { date?: unknown } | null)?.date));
    year = first ? yearOf((first as { date: string }).date) : undefined;
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    rawDays = obj.days;
    year = obj.year;
    if (obj.source !== undefined) {
      if (typeof obj.source === 'string' && obj.source.trim() !== '') source = obj.source.trim();
      else errors.push('source must be a non-empty string when given');
    }
  } else {
    return { ok: false, errors: ['Expected an object { year, source?, days } or an array of days'] };
  }

  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) {
    errors.push(`year must be an integer between 2000 and 2100, got ${JSON.stringify(year)}`);
  }
  if (!Array.isArray(rawDays) || rawDays.length === 0) {
    errors.push('days must be a non-empty array');
    return { ok: false, errors };
  }

  const days: ArrangementDay[] = [];
  const seen = new Set<string>();
  rawDays.forEach((raw: unknown, i: number) => {
    const at = `days[${i}]`;
    if (raw === null || typeof raw !== 'object') {
      errors.push(`${at}: expected { date, kind, name }`);
      return;
    }
    const { date, kind, name } = raw as Record<string, unknown>;
    const before = errors.length;
    if (!isIsoDate(date)) errors.push(`${at}: date must be a real date YYYY-MM-DD, got ${JSON.stringify(date)}`);
    else if (typeof year === 'number' && !inReach(date, year)) errors.push(`${at}: ${date} is not in ${year}`);
    else if (seen.has(date)) errors.push(`${at}: ${date} appears twice`);
    if (kind !== 'HOLIDAY' && kind !== 'WORKDAY') {
      errors.push(`${at}: kind must be HOLIDAY or WORKDAY, got ${JSON.stringify(kind)}`);
    } else if (kind === 'WORKDAY' && isIsoDate(date) && !isWeekend(date)) {
      errors.push(`${at}: ${date} is a weekday; a WORKDAY (调休上班) entry must be a Saturday or Sunday`);
    }
    if (typeof name !== 'string' || name.trim() === '' || name.trim().length > MAX_NAME) {
      errors.push(`${at}: name must be a non-empty string of at most ${MAX_NAME} characters`);
    }
    if (errors.length === before) {
      seen.add(date as string);
      days.push({ date: date as string, kind: kind as OverrideKind, name: (name as string).trim() });
    }
  });
  if (errors.length === 0 && !days.some((d) => d.kind === 'HOLIDAY')) errors.push('days has no HOLIDAY');
  if (errors.length > 0) return { ok: false, errors };
  days.sort((a, b) => (a.date < b.date ? -1 : 1));
  return { ok: true, arrangement: { year: year as number, ...(source ? { source } : {}), days } };
}

/**
 * The base data plus imported years. An imported year replaces whatever the base has for that
 * year (the administrator's import is the newer word) and becomes covered; the version records it.
 */
export function withArrangements(base: CalendarData, arrangements: readonly ArrangementImport[]): CalendarData {
  if (arrangements.length === 0) return base;
  const holidays: Record<IsoDate, string> = { ...base.holidays };
  const makeupWorkdays: Record<IsoDate, string> = { ...base.makeupWorkdays };
  const years = new Set(base.years);
  const tags: string[] = [];
  const seenYears = new Set<number>();
  for (const a of [...arrangements].sort((x, y) => x.year - y.year)) {
    if (seenYears.has(a.year)) throw new RangeError(`Two arrangement imports for ${a.year}`);
    seenYears.add(a.year);
    for (const map of [holidays, makeupWorkdays]) {
      for (const date of Object.keys(map)) if (yearOf(date) === a.year) delete map[date];
    }
    for (const d of a.days) {
      delete holidays[d.date];
      delete makeupWorkdays[d.date];
      (d.kind === 'HOLIDAY' ? holidays : makeupWorkdays)[d.date] = d.name;
    }
    years.add(a.year);
    tags.push(`${a.year}#${fingerprint(JSON.stringify(a.days))}`);
  }
  return {
    version: `${base.version}+import:${tags.join(',')}`,
    years: [...years].sort((x, y) => x - y),
    holidays,
    makeupWorkdays,
  };
}
