import type { CalendarData } from './calendar-data';
import { fingerprint } from './fingerprint';
import { type IsoDate, addDays, addMonths, assertIsoDate, isWeekend, toShanghaiDate, yearOf } from './shanghai-time';

export type OverrideKind = 'HOLIDAY' | 'WORKDAY';

/** A local day an administrator declares off (HOLIDAY) or on (WORKDAY); wins over the base data. */
export interface CalendarOverride {
  date: IsoDate;
  kind: OverrideKind;
  name: string;
}

/**
 * What to do with a date in a year the data does not cover:
 * 'error' throws CalendarOutOfRangeError; 'weekends-only' treats Mon–Fri as working days and
 * reports a warning (once per year and calendar) through `onWarning`, or console.warn without one.
 */
export type OutOfRangeMode = 'error' | 'weekends-only';

export interface WorkingCalendarOptions {
  outOfRange: OutOfRangeMode;
  onWarning?: (message: string) => void;
}

export type DayReason =
  | 'WORKDAY' // Mon–Fri, no arrangement
  | 'WEEKEND' // Sat/Sun, no arrangement (休息日)
  | 'HOLIDAY' // 法定节假日 / 放假调休 of the State Council arrangement
  | 'MAKEUP_WORKDAY' // 调休上班: a weekend day that is a working day
  | 'OVERRIDE_HOLIDAY' // administrator: local day off
  | 'OVERRIDE_WORKDAY' // administrator: local working day
  | 'OUT_OF_RANGE_WORKDAY' // year not covered, weekends-only fallback: Mon–Fri
  | 'OUT_OF_RANGE_WEEKEND'; // year not covered, weekends-only fallback: Sat/Sun

export interface DayInfo {
  date: IsoDate;
  working: boolean;
  reason: DayReason;
  /** Holiday or override name, e.g. '春节'. */
  name?: string;
}

export interface CalendarCoverage {
  firstYear: number;
  lastYear: number;
}

export class CalendarOutOfRangeError extends Error {
  readonly code = 'CALENDAR_OUT_OF_RANGE';

  constructor(
    readonly date: IsoDate,
    readonly version: string,
    readonly coverage: CalendarCoverage,
  ) {
    super(
      `No holiday arrangement for ${date}: calendar ${version} covers ` +
        `${coverage.firstYear}–${coverage.lastYear}. Import the year's arrangement or update chinese-days.`,
    );
    this.name = 'CalendarOutOfRangeError';
  }
}

// Without an onWarning hook the fallback still must not be silent.
function consoleWarn(message: string): void {
  (globalThis as { console?: { warn(m: string): void } }).console?.warn(message);
}

// A run of non-working days longer than this means broken data, not a long holiday.
const MAX_NON_WORKING_RUN = 400;

/** Working days per the State Council arrangement (incl. 调休) plus administrator overrides. */
export class WorkingCalendar {
  /** Base data version, plus a fingerprint of the overrides when there are any. */
  readonly version: string;
  private readonly years: ReadonlySet<number>;
  private readonly overrides = new Map<IsoDate, CalendarOverride>();
  private readonly warnedYears = new Set<number>();

  constructor(
    private readonly data: CalendarData,
    overrides: readonly CalendarOverride[] = [],
    private readonly options: WorkingCalendarOptions = { outOfRange: 'error' },
  ) {
    if (data.years.length === 0) throw new Error(`Calendar data ${data.version} covers no year`);
    this.years = new Set(data.years);
    for (const o of overrides) {
      assertIsoDate(o.date);
      if (o.kind !== 'HOLIDAY' && o.kind !== 'WORKDAY') throw new RangeError(`Bad override kind: ${String(o.kind)}`);
      if (this.overrides.has(o.date)) throw new RangeError(`Two overrides for ${o.date}`);
      this.overrides.set(o.date, { date: o.date, kind: o.kind, name: o.name });
    }
    const sorted = [...this.overrides.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
    this.version =
      sorted.length === 0 ? data.version : `${data.version}+overrides#${fingerprint(JSON.stringify(sorted))}`;
  }

  coverage(): CalendarCoverage {
    const ys = [...this.years].sort((a, b) => a - b);
    return { firstYear: ys[0], lastYear: ys[ys.length - 1] };
  }

  /** True when the official arrangement of the date's year is known. */
  covers(date: IsoDate): boolean {
    assertIsoDate(date);
    return this.years.has(yearOf(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.dayInfo(date).working;
  }

  /** Why a day is (not) a working day. Order: override > arrangement > weekday/weekend. */
  dayInfo(date: IsoDate): DayInfo {
    // A calendar never changes (a new one is built for a new version): each day is worked out once.
    const known = this.dayMemo.get(date);
    if (known) return known;
    const info = this.workOutDay(date);
    if (this.dayMemo.size >= 20_000) this.dayMemo.clear();
    this.dayMemo.set(date, Object.freeze(info));
    return info;
  }

  private readonly dayMemo = new Map<IsoDate, DayInfo>();

  private workOutDay(date: IsoDate): DayInfo {
    assertIsoDate(date);
    const o = this.overrides.get(date);
    if (o) {
      return o.kind === 'HOLIDAY'
        ? { date, working: false, reason: 'OVERRIDE_HOLIDAY', name: o.name }
        : { date, working: true, reason: 'OVERRIDE_WORKDAY', name: o.name };
    }
    const weekend = isWeekend(date);
    if (!this.years.has(yearOf(date))) return this.outOfRange(date, weekend);
    const holiday = this.data.holidays[date];
    if (holiday !== undefined) return { date, working: false, reason: 'HOLIDAY', name: holiday };
    const makeup = this.data.makeupWorkdays[date];
    if (makeup !== undefined) return { date, working: true, reason: 'MAKEUP_WORKDAY', name: makeup };
    return weekend ? { date, working: false, reason: 'WEEKEND' } : { date, working: true, reason: 'WORKDAY' };
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let d = date;
    for (let i = 0; i < MAX_NON_WORKING_RUN; i++) {
      d = addDays(d, 1);
      if (this.isWorkingDay(d)) return d;
    }
    throw new Error(`No working day within ${MAX_NON_WORKING_RUN} days after ${date} (calendar ${this.version})`);
  }

  /**
   * A warning for administrators when the covered years end within `monthsAhead` months of `now`
   * (Shanghai date), or have already ended; null while coverage is fine. The State Council
   * publishes next year's arrangement in November, so the default (2) starts warning on 1 November.
   */
  coverageWarning(now: Date, monthsAhead = 2): string | null {
    const today = toShanghaiDate(now);
    const lastNeeded = yearOf(addMonths(today, monthsAhead));
    const missing: number[] = [];
    for (let y = yearOf(today); y <= lastNeeded; y++) if (!this.years.has(y)) missing.push(y);
    if (missing.length === 0) return null;
    const { lastYear } = this.coverage();
    const what = missing.join('、');
    // Shown to administrators above every page: plain Chinese, no package names or versions.
    return missing[0] === yearOf(today)
      ? `工作日历缺少 ${what} 年的节假日安排（现有安排覆盖至 ${lastYear} 年）：` +
          `请立即在「日历管理」导入国务院办公厅节假日安排通知。`
      : `工作日历只覆盖至 ${lastYear} 年：请在 ${missing[0]}-01-01 之前在「日历管理」导入 ${what} 年` +
          `国务院办公厅节假日安排通知。`;
  }

  private outOfRange(date: IsoDate, weekend: boolean): DayInfo {
    if (this.options.outOfRange === 'error') {
      throw new CalendarOutOfRangeError(date, this.version, this.coverage());
    }
    const year = yearOf(date);
    if (!this.warnedYears.has(year)) {
      this.warnedYears.add(year);
      (this.options.onWarning ?? consoleWarn)(
        `Calendar ${this.version} has no holiday arrangement for ${year}: counting weekends only ` +
          `(first asked for ${date}). Import the ${year} arrangement or update chinese-days.`,
      );
    }
    return weekend
      ? { date, working: false, reason: 'OUT_OF_RANGE_WEEKEND' }
      : { date, working: true, reason: 'OUT_OF_RANGE_WORKDAY' };
  }
}
