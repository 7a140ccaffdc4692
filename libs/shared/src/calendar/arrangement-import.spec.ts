import { parseArrangementImport, withArrangements } from './arrangement-import';
import type { CalendarData } from './calendar-data';
import { WorkingCalendar } from './working-calendar';

// An illustrative import, not the real 2030 arrangement.
const sample = {
  year: 2030,
  source: '示例通知',
  days: [
    { date: '2030-01-01', kind: 'HOLIDAY', name: '元旦' },
    { date: '2030-02-02', kind: 'HOLIDAY', name: '春节' },
    { date: '2030-02-03', kind: 'HOLIDAY', name: ' 春节 ' },
    { date: '2030-01-26', kind: 'WORKDAY', name: '春节' }, // a Saturday
  ],
};

const base: CalendarData = {
  version: 'base@1',
  years: [2029],
  holidays: { '2029-01-01': '元旦' },
  makeupWorkdays: {},
};

describe(parseArrangementImport.name, () => {
  it('accepts a year object as JSON text, trims names and sorts the days', () => {
    const r = parseArrangementImport(JSON.stringify(sample));
    expect(r).toEqual({
      ok: true,
      arrangement: {
        year: 2030,
        source: '示例通知',
        days: [
          { date: '2030-01-01', kind: 'HOLIDAY', name: '元旦' },
          { date: '2030-01-26', kind: 'WORKDAY', name: '春节' },
          { date: '2030-02-02', kind: 'HOLIDAY', name: '春节' },
          { date: '2030-02-03', kind: 'HOLIDAY', name: '春节' },
        ],
      },
    });
  });

  it('accepts a bare array of days and takes the year from the dates', () => {
    const r = parseArrangementImport(sample.days);
    expect(r.ok && r.arrangement.year).toBe(2030);
  });

  it('accepts a New Year holiday placed in the previous December', () => {
    const r = parseArrangementImport({ year: 2030, days: [{ date: '2029-12-31', kind: 'HOLIDAY', name: '元旦' }] });
    expect(r.ok).toBe(true);
  });

  it('reports every problem at once when the entries are wrong', () => {
    const r = parseArrangementImport({
      year: 2030,
      days: [
        { date: '2030-02-30', kind: 'HOLIDAY', name: '春节' },
        { date: '2030-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2030-01-01', kind: 'HOLIDAY', name: '元旦' },
        { date: '2030-01-02', kind: 'WORKDAY', name: '补班' }, // a Wednesday
        { date: '2030-05-01', kind: 'DAY_OFF', name: '劳动节' },
        { date: '2030-05-02', kind: 'HOLIDAY', name: '' },
        { date: '2031-06-01', kind: 'HOLIDAY', name: '端午' },
        'nope',
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toEqual([
      'days[0]: date must be a real date YYYY-MM-DD, got "2030-02-30"',
      'days[2]: 2030-01-01 appears twice',
      'days[3]: 2030-01-02 is a weekday; a WORKDAY (调休上班) entry must be a Saturday or Sunday',
      'days[4]: kind must be HOLIDAY or WORKDAY, got "DAY_OFF"',
      'days[5]: name must be a non-empty string of at most 40 characters',
      'days[6]: 2031-06-01 is not in 2030',
      'days[7]: expected { date, kind, name }',
    ]);
  });

  it('rejects bad JSON, a missing year, empty days and a list without holidays', () => {
    expect(parseArrangementImport('{').ok).toBe(false);
    expect(parseArrangementImport({ days: sample.days })).toMatchObject({
      ok: false,
      errors: [expect.stringMatching(/^year/)],
    });
    expect(parseArrangementImport({ year: 2030, days: [] })).toMatchObject({ ok: false });
    expect(parseArrangementImport({ year: 2030, days: [{ date: '2030-01-26', kind: 'WORKDAY', name: 'x' }] })).toEqual({
      ok: false,
      errors: ['days has no HOLIDAY'],
    });
    expect(parseArrangementImport(42)).toMatchObject({ ok: false });
  });
});

describe(withArrangements.name, () => {
  const parsed = parseArrangementImport(sample);
  if (!parsed.ok) throw new Error('sample must parse');

  it('adds the imported year to the coverage and records it in the version', () => {
    const data = withArrangements(base, [parsed.arrangement]);
    expect(data.years).toEqual([2029, 2030]);
    expect(data.version).toMatch(/^base@1\+import:2030#[0-9a-f]{8}$/);
    const cal = new WorkingCalendar(data);
    expect(cal.dayInfo('2030-01-26')).toEqual({
      date: '2030-01-26',
      working: true,
      reason: 'MAKEUP_WORKDAY',
      name: '春节',
    });
    expect(cal.dayInfo('2030-02-01')).toEqual({ date: '2030-02-01', working: true, reason: 'WORKDAY' });
    expect(cal.dayInfo('2030-02-02')).toMatchObject({ working: false, reason: 'HOLIDAY', name: '春节' });
    expect(base.years).toEqual([2029]); // base untouched
  });

  it("replaces a covered year's base entries entirely", () => {
    const data = withArrangements(base, [
      { year: 2029, days: [{ date: '2029-10-01', kind: 'HOLIDAY', name: '国庆节' }] },
    ]);
    expect(data.holidays).toEqual({ '2029-10-01': '国庆节' });
  });

  it('rejects two imports of the same year', () => {
    expect(() => withArrangements(base, [parsed.arrangement, parsed.arrangement])).toThrow(
      /Two arrangement imports for 2030/,
    );
  });
});
