import { addDays, computeDue, DeadlineResult, toShanghaiDate, warningInstant, WorkingCalendar } from '@weiquan/shared';
import type { CaseDeadlineEntity } from '../entities/deadline.entity';

/** The spec the shared calculator needs, from a stored deadline row. */
export function specOf(
  d: Pick<CaseDeadlineEntity, 'startedAt' | 'amount' | 'extendedAmount' | 'unit' | 'pauses' | 'ruleCode'>,
) {
  return {
    start: d.startedAt,
    amount: d.amount + d.extendedAmount,
    unit: d.unit,
    pauses: (d.pauses ?? []).map((p) => ({ from: new Date(p.from), to: p.to ? new Date(p.to) : null })),
    rule: d.ruleCode,
  };
}

export function dueOf(cal: WorkingCalendar, d: Parameters<typeof specOf>[0]): DeadlineResult {
  return computeDue(cal, specOf(d));
}

/**
 * Sets a clock's due time from the calendar, and whether it is provisional (暂定: its counting enters a
 * year whose official arrangement is not imported yet). Every due the engine writes goes through here.
 */
export function setDue(
  cal: WorkingCalendar,
  d: Parameters<typeof specOf>[0] & { dueAt: Date | null; provisional: boolean },
): void {
  const { due, explanation } = dueOf(cal, d);
  d.dueAt = due;
  d.provisional = explanation.provisional !== undefined;
}

/** Instants at which each warning fraction fires (null while a pause is open). */
export function warningsOf(
  cal: WorkingCalendar,
  d: Parameters<typeof specOf>[0] & { warnFractions: number[] },
): { fraction: number; at: Date }[] {
  return d.warnFractions
    .map((fraction) => ({ fraction, at: warningInstant(cal, specOf(d), fraction) }))
    .filter((w): w is { fraction: number; at: Date } => w.at !== null);
}

/** 09:00 Asia/Shanghai on the working day `offset` working days from the due date (0 = the due date). */
export function escalationInstant(cal: WorkingCalendar, dueAt: Date, offset: number): Date {
  let day = toShanghaiDate(dueAt);
  for (let i = 0; i < Math.abs(offset); i++) {
    if (offset > 0) day = cal.nextWorkingDay(day);
    else {
      do day = addDays(day, -1);
      while (!cal.isWorkingDay(day));
    }
  }
  return new Date(`${day}T09:00:00+08:00`);
}
