import {
  type DeadlineSpec,
  type DeadlineUnit,
  type RolledOver,
  type SkippedDay,
  type DayPlan,
  HOUR_MS,
  normalizePauses,
  planDays,
  planHours,
  validateSpec,
} from './deadline-plan';
import { type IsoDate, DAY_MS, startOfShanghaiDay, toShanghaiDate } from './shanghai-time';
import type { WorkingCalendar } from './working-calendar';

/** The one counting convention, stated once; every explanation carries it. See README.md. */
export const DEADLINE_CONVENTION =
  'Asia/Shanghai (UTC+8). The trigger day is not counted (期间开始之日不计算); counting starts the next day. ' +
  'WORKING_DAYS: the next N working days per the State Council arrangement incl. 调休 and local overrides; ' +
  'due 23:59:59.999 of the Nth. CALENDAR_DAYS: due 23:59:59.999 of trigger day + N; when that day is a ' +
  'statutory holiday or rest day, at the end of the next working day (Order 121 art. 45). HOURS: exact elapsed ' +
  'time. Pauses (中止): hours stop exactly; for day units a day touched by a pause is not counted.';

export interface DeadlineExplanation {
  convention: string;
  calendarVersion: string;
  rule?: string;
  unit: DeadlineUnit;
  amount: number;
  trigger: { instant: string; date: IsoDate };
  /** Days counted towards the amount (day units), in order. */
  counted: IsoDate[];
  /** Days passed over: rest days, holidays (WORKING_DAYS), paused days, days crossed by a rollover. */
  skipped: SkippedDay[];
  /** Paused time that moved the deadline (closed pauses only). */
  pausedMs: number;
  rolledOver?: RolledOver;
  /** Set while an open pause holds the clock: the deadline is then unknown. */
  openPauseSince?: string;
  /**
   * 暂定: the counting enters years whose official arrangement is not known yet (counted as Mon–Fri
   * working, weekends off); the due moves when that year's arrangement is imported and the clock recalculated.
   */
  provisional?: { years: number[] };
}

export interface DeadlineResult {
  /** The deadline instant (on time when done at or before it); null while an open pause holds the clock. */
  due: Date | null;
  explanation: DeadlineExplanation;
}

function explain(cal: WorkingCalendar, spec: DeadlineSpec, parts: Partial<DeadlineExplanation>): DeadlineExplanation {
  return {
    convention: DEADLINE_CONVENTION,
    calendarVersion: cal.version,
    ...(spec.rule ? { rule: spec.rule } : {}),
    unit: spec.unit,
    amount: spec.amount,
    trigger: { instant: spec.start.toISOString(), date: toShanghaiDate(spec.start) },
    counted: [],
    skipped: [],
    pausedMs: 0,
    ...parts,
  };
}

/** The years not covered by the calendar that a day plan touches (sorted), empty when all are covered. */
function uncoveredYears(cal: WorkingCalendar, p: DayPlan): number[] {
  const dates = [...p.counted, ...p.skipped.map((s) => s.date), ...(p.rolledOver ? [p.rolledOver.to] : [])];
  const years = new Set<number>();
  for (const d of dates) if (!cal.covers(d)) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

function dayPlanOf(cal: WorkingCalendar, spec: DeadlineSpec): DayPlan {
  return planDays(cal, spec, normalizePauses(spec.start.getTime(), spec.pauses));
}

/** Computes a deadline and why it falls where it does. Throws CalendarOutOfRangeError in 'error' mode. */
export function computeDue(cal: WorkingCalendar, spec: DeadlineSpec): DeadlineResult {
  validateSpec(spec);
  if (spec.unit === 'HOURS') {
    const start = spec.start.getTime();
    const p = planHours(start, spec.amount * HOUR_MS, normalizePauses(start, spec.pauses));
    const open = p.openSince === undefined ? {} : { openPauseSince: new Date(p.openSince).toISOString() };
    return {
      due: p.end === null ? null : new Date(p.end),
      explanation: explain(cal, spec, { pausedMs: p.pausedMs, ...open }),
    };
  }
  const p = dayPlanOf(cal, spec);
  const years = uncoveredYears(cal, p);
  return {
    due: p.due,
    explanation: explain(cal, spec, {
      counted: p.counted,
      skipped: p.skipped,
      pausedMs: p.pausedMs,
      ...(p.rolledOver ? { rolledOver: p.rolledOver } : {}),
      ...(p.openSince === undefined ? {} : { openPauseSince: new Date(p.openSince).toISOString() }),
      ...(years.length ? { provisional: { years } } : {}),
    }),
  };
}

export interface DeadlineRemaining {
  due: Date | null;
  /** now > due. */
  overdue: boolean;
  /** now falls inside a pause. */
  paused: boolean;
  /**
   * due − now (negative once overdue). While an open pause holds the clock: for HOURS the running
   * time left, which resumes unchanged; for day units null (see remainingDays).
   */
  remainingMs: number | null;
  /** Day units: counted days not yet over (today included when it is counted); HOURS: null. */
  remainingDays: number | null;
}

/** What is left of a limit at `now`. */
export function remainingAt(cal: WorkingCalendar, spec: DeadlineSpec, now: Date): DeadlineRemaining {
  validateSpec(spec);
  const t = now.getTime();
  const spans = normalizePauses(spec.start.getTime(), spec.pauses);
  const paused = spans.some((s) => s.from <= t && (s.to === null || t < s.to));
  if (spec.unit === 'HOURS') {
    const p = planHours(spec.start.getTime(), spec.amount * HOUR_MS, spans);
    if (p.end === null)
      return { due: null, overdue: false, paused, remainingMs: p.leftAtOpen ?? null, remainingDays: null };
    return { due: new Date(p.end), overdue: t > p.end, paused, remainingMs: p.end - t, remainingDays: null };
  }
  const p = planDays(cal, spec, spans);
  const today = toShanghaiDate(now);
  const remainingDays = spec.amount - p.counted.filter((d) => d < today).length;
  if (p.due === null) return { due: null, overdue: false, paused, remainingMs: null, remainingDays };
  const due = p.due.getTime();
  return { due: p.due, overdue: t > due, paused, remainingMs: due - t, remainingDays };
}

// Running time the clock has used by `t` on the basis days (whole Shanghai days).
function basisElapsed(basis: readonly IsoDate[], t: number): number {
  let sum = 0;
  for (const d of basis) sum += Math.min(Math.max(t - startOfShanghaiDay(d).getTime(), 0), DAY_MS);
  return sum;
}

/**
 * Fraction (0..1) of the limit used at `now`. HOURS: running time / limit. Day units: the clock runs
 * only on counted days (plus the art. 45 rollover day), each worth 24 h; it stands still on the
 * trigger day, skipped days and paused days. Reaches 1 when the deadline has passed.
 */
export function progressAt(cal: WorkingCalendar, spec: DeadlineSpec, now: Date): number {
  validateSpec(spec);
  const t = now.getTime();
  const start = spec.start.getTime();
  const spans = normalizePauses(start, spec.pauses);
  if (spec.unit === 'HOURS') {
    const total = spec.amount * HOUR_MS;
    let used = Math.max(t - start, 0);
    for (const s of spans) used -= Math.max(Math.min(s.to ?? t, t) - s.from, 0);
    return Math.min(Math.max(used / total, 0), 1);
  }
  const p = planDays(cal, spec, spans);
  const days = p.due === null ? spec.amount : p.basis.length;
  return Math.min(basisElapsed(p.basis, t) / (days * DAY_MS), 1);
}

/**
 * The first instant at which progressAt reaches `fraction` (0 < fraction ≤ 1), for the 50 % / 80 %
 * warnings; null when an open pause holds the clock before then. Day units: fraction × (basis days)
 * of running time into the basis, e.g. 50 % of 7 working days = 12:00 on the 4th counted day.
 */
export function warningInstant(cal: WorkingCalendar, spec: DeadlineSpec, fraction: number): Date | null {
  validateSpec(spec);
  if (!(fraction > 0 && fraction <= 1)) throw new RangeError(`fraction must be in (0, 1], got ${fraction}`);
  const start = spec.start.getTime();
  const spans = normalizePauses(start, spec.pauses);
  if (spec.unit === 'HOURS') {
    const end = planHours(start, Math.round(fraction * spec.amount * HOUR_MS), spans).end;
    return end === null ? null : new Date(end);
  }
  const p = planDays(cal, spec, spans);
  const days = p.due === null ? spec.amount : p.basis.length;
  const target = Math.round(fraction * days * DAY_MS);
  const i = Math.floor(target / DAY_MS);
  const rem = target - i * DAY_MS;
  // Exactly at a day boundary: progress first reaches the target when that day is over.
  const [day, offset] = rem === 0 ? [p.basis[i - 1], DAY_MS] : [p.basis[i], rem];
  return day === undefined ? null : new Date(startOfShanghaiDay(day).getTime() + offset);
}
