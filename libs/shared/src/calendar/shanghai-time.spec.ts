import {
  addDays,
  addMonths,
  chineseDate,
  dateRange,
  dayOfWeek,
  endOfShanghaiDay,
  isIsoDate,
  startOfShanghaiDay,
  toShanghaiDate,
} from './shanghai-time';

describe('shanghai-time', () => {
  it('gives the Shanghai date when the UTC date is still the day before', () => {
    // 00:30 on 2025-01-28 in Shanghai is 16:30 UTC on 2025-01-27.
    expect(toShanghaiDate(new Date('2025-01-27T16:30:00Z'))).toBe('2025-01-28');
    expect(toShanghaiDate(new Date('2025-01-27T15:59:59.999Z'))).toBe('2025-01-27');
    expect(toShanghaiDate(new Date('2025-09-30T23:30:00+08:00'))).toBe('2025-09-30');
  });

  it('puts the end of a day at 23:59:59.999 +08:00 and its start at 00:00 +08:00', () => {
    expect(endOfShanghaiDay('2025-01-27').toISOString()).toBe('2025-01-27T15:59:59.999Z');
    expect(startOfShanghaiDay('2025-01-28').toISOString()).toBe('2025-01-27T16:00:00.000Z');
    expect(endOfShanghaiDay('2025-12-31').getTime() + 1).toBe(startOfShanghaiDay('2026-01-01').getTime());
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    // the remembered next days answer the same the second time, and bad dates still throw
    expect([addDays('2024-02-28', 1), addDays('2024-02-29', 1), addDays('2025-12-31', 1)]).toEqual([
      '2024-02-29',
      '2024-03-01',
      '2026-01-01',
    ]);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('clamps the day when adding months to a shorter month', () => {
    expect(addMonths('2026-10-31', 2)).toBe('2026-12-31');
    expect(addMonths('2026-11-01', 2)).toBe('2027-01-01');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('knows the weekday of a date regardless of the host time zone', () => {
    expect(dayOfWeek('2025-01-26')).toBe(0); // Sunday, 调休上班
    expect(dayOfWeek('2025-02-08')).toBe(6); // Saturday, 调休上班
    expect(dateRange('2025-09-30', '2025-10-02')).toEqual(['2025-09-30', '2025-10-01', '2025-10-02']);
  });

  it('rejects impossible dates', () => {
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-1-5')).toBe(false);
    expect(() => addDays('2025-13-01', 1)).toThrow(RangeError);
  });
});

describe('chineseDate', () => {
  it('writes an instant by its Shanghai date and a calendar date as it is, without leading zeros', () => {
    expect(chineseDate(new Date('2026-03-04T16:30:00Z'))).toBe('2026年3月5日');
    expect(chineseDate('2026-12-05')).toBe('2026年12月5日');
    expect(chineseDate(null)).toBe('');
  });
});
