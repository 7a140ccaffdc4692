import { withArrangements } from './arrangement-import';
import { chineseDaysCalendarData } from './calendar-data';
import { CalendarOutOfRangeError, WorkingCalendar } from './working-calendar';

const data = chineseDaysCalendarData();
const lastYear = data.years[data.years.length - 1];

describe(WorkingCalendar.name, () => {
  const cal = new WorkingCalendar(data);

  it('counts make-up Sunday 2025-01-26 and Saturday 2025-02-08 as working days (春节调休)', () => {
    expect(cal.dayInfo('2025-01-26')).toEqual({
      date: '2025-01-26',
      working: true,
      reason: 'MAKEUP_WORKDAY',
      name: '春节',
    });
    expect(cal.dayInfo('2025-02-08')).toEqual({
      date: '2025-02-08',
      working: true,
      reason: 'MAKEUP_WORKDAY',
      name: '春节',
    });
    expect(cal.isWorkingDay('2024-09-14')).toBe(true); // Saturday before 中秋 2024
  });

  it('treats weekday holidays and holidays on a weekend as holidays', () => {
    expect(cal.dayInfo('2025-01-28')).toEqual({ date: '2025-01-28', working: false, reason: 'HOLIDAY', name: '春节' });
    expect(cal.dayInfo('2026-01-03')).toEqual({ date: '2026-01-03', working: false, reason: 'HOLIDAY', name: '元旦' });
    expect(cal.dayInfo('2025-10-08')).toMatchObject({ working: false, reason: 'HOLIDAY' });
  });

  it('works each day out once per calendar: the same answer again, another calendar its own, bad dates always refused', () => {
    const first = cal.dayInfo('2025-03-10');
    expect(cal.dayInfo('2025-03-10')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    const withOverride = new WorkingCalendar(data, [{ date: '2025-03-10', kind: 'HOLIDAY', name: '本地停工' }]);
    expect(withOverride.dayInfo('2025-03-10')).toEqual({
      date: '2025-03-10',
      working: false,
      reason: 'OVERRIDE_HOLIDAY',
      name: '本地停工',
    });
    expect(cal.dayInfo('2025-03-10').working).toBe(true);
    expect(() => cal.dayInfo('2025-02-30')).toThrow(RangeError);
    expect(() => cal.dayInfo('2025-02-30')).toThrow(RangeError);
  });

  it('tells ordinary weekdays from ordinary weekends', () => {
    expect(cal.dayInfo('2025-03-07')).toEqual({ date: '2025-03-07', working: true, reason: 'WORKDAY' });
    expect(cal.dayInfo('2025-03-08')).toEqual({ date: '2025-03-08', working: false, reason: 'WEEKEND' });
  });

  it('finds the next working day across the 2025 National Day break and a make-up Saturday', () => {
    expect(cal.nextWorkingDay('2025-09-27')).toBe('2025-09-28'); // Sunday 调休上班
    expect(cal.nextWorkingDay('2025-09-30')).toBe('2025-10-09');
    expect(cal.nextWorkingDay('2025-10-10')).toBe('2025-10-11'); // Saturday 调休上班
    expect(cal.nextWorkingDay('2025-10-11')).toBe('2025-10-13');
  });

  it('finds the next working day across Spring Festival 2026 and New Year 2026', () => {
    expect(cal.nextWorkingDay('2026-02-13')).toBe('2026-02-14');
    expect(cal.nextWorkingDay('2026-02-14')).toBe('2026-02-24');
    expect(cal.nextWorkingDay('2025-12-31')).toBe('2026-01-04');
  });

  it('reports its coverage', () => {
    expect(cal.coverage()).toEqual({ firstYear: data.years[0], lastYear });
    expect(cal.covers('2026-06-01')).toBe(true);
    expect(cal.covers(`${lastYear + 1}-01-01`)).toBe(false);
  });

  describe('administrator overrides', () => {
    const withLocal = new WorkingCalendar(data, [
      { date: '2025-03-10', kind: 'HOLIDAY', name: '地方假日' },
      { date: '2025-03-08', kind: 'WORKDAY', name: '地方补班' },
      { date: '2025-10-08', kind: 'WORKDAY', name: '提前上班' },
    ]);

    it('wins over the base data in both directions', () => {
      expect(withLocal.dayInfo('2025-03-10')).toEqual({
        date: '2025-03-10',
        working: false,
        reason: 'OVERRIDE_HOLIDAY',
        name: '地方假日',
      });
      expect(withLocal.dayInfo('2025-03-08')).toMatchObject({ working: true, reason: 'OVERRIDE_WORKDAY' });
      expect(withLocal.dayInfo('2025-10-08')).toMatchObject({
        working: true,
        reason: 'OVERRIDE_WORKDAY',
        name: '提前上班',
      });
      expect(withLocal.nextWorkingDay('2025-09-30')).toBe('2025-10-08');
    });

    it('changes the version with the overrides, independent of their order', () => {
      expect(cal.version).toBe(data.version);
      expect(withLocal.version).toMatch(
        new RegExp(`^${data.version.replace(/[.+]/g, '\\$&')}\\+overrides#[0-9a-f]{8}$`),
      );
      const reordered = new WorkingCalendar(data, [
        { date: '2025-10-08', kind: 'WORKDAY', name: '提前上班' },
        { date: '2025-03-08', kind: 'WORKDAY', name: '地方补班' },
        { date: '2025-03-10', kind: 'HOLIDAY', name: '地方假日' },
      ]);
      expect(reordered.version).toBe(withLocal.version);
      expect(new WorkingCalendar(data, [{ date: '2025-03-10', kind: 'HOLIDAY', name: 'x' }]).version).not.toBe(
        withLocal.version,
      );
    });

    it('rejects two overrides for one date and malformed dates', () => {
      const twice = [
        { date: '2025-03-10', kind: 'HOLIDAY' as const, name: 'a' },
        { date: '2025-03-10', kind: 'WORKDAY' as const, name: 'b' },
      ];
      expect(() => new WorkingCalendar(data, twice)).toThrow(/Two overrides for 2025-03-10/);
      expect(() => new WorkingCalendar(data, [{ date: '2025-3-10', kind: 'HOLIDAY', name: 'a' }])).toThrow(RangeError);
    });
  });

  describe('outside the covered years', () => {
    const beyond = `${lastYear + 1}-01-04`;

    it('throws CalendarOutOfRangeError in error mode (the default)', () => {
      expect(() => cal.isWorkingDay(beyond)).toThrow(CalendarOutOfRangeError);
      expect(() => cal.isWorkingDay(`${data.years[0] - 1}-06-01`)).toThrow(CalendarOutOfRangeError);
      const thrown = (() => {
        try {
          cal.dayInfo(beyond);
        } catch (e) {
          return e;
        }
      })();
      expect(thrown).toMatchObject({ code: 'CALENDAR_OUT_OF_RANGE', date: beyond, coverage: { lastYear } });
    });

    it('falls back to weekends only and warns once per year in weekends-only mode', () => {
      const warnings: string[] = [];
      const lenient = new WorkingCalendar(data, [], {
        outOfRange: 'weekends-only',
        onWarning: (m) => warnings.push(m),
      });
      expect(lenient.dayInfo('2027-01-01')).toEqual({
        date: '2027-01-01',
        working: true,
        reason: 'OUT_OF_RANGE_WORKDAY',
      });
      expect(lenient.dayInfo('2027-01-02')).toEqual({
        date: '2027-01-02',
        working: false,
        reason: 'OUT_OF_RANGE_WEEKEND',
      });
      expect(lenient.isWorkingDay('2027-01-04')).toBe(true);
      expect(lenient.isWorkingDay('2026-10-01')).toBe(false); // covered years are unaffected
      const expected = lastYear >= 2027 ? 0 : 1;
      expect(warnings).toHaveLength(expected);
      if (expected) expect(warnings[0]).toContain('2027');
    });

    it('still honours an override on an uncovered date', () => {
      const c = new WorkingCalendar(data, [{ date: `${lastYear + 1}-01-01`, kind: 'HOLIDAY', name: '元旦' }]);
      expect(c.dayInfo(`${lastYear + 1}-01-01`)).toMatchObject({ working: false, reason: 'OVERRIDE_HOLIDAY' });
    });
  });

  describe('coverageWarning', () => {
    // A fixed data set ending in 2026, so the dates below keep their meaning after a package update.
    const data2026 = { ...data, years: data.years.filter((y) => y <= 2026) };
    const to2026 = new WorkingCalendar(data2026);

    it('warns from 1 November (Shanghai) of the last covered year with the default 2 months', () => {
      expect(to2026.coverageWarning(new Date('2026-10-31T23:59:59+08:00'))).toBeNull();
      expect(to2026.coverageWarning(new Date('2026-10-31T16:00:00Z'))).toContain('2027'); // 11-01 00:00 Shanghai
      expect(to2026.coverageWarning(new Date('2026-11-23T10:00:00+08:00'))).toContain('2027-01-01');
    });

    it('warns earlier with a longer horizon and says so urgently once the year has begun', () => {
      expect(to2026.coverageWarning(new Date('2026-10-01T10:00:00+08:00'), 3)).not.toBeNull();
      expect(to2026.coverageWarning(new Date('2026-06-01T10:00:00+08:00'))).toBeNull();
      expect(to2026.coverageWarning(new Date('2027-01-05T10:00:00+08:00'))).toContain('缺少 2027');
    });

    it('stops warning once next year is imported', () => {
      const imported = withArrangements(data2026, [
        { year: 2027, days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }] },
      ]);
      expect(new WorkingCalendar(imported).coverageWarning(new Date('2026-11-23T10:00:00+08:00'))).toBeNull();
    });
  });
});
