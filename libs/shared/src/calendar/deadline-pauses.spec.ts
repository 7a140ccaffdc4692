import { chineseDaysCalendarData } from './calendar-data';
import { computeDue, progressAt, remainingAt, warningInstant } from './deadline-calc';
import type { DeadlinePause, DeadlineSpec } from './deadline-plan';
import { WorkingCalendar } from './working-calendar';

const cal = new WorkingCalendar(chineseDaysCalendarData());
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => sh(`${date}T23:59:59.999`);
const pause = (from: string, to: string | null): DeadlinePause => ({ from: sh(from), to: to === null ? null : sh(to) });
const HOUR = 3600_000;

// Monday 2025-03-03, 5 working days: 03-04 .. 03-07, 03-10 → due end of 03-10 without pauses.
const week = (pauses: DeadlinePause[] = []): DeadlineSpec => ({
  start: sh('2025-03-03T10:00'),
  amount: 5,
  unit: 'WORKING_DAYS',
  pauses,
});

describe('deadline pauses', () => {
  it('does not count any day a pause touches, including the days it starts and ends', () => {
    const r = computeDue(cal, week([pause('2025-03-05T15:00', '2025-03-06T10:00')]));
    expect(r.due).toEqual(endOf('2025-03-12'));
    expect(r.explanation.counted).toEqual(['2025-03-04', '2025-03-07', '2025-03-10', '2025-03-11', '2025-03-12']);
    expect(r.explanation.skipped.slice(0, 2)).toEqual([
      { date: '2025-03-05', reason: 'PAUSED' },
      { date: '2025-03-06', reason: 'PAUSED' },
    ]);
    expect(r.explanation.pausedMs).toBe(19 * HOUR);
  });

  it('does not touch the next day when a pause ends exactly at midnight', () => {
    expect(computeDue(cal, week([pause('2025-03-05T15:00', '2025-03-06T00:00')])).due).toEqual(endOf('2025-03-11'));
  });

  it('holds the clock during an open pause and resumes with the remaining days after the resume day', () => {
    const open = week([pause('2025-03-06T09:00', null)]);
    const held = computeDue(cal, open);
    expect(held.due).toBeNull();
    expect(held.explanation.counted).toEqual(['2025-03-04', '2025-03-05']);
    expect(held.explanation.openPauseSince).toBe(sh('2025-03-06T09:00').toISOString());
    expect(remainingAt(cal, open, sh('2025-03-20T10:00'))).toEqual({
      due: null,
      overdue: false,
      paused: true,
      remainingMs: null,
      remainingDays: 3,
    });
    // Resumed Thursday 03-20 14:00: 3 working days left → 03-21, 03-24, 03-25.
    const resumed = computeDue(cal, week([pause('2025-03-06T09:00', '2025-03-20T14:00')]));
    expect(resumed.due).toEqual(endOf('2025-03-25'));
    expect(resumed.explanation.counted.slice(2)).toEqual(['2025-03-21', '2025-03-24', '2025-03-25']);
  });

  it('ignores a pause that starts after the deadline and extends one that starts on the last day', () => {
    expect(computeDue(cal, week([pause('2025-03-11T09:00', '2025-03-12T09:00')])).due).toEqual(endOf('2025-03-10'));
    expect(computeDue(cal, week([pause('2025-03-11T09:00', '2025-03-12T09:00')])).explanation.pausedMs).toBe(0);
    expect(computeDue(cal, week([pause('2025-03-10T20:00', '2025-03-11T09:00')])).due).toEqual(endOf('2025-03-12'));
  });

  it('clips a pause that began before the trigger to the trigger', () => {
    const r = computeDue(cal, week([pause('2025-03-01T10:00', '2025-03-03T12:00')]));
    expect(r.due).toEqual(endOf('2025-03-10'));
    expect(r.explanation.pausedMs).toBe(2 * HOUR);
  });

  it('skips paused days in a calendar-day period and still applies art. 45 afterwards', () => {
    // 2025-03-07 + 15 = Saturday 03-22; two paused days push the last day to Monday 03-24.
    const spec: DeadlineSpec = {
      start: sh('2025-03-07T10:00'),
      amount: 15,
      unit: 'CALENDAR_DAYS',
      pauses: [pause('2025-03-10T10:00', '2025-03-11T10:00')],
    };
    const r = computeDue(cal, spec);
    expect(r.due).toEqual(endOf('2025-03-24'));
    expect(r.explanation.rolledOver).toBeUndefined();
  });

  describe('HOURS', () => {
    const start = sh('2025-01-27T22:00');
    const hours = (pauses: DeadlinePause[]): DeadlineSpec => ({ start, amount: 24, unit: 'HOURS', pauses });

    it('extends by exactly the paused time, merging overlapping pauses', () => {
      expect(computeDue(cal, hours([pause('2025-01-28T08:00', '2025-01-28T10:00')])).due).toEqual(
        sh('2025-01-29T00:00'),
      );
      const overlapping = [
        pause('2025-01-28T08:00', '2025-01-28T10:00'),
        pause('2025-01-28T09:00', '2025-01-28T11:00'),
      ];
      const r = computeDue(cal, hours(overlapping));
      expect(r.due).toEqual(sh('2025-01-29T01:00'));
      expect(r.explanation.pausedMs).toBe(3 * HOUR);
    });

    it('keeps the remaining time frozen during an open pause', () => {
      const spec = hours([pause('2025-01-28T10:00', null)]);
      expect(computeDue(cal, spec).due).toBeNull();
      expect(remainingAt(cal, spec, sh('2025-02-05T10:00'))).toEqual({
        due: null,
        overdue: false,
        paused: true,
        remainingMs: 12 * HOUR,
        remainingDays: null,
      });
      expect(progressAt(cal, spec, sh('2025-02-05T10:00'))).toBe(0.5);
    });

    it('puts the 50 % and 80 % warnings at exact fractions of running time', () => {
      expect(warningInstant(cal, hours([]), 0.5)).toEqual(sh('2025-01-28T10:00'));
      expect(warningInstant(cal, hours([]), 0.8)).toEqual(sh('2025-01-28T17:12'));
      expect(warningInstant(cal, hours([pause('2025-01-28T08:00', '2025-01-28T10:00')]), 0.5)).toEqual(
        sh('2025-01-28T12:00'),
      );
      expect(progressAt(cal, hours([]), sh('2025-01-28T04:00'))).toBe(0.25);
    });
  });

  describe('progress and warnings for day units', () => {
    // 7 working days from Friday 2025-09-26: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11, 10-13.
    const national = { start: sh('2025-09-26T10:00'), amount: 7, unit: 'WORKING_DAYS' as const };

    it('runs only on counted days, so the holiday break does not use up the limit', () => {
      expect(progressAt(cal, national, sh('2025-09-27T12:00'))).toBe(0);
      expect(progressAt(cal, national, sh('2025-10-05T12:00'))).toBeCloseTo(3 / 7, 12);
      expect(progressAt(cal, national, endOf('2025-10-13'))).toBeLessThan(1);
      expect(progressAt(cal, national, sh('2025-10-14T00:00'))).toBe(1);
    });

    it('puts 50 % at noon of the 4th counted day and 80 % at 14:24 of the 6th', () => {
      expect(warningInstant(cal, national, 0.5)).toEqual(sh('2025-10-09T12:00'));
      expect(warningInstant(cal, national, 0.8)).toEqual(sh('2025-10-11T14:24'));
      expect(warningInstant(cal, national, 1)).toEqual(sh('2025-10-14T00:00'));
    });

    it('puts a warning on a day boundary at the end of the counted day, not after the next rest days', () => {
      // 2 working days from Friday 2025-01-24: 01-26 (make-up Sunday), 01-27.
      expect(warningInstant(cal, { start: sh('2025-01-24T10:00'), amount: 2, unit: 'WORKING_DAYS' }, 0.5)).toEqual(
        sh('2025-01-27T00:00'),
      );
    });

    it('includes the art. 45 rollover day in a calendar-day period', () => {
      const spec = { start: sh('2025-09-16T10:00'), amount: 15, unit: 'CALENDAR_DAYS' as const };
      expect(warningInstant(cal, spec, 1)).toEqual(sh('2025-10-10T00:00'));
      expect(warningInstant(cal, spec, 0.5)).toEqual(sh('2025-09-25T00:00'));
      expect(progressAt(cal, spec, sh('2025-10-05T00:00'))).toBeCloseTo(15 / 16, 12);
    });

    it('reports the working days left, today included, and overdue only after the end of the last day', () => {
      expect(remainingAt(cal, national, sh('2025-10-09T10:00'))).toMatchObject({
        remainingDays: 4,
        overdue: false,
        paused: false,
      });
      expect(remainingAt(cal, national, endOf('2025-10-13'))).toMatchObject({
        remainingDays: 1,
        overdue: false,
        remainingMs: 0,
      });
      expect(remainingAt(cal, national, sh('2025-10-14T00:00'))).toMatchObject({
        remainingDays: 0,
        overdue: true,
        remainingMs: -1,
      });
    });

    it('returns no warning instant beyond an open pause', () => {
      const held = week([pause('2025-03-06T09:00', null)]);
      expect(warningInstant(cal, held, 0.2)).toEqual(sh('2025-03-05T00:00'));
      expect(warningInstant(cal, held, 0.5)).toBeNull();
    });
  });
});
