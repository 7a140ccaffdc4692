// The counting itself, shared by computeDue / remainingAt / progressAt / warningInstant.
// Internal to the calendar folder: callers use deadline-calc.ts.
import { type IsoDate, addDays, endOfShanghaiDay, toShanghaiDate } from './shanghai-time';
import type { DayReason, WorkingCalendar } from './working-calendar';

export type DeadlineUnit = 'HOURS' | 'CALENDAR_DAYS' | 'WORKING_DAYS';

/** A suspension (中止) of the clock; `to: null` while it is still going on. */
export interface DeadlinePause {
  from: Date;
  to: Date | null;
}

export interface DeadlineSpec {
  /** The trigger instant (e.g. the complaint's registration). */
  start: Date;
  /** Hours may be fractional; day amounts are whole numbers ≥ 1. */
  amount: number;
  unit: DeadlineUnit;
  pauses?: readonly DeadlinePause[];
  /** Rule code echoed into the explanation, e.g. 'FIRST_CONTACT'. */
  rule?: string;
}

export type SkipReason = DayReason | 'PAUSED';

export interface SkippedDay {
  date: IsoDate;
  reason: SkipReason;
  name?: string;
}

export interface RolledOver {
  /** The last counted day, which was not a working day. */
  from: IsoDate;
  /** The working day the period ends on instead. */
  to: IsoDate;
  reason: DayReason;
  name?: string;
}

/** Pauses as ms, clipped to the start, sorted and merged; at most the last one is open (to: null). */
export interface Span {
  from: number;
  to: number | null;
}

export const HOUR_MS = 60 * 60 * 1000;
// Guards against broken calendars or absurd amounts; 20 years of days.
const MAX_DAYS_WALKED = 20 * 366;

export function validateSpec(spec: DeadlineSpec): void {
  if (!(spec.start instanceof Date) || Number.isNaN(spec.start.getTime()))
    throw new RangeError('start must be a valid Date');
  if (spec.unit === 'HOURS') {
    if (!Number.isFinite(spec.amount) || spec.amount <= 0)
      throw new RangeError(`HOURS amount must be > 0, got ${spec.amount}`);
  } else if (spec.unit === 'CALENDAR_DAYS' || spec.unit === 'WORKING_DAYS') {
    if (!Number.isInteger(spec.amount) || spec.amount < 1) {
      throw new RangeError(`${spec.unit} amount must be a whole number ≥ 1, got ${spec.amount}`);
    }
  } else {
    throw new RangeError(`Unknown unit ${String(spec.unit)}`);
  }
}

export function normalizePauses(start: number, pauses: readonly DeadlinePause[] = []): Span[] {
  const spans: Span[] = [];
  for (const p of pauses) {
    const from = p.from.getTime();
    const to = p.to === null ? null : p.to.getTime();
    if (Number.isNaN(from) || (to !== null && Number.isNaN(to))) throw new RangeError('Pause with an invalid Date');
    if (to !== null && to < from) throw new RangeError(`Pause ends before it starts: ${p.from.toISOString()}`);
    const clipped = Math.max(from, start);
    if (to !== null && to <= clipped) continue; // over before the clock started, or empty
    spans.push({ from: clipped, to });
  }
  spans.sort((a, b) => a.from - b.from);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || s.from <= last.to)) {
      if (last.to !== null) last.to = s.to === null ? null : Math.max(last.to, s.to);
    } else {
      merged.push({ ...s });
    }
  }
  return merged;
}

export interface HoursPlan {
  /** Instant the budget runs out; null while an open pause holds the clock. */
  end: number | null;
  pausedMs: number;
  /** Set when the clock is held by an open pause: its start, and the budget left at that moment. */
  openSince?: number;
  leftAtOpen?: number;
}

/** Exact elapsed time: the budget runs from `start`, stopping inside pauses that begin before it runs out. */
export function planHours(start: number, budgetMs: number, spans: readonly Span[]): HoursPlan {
  let cursor = start;
  let left = budgetMs;
  let pausedMs = 0;
  for (const s of spans) {
    if (s.from >= cursor + left) break; // starts once the time is up: no effect
    left -= s.from - cursor;
    if (s.to === null) return { end: null, pausedMs, openSince: s.from, leftAtOpen: left };
    pausedMs += s.to - s.from;
    cursor = s.to;
  }
  return { end: cursor + left, pausedMs };
}

export interface DayPlan {
  trigger: IsoDate;
  /** Days counted towards the amount, in order (complete unless an open pause holds the clock). */
  counted: IsoDate[];
  skipped: SkippedDay[];
  rolledOver?: RolledOver;
  /** Days on which the clock runs for progress: counted, plus the art. 45 rollover day. */
  basis: IsoDate[];
  due: Date | null;
  pausedMs: number;
  openSince?: number;
}

// The Shanghai dates a pause touches: from its first to its last millisecond.
function pausedDayTest(spans: readonly Span[]): (d: IsoDate) => boolean {
  const ranges = spans.map((s) => ({
    first: toShanghaiDate(new Date(s.from)),
    last: s.to === null ? null : toShanghaiDate(new Date(s.to - 1)),
  }));
  return (d) => ranges.some((r) => d >= r.first && (r.last === null || d <= r.last));
}

/**
 * Day units. The trigger day is not counted; from the next day on, a day is counted when the clock
 * ran for all of it (no pause touched it) and, for WORKING_DAYS, it is a working day.
 * CALENDAR_DAYS whose last counted day is not a working day end on the next working day (art. 45).
 */
export function planDays(cal: WorkingCalendar, spec: DeadlineSpec, spans: readonly Span[]): DayPlan {
  const trigger = toShanghaiDate(spec.start);
  const isPaused = pausedDayTest(spans);
  const open = spans.find((s) => s.to === null);
  const openDay = open ? toShanghaiDate(new Date(open.from)) : undefined;
  const counted: IsoDate[] = [];
  const skipped: SkippedDay[] = [];
  const held = (d: IsoDate) => openDay !== undefined && d >= openDay;

  let d = trigger;
  for (let i = 0; counted.length < spec.amount; i++) {
    if (i > MAX_DAYS_WALKED) throw new RangeError(`Deadline walks past ${MAX_DAYS_WALKED} days`);
    d = addDays(d, 1);
    if (held(d)) return heldPlan(trigger, counted, skipped, spans, open);
    if (isPaused(d)) {
      skipped.push({ date: d, reason: 'PAUSED' });
      continue;
    }
    if (spec.unit === 'WORKING_DAYS') {
      const info = cal.dayInfo(d);
      if (!info.working) {
        skipped.push({ date: d, reason: info.reason, ...(info.name ? { name: info.name } : {}) });
        continue;
      }
    }
    counted.push(d);
  }

  const last = counted[counted.length - 1];
  const basis = [...counted];
  let rolledOver: RolledOver | undefined;
  let end = last;
  if (spec.unit === 'CALENDAR_DAYS') {
    const lastInfo = cal.dayInfo(last);
    if (!lastInfo.working) {
      for (let i = 0; ; i++) {
        if (i > MAX_DAYS_WALKED) throw new RangeError('No working day found for the art. 45 rollover');
        end = addDays(end, 1);
        if (held(end)) return heldPlan(trigger, counted, skipped, spans, open);
        const info = cal.dayInfo(end);
        if (info.working && !isPaused(end)) break;
        skipped.push(
          isPaused(end)
            ? { date: end, reason: 'PAUSED' }
            : { date: end, reason: info.reason, ...(info.name ? { name: info.name } : {}) },
        );
      }
      rolledOver = { from: last, to: end, reason: lastInfo.reason, ...(lastInfo.name ? { name: lastInfo.name } : {}) };
      basis.push(end);
    }
  }
  const due = endOfShanghaiDay(end);
  const pausedMs = spans
    .filter((s) => s.to !== null && s.from <= due.getTime())
    .reduce((sum, s) => sum + ((s.to as number) - s.from), 0);
  return { trigger, counted, skipped, ...(rolledOver ? { rolledOver } : {}), basis, due, pausedMs };
}

function heldPlan(
  trigger: IsoDate,
  counted: IsoDate[],
  skipped: SkippedDay[],
  spans: readonly Span[],
  open: Span | undefined,
): DayPlan {
  const pausedMs = spans.filter((s) => s.to !== null).reduce((sum, s) => sum + ((s.to as number) - s.from), 0);
  return { trigger, counted, skipped, basis: [...counted], due: null, pausedMs, openSince: open?.from };
}
