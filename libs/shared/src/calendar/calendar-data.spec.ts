import { calendarDataFromChineseDays, chineseDaysCalendarData } from './calendar-data';
import { dateRange, isWeekend } from './shanghai-time';

describe('chineseDaysCalendarData', () => {
  const data = chineseDaysCalendarData();

  it('names its source package and version', () => {
    expect(data.version).toMatch(/^chinese-days@\d+\.\d+\.\d+/);
  });

  it('covers 2024 through 2026 without gaps', () => {
    expect(data.years).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    const [first, last] = [data.years[0], data.years[data.years.length - 1]];
    expect(data.years).toEqual(Array.from({ length: last - first + 1 }, (_, i) => first + i));
  });

  it('has Spring Festival 2025 as 01-28..02-04 with make-up days 01-26 (Sun) and 02-08 (Sat)', () => {
    for (const d of dateRange('2025-01-28', '2025-02-04')) expect(data.holidays[d]).toBe('春节');
    expect(data.holidays['2025-01-27']).toBeUndefined();
    expect(data.holidays['2025-02-05']).toBeUndefined();
    expect(data.makeupWorkdays['2025-01-26']).toBe('春节');
    expect(data.makeupWorkdays['2025-02-08']).toBe('春节');
  });

  it('has National Day + Mid-Autumn 2025 as 10-01..10-08 with make-up days 09-28 and 10-11', () => {
    for (const d of dateRange('2025-10-01', '2025-10-08')) expect(data.holidays[d]).toBeDefined();
    expect(data.holidays['2025-10-06']).toBe('中秋');
    expect(data.holidays['2025-10-09']).toBeUndefined();
    expect(Object.keys(data.makeupWorkdays).filter((d) => d.startsWith('2025-09') || d.startsWith('2025-10'))).toEqual([
      '2025-09-28',
      '2025-10-11',
    ]);
  });

  it('has the 2026 arrangement (国办发明电 of Nov 2025)', () => {
    for (const d of dateRange('2026-01-01', '2026-01-03')) expect(data.holidays[d]).toBe('元旦');
    for (const d of dateRange('2026-02-15', '2026-02-23')) expect(data.holidays[d]).toBe('春节');
    for (const d of dateRange('2026-10-01', '2026-10-07')) expect(data.holidays[d]).toBe('国庆节');
    const makeup2026 = Object.keys(data.makeupWorkdays)
      .filter((d) => d.startsWith('2026-'))
      .sort();
    expect(makeup2026).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  it('has the 2024 make-up Saturday 09-14 before Mid-Autumn 09-15..09-17', () => {
    expect(data.makeupWorkdays['2024-09-14']).toBe('中秋');
    for (const d of dateRange('2024-09-15', '2024-09-17')) expect(data.holidays[d]).toBe('中秋');
  });

  it('only has make-up working days on weekends, never on a holiday', () => {
    for (const d of Object.keys(data.makeupWorkdays)) {
      expect([d, isWeekend(d)]).toEqual([d, true]);
      expect(data.holidays[d]).toBeUndefined();
    }
  });
});

describe(calendarDataFromChineseDays.name, () => {
  it('keeps the Chinese name and derives the covered years from the holidays', () => {
    const data = calendarDataFromChineseDays(
      { holidays: { '2030-01-01': "New Year's Day,元旦,1" }, workdays: { '2029-12-29': 'odd value' } },
      'test@1',
    );
    expect(data).toEqual({
      version: 'test@1',
      years: [2030],
      holidays: { '2030-01-01': '元旦' },
      makeupWorkdays: { '2029-12-29': 'odd value' },
    });
  });

  it('rejects a malformed date key', () => {
    expect(() => calendarDataFromChineseDays({ holidays: { '2030-02-30': 'x,y,1' }, workdays: {} }, 't')).toThrow(
      /invalid date key 2030-02-30/,
    );
  });
});
