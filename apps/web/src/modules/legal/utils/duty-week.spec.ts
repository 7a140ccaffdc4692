import { describe, expect, it } from 'vitest';
import { addDays, dayLabel, mondayOf, rosterGrid, weekDates } from './duty-week';

describe('duty week', () => {
  it('finds the Monday of a week, Sunday included, across month and year ends', () => {
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it('labels days in Chinese and files duties by shift and date', () => {
    expect(dayLabel('2026-11-29')).toBe('11/29 周日');
    const days = weekDates('2026-11-23');
    const grid = rosterGrid(
      [
        { id: '1', date: '2026-11-23', shift: 'MORNING' as const },
        { id: '2', date: '2026-11-23', shift: 'MORNING' as const },
        { id: '3', date: '2026-11-25', shift: 'EVENING' as const },
        { id: '4', date: '2026-12-01', shift: 'EVENING' as const },
      ],
      days,
    );
    expect(grid.MORNING['2026-11-23']!.map((d) => d.id)).toEqual(['1', '2']);
    expect(grid.EVENING['2026-11-25']!.map((d) => d.id)).toEqual(['3']);
    expect(grid.FULL_DAY['2026-11-24']).toEqual([]);
  });
});
