import { rollupSource, splitPeriod } from './stat-query';

describe('splitPeriod: whole months from the monthly roll-up, the rest by day', () => {
  it.each([
    // a calendar year: twelve months, no days
    ['2026-01-01', '2026-12-31', { from: '2026-01-01', to: '2026-12-01' }, []],
    // one whole month (February of a common year ends on the 28th)
    ['2026-02-01', '2026-02-28', { from: '2026-02-01', to: '2026-02-01' }, []],
    // a leap year's February needs its 29th to be whole
    ['2028-02-01', '2028-02-28', null, [{ from: '2028-02-01', to: '2028-02-28' }]],
    ['2028-02-01', '2028-02-29', { from: '2028-02-01', to: '2028-02-01' }, []],
    // ragged both ends: the days before and after the whole months
    [
      '2025-12-06',
      '2026-12-05',
      { from: '2026-01-01', to: '2026-11-01' },
      [
        { from: '2025-12-06', to: '2025-12-31' },
        { from: '2026-12-01', to: '2026-12-05' },
      ],
    ],
    // inside one month, or across two without a whole one
    ['2026-03-10', '2026-03-20', null, [{ from: '2026-03-10', to: '2026-03-20' }]],
    ['2026-03-10', '2026-04-20', null, [{ from: '2026-03-10', to: '2026-04-20' }]],
    [
      '2026-03-31',
      '2026-05-01',
      { from: '2026-04-01', to: '2026-04-01' },
      [
        { from: '2026-03-31', to: '2026-03-31' },
        { from: '2026-05-01', to: '2026-05-01' },
      ],
    ],
    // one day
    ['2026-07-01', '2026-07-01', null, [{ from: '2026-07-01', to: '2026-07-01' }]],
  ])('%s … %s', (from, to, months, days) => {
    expect(splitPeriod(from, to)).toEqual({ months, days });
  });

  it('covers every day of random periods exactly once', () => {
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const base = Date.UTC(2025, 0, 1);
    for (let i = 0; i < 500; i++) {
      const a = base + Math.floor(Math.random() * 900) * 86_400_000;
      const b = a + Math.floor(Math.random() * 500) * 86_400_000;
      const { months, days } = splitPeriod(day(a), day(b));
      const seen = new Map<string, number>();
      const mark = (from: string, to: string) => {
        for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000)
          seen.set(day(t), (seen.get(day(t)) ?? 0) + 1);
      };
      for (const d of days) mark(d.from, d.to);
      if (months) {
        expect(months.from.endsWith('-01') && months.to.endsWith('-01')).toBe(true);
        const end = new Date(Date.parse(months.to));
        mark(months.from, day(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)));
      }
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect(seen.size).toBe((b - a) / 86_400_000 + 1);
      expect(Math.min(...[...seen.keys()].map(Date.parse))).toBe(a);
      expect(Math.max(...[...seen.keys()].map(Date.parse))).toBe(b);
    }
  });
});

describe('rollupSource', () => {
  it('reads whole months from stat_rollup_month and the edge days from stat_rollup_day, for the roots and metric', () => {
    const { sql, params } = rollupSource([3, 7], '2025-12-06', '2026-12-05', { metric: 'RECEIVED' });
    expect(sql.match(/FROM stat_rollup_month/g)).toHaveLength(1);
    expect(sql.match(/FROM stat_rollup_day/g)).toHaveLength(2);
    expect(params).toEqual([
      3,
      7,
      'RECEIVED',
      '2026-01-01',
      '2026-11-01',
      3,
      7,
      'RECEIVED',
      '2025-12-06',
      '2025-12-31',
      3,
      7,
      'RECEIVED',
      '2026-12-01',
      '2026-12-05',
    ]);
    expect(sql.split('?').length - 1).toBe(params.length);
  });

  it('reads every day of the period from stat_rollup_day for a trend by day', () => {
    const { sql, params } = rollupSource([3], '2025-12-06', '2026-12-05', { byDay: true });
    expect(sql).not.toContain('stat_rollup_month');
    expect(sql.match(/FROM stat_rollup_day/g)).toHaveLength(1);
    expect(params).toEqual([3, '2025-12-06', '2026-12-05']);
  });
});
