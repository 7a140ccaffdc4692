import type { DutyShift } from '@/graphql/generated/graphql';

// The duty roster is shown a week at a time (Monday–Sunday); dates are Shanghai calendar dates
// (YYYY-MM-DD) and are computed as UTC dates so the browser's own time zone never shifts them.

export const DUTY_SHIFTS: readonly DutyShift[] = ['MORNING', 'AFTERNOON', 'FULL_DAY', 'EVENING'];

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the week `date` falls in. */
export function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, day === 0 ? -6 : 1 - day);
}

/** The seven dates of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** "11/23 周一" */
export function dayLabel(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  return `${date.slice(5).replace('-', '/')} 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** Duties by shift, then by date, in the order given (the API's order). */
export function rosterGrid<D extends { date: string; shift: DutyShift }>(
  duties: readonly D[],
  dates: readonly string[],
): Record<DutyShift, Record<string, D[]>> {
  const grid = Object.fromEntries(
    DUTY_SHIFTS.map((s) => [s, Object.fromEntries(dates.map((d) => [d, [] as D[]]))]),
  ) as Record<DutyShift, Record<string, D[]>>;
  for (const duty of duties) grid[duty.shift]?.[duty.date]?.push(duty);
  return grid;
}
