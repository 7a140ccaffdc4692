import { chineseDaysCalendarData } from './calendar-data';
import { DEADLINE_CONVENTION, computeDue } from './deadline-calc';
import type { DeadlineSpec } from './deadline-plan';
import { dateRange } from './shanghai-time';
import { CalendarOutOfRangeError, WorkingCalendar } from './working-calendar';

const data = chineseDaysCalendarData();
const cal = new WorkingCalendar(data);
// An instant written in Shanghai local time.
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => sh(`${date}T23:59:59.999`);
const due = (spec: DeadlineSpec, c: WorkingCalendar = cal) => computeDue(c, spec).due;
const wd = (start: string, amount: number) => ({ start: sh(start), amount, unit: 'WORKING_DAYS' as const });
const cd = (start: string, amount: number) => ({ start: sh(start), amount, unit: 'CALENDAR_DAYS' as const });

describe(computeDue.name, () => {
  describe('WORKING_DAYS', () => {
    it('counts the make-up Sunday 2025-01-26 when triggered the Friday before Spring Festival', () => {
      const r = computeDue(cal, { ...wd('2025-01-24T10:00', 2), rule: 'FIRST_CONTACT' });
      expect(r.due).toEqual(endOf('2025-01-27'));
      expect(r.explanation).toEqual({
        convention: DEADLINE_CONVENTION,
        calendarVersion: data.version,
        rule: 'FIRST_CONTACT',
        unit: 'WORKING_DAYS',
        amount: 2,
        trigger: { instant: '2025-01-24T02:00:00.000Z', date: '2025-01-24' },
        counted: ['2025-01-26', '2025-01-27'],
        skipped: [{ date: '2025-01-25', reason: 'WEEKEND' }],
        pausedMs: 0,
      });
    });

    it('skips the whole Spring Festival 2025 break and counts make-up Saturday 02-08', () => {
      const r = computeDue(cal, wd('2025-01-27T15:00', 5));
      expect(r.due).toEqual(endOf('2025-02-10'));
      expect(r.explanation.counted).toEqual(['2025-02-05', '2025-02-06', '2025-02-07', '2025-02-08', '2025-02-10']);
      expect(r.explanation.skipped).toEqual([
        ...dateRange('2025-01-28', '2025-02-04').map((date) => ({ date, reason: 'HOLIDAY', name: '春节' })),
        { date: '2025-02-09', reason: 'WEEKEND' },
      ]);
    });

    it('starts counting after the break when triggered on a holiday', () => {
      expect(due(wd('2025-01-30T09:00', 2))).toEqual(endOf('2025-02-06'));
    });

    it('counts make-up Saturday 02-14 and 02-28 around Spring Festival 2026 when triggered at 23:30 on the eve', () => {
      expect(due(wd('2026-02-13T23:30', 3))).toEqual(endOf('2026-02-25'));
      expect(due(wd('2026-02-12T09:00', 7))).toEqual(endOf('2026-02-28'));
    });

    it('spans the combined National Day / Mid-Autumn break 2025 (10-01..10-08, 调休 09-28 and 10-11)', () => {
      const r = computeDue(cal, wd('2025-09-26T10:00', 7));
      expect(r.due).toEqual(endOf('2025-10-13'));
      expect(r.explanation.counted).toEqual([
        '2025-09-28',
        '2025-09-29',
        '2025-09-30',
        '2025-10-09',
        '2025-10-10',
        '2025-10-11',
        '2025-10-13',
      ]);
      expect(r.explanation.skipped.find((s) => s.date === '2025-10-06')).toEqual({
        date: '2025-10-06',
        reason: 'HOLIDAY',
        name: '中秋',
      });
    });

    it('uses the Shanghai date, not the UTC date, for the trigger day', () => {
      // 2025-09-28 00:30 Shanghai = 2025-09-27 16:30 UTC: the trigger day is the make-up Sunday itself.
      expect(due({ start: new Date('2025-09-27T16:30:00Z'), amount: 1, unit: 'WORKING_DAYS' })).toEqual(
        endOf('2025-09-29'),
      );
      // 23:30 Shanghai on Saturday 09-27 (15:30 UTC): the make-up Sunday is the first counted day.
      expect(due(wd('2025-09-27T23:30', 1))).toEqual(endOf('2025-09-28'));
      // 2025-10-09 00:30 Shanghai is still 10-08 (a holiday) in UTC.
      expect(due({ start: new Date('2025-10-08T16:30:00Z'), amount: 1, unit: 'WORKING_DAYS' })).toEqual(
        endOf('2025-10-10'),
      );
    });

    it('counts May Day 2025 with make-up Sunday 04-27', () => {
      expect(due(wd('2025-04-25T10:00', 5))).toEqual(endOf('2025-05-06'));
    });

    it('crosses the year boundary into New Year 2026 (01-01..01-03, make-up Sunday 01-04)', () => {
      const r = computeDue(cal, wd('2025-12-30T10:00', 2));
      expect(r.due).toEqual(endOf('2026-01-04'));
      expect(r.explanation.counted).toEqual(['2025-12-31', '2026-01-04']);
      expect(r.explanation.skipped.map((s) => s.reason)).toEqual(['HOLIDAY', 'HOLIDAY', 'HOLIDAY']);
    });

    it('counts make-up Saturday 2024-09-14 before Mid-Autumn 2024', () => {
      expect(due(wd('2024-09-13T10:00', 1))).toEqual(endOf('2024-09-14'));
      expect(due(wd('2024-09-13T10:00', 2))).toEqual(endOf('2024-09-18'));
    });

    it('skips an administrator holiday and counts an administrator working day', () => {
      const local = new WorkingCalendar(data, [{ date: '2025-03-10', kind: 'HOLIDAY', name: '地方假日' }]);
      const r = computeDue(local, wd('2025-03-07T10:00', 2));
      expect(r.due).toEqual(endOf('2025-03-12'));
      expect(r.explanation.skipped).toContainEqual({
        date: '2025-03-10',
        reason: 'OVERRIDE_HOLIDAY',
        name: '地方假日',
      });
      expect(r.explanation.calendarVersion).toBe(local.version);
      const saturday = new WorkingCalendar(data, [{ date: '2025-03-08', kind: 'WORKDAY', name: '地方补班' }]);
      expect(due(wd('2025-03-07T10:00', 1), saturday)).toEqual(endOf('2025-03-08'));
    });
  });

  describe('CALENDAR_DAYS', () => {
    it('rolls a period ending on National Day 2025 to the end of the first working day after (art. 45)', () => {
      const r = computeDue(cal, cd('2025-09-16T10:00', 15));
      expect(r.due).toEqual(endOf('2025-10-09'));
      expect(r.explanation.counted).toEqual(dateRange('2025-09-17', '2025-10-01'));
      expect(r.explanation.rolledOver).toEqual({
        from: '2025-10-01',
        to: '2025-10-09',
        reason: 'HOLIDAY',
        name: '国庆节',
      });
      expect(r.explanation.skipped.map((s) => s.date)).toEqual(dateRange('2025-10-02', '2025-10-08'));
    });

    it('rolls a period ending on a plain Saturday to Monday', () => {
      const r = computeDue(cal, cd('2025-03-07T10:00', 15));
      expect(r.due).toEqual(endOf('2025-03-24'));
      expect(r.explanation.rolledOver).toEqual({ from: '2025-03-22', to: '2025-03-24', reason: 'WEEKEND' });
    });

    it('does not roll a period ending on a make-up Saturday (2025-02-08)', () => {
      const r = computeDue(cal, cd('2025-02-01T10:00', 7));
      expect(r.due).toEqual(endOf('2025-02-08'));
      expect(r.explanation.rolledOver).toBeUndefined();
    });

    it('counts holidays inside the period as calendar days', () => {
      expect(due(cd('2025-01-27T10:00', 10))).toEqual(endOf('2025-02-06'));
    });

    it('rolls a 60-day mediation period ending on 端午 2026 (06-19..06-21) to Monday 06-22', () => {
      expect(due(cd('2026-04-20T10:00', 60))).toEqual(endOf('2026-06-22'));
    });
  });

  describe('HOURS', () => {
    it('counts 24 hours exactly, ignoring the calendar', () => {
      const r = computeDue(cal, { start: sh('2025-01-27T22:00'), amount: 24, unit: 'HOURS' });
      expect(r.due).toEqual(sh('2025-01-28T22:00'));
      expect(r.explanation).toMatchObject({ counted: [], skipped: [], pausedMs: 0 });
    });

    it('counts fractional hours to the millisecond', () => {
      expect(due({ start: sh('2025-01-27T22:00'), amount: 1.5, unit: 'HOURS' })).toEqual(sh('2025-01-27T23:30'));
    });
  });

  describe('outside the covered years', () => {
    const lastYear = data.years[data.years.length - 1];
    const lateDec = `${lastYear}-12-28T10:00`;

    it('throws for working days that run into an uncovered year in error mode', () => {
      expect(() => computeDue(cal, wd(lateDec, 10))).toThrow(CalendarOutOfRangeError);
    });

    it('counts weekends only, with a warning, in weekends-only mode', () => {
      const warnings: string[] = [];
      const lenient = new WorkingCalendar(data, [], {
        outOfRange: 'weekends-only',
        onWarning: (m) => warnings.push(m),
      });
      const r = computeDue(lenient, wd(lateDec, 10));
      expect(r.due).not.toBeNull();
      expect(r.explanation.skipped.some((s) => s.reason === 'OUT_OF_RANGE_WEEKEND')).toBe(true);
      expect(warnings).toHaveLength(1);
    });

    it('needs no calendar for hours', () => {
      expect(due({ start: sh(`${lastYear + 3}-05-01T10:00`), amount: 24, unit: 'HOURS' })).toEqual(
        sh(`${lastYear + 3}-05-02T10:00`),
      );
    });
  });

  it('rejects amounts that make no sense for the unit', () => {
    expect(() => computeDue(cal, wd('2025-03-07T10:00', 0))).toThrow(RangeError);
    expect(() => computeDue(cal, cd('2025-03-07T10:00', 1.5))).toThrow(RangeError);
    expect(() => computeDue(cal, { start: sh('2025-03-07T10:00'), amount: -1, unit: 'HOURS' })).toThrow(RangeError);
    expect(() => computeDue(cal, { start: new Date('x'), amount: 1, unit: 'HOURS' })).toThrow(RangeError);
  });
});

describe('provisional (暂定) counting into a year without an arrangement', () => {
  // The package covers up to 2026 (as on 2026-12-05); 2027 is counted Mon–Fri until its arrangement is imported.
  const open = new WorkingCalendar(data, [], { outOfRange: 'weekends-only' });

  it('marks a working-day clock that enters 2027 as provisional, naming the year', () => {
    const r = computeDue(open, wd('2026-12-28T10:00', 7));
    expect(r.due).toEqual(endOf('2027-01-06'));
    expect(r.explanation.provisional).toEqual({ years: [2027] });
  });

  it('leaves a clock counted wholly inside covered years unmarked', () => {
    const r = computeDue(open, wd('2026-12-01T10:00', 7));
    expect(r.explanation.provisional).toBeUndefined();
  });

  it('marks a calendar-day clock rolled over into 2027', () => {
    // 2026-12-31 + 2 calendar days = 2027-01-02, a Saturday: rolled to Monday 2027-01-04 (provisionally).
    const r = computeDue(open, cd('2026-12-31T10:00', 2));
    expect(r.explanation.provisional).toEqual({ years: [2027] });
  });

  it('is no longer provisional once the year is imported', () => {
    const y2027 = { ...data, years: [...data.years, 2027] };
    const r = computeDue(new WorkingCalendar(y2027), wd('2026-12-28T10:00', 7));
    expect(r.explanation.provisional).toBeUndefined();
  });
});
