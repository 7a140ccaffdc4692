import { describe, expect, it } from 'vitest';
import { drillFromQuery, drillRoute } from './drill-route';
import { formatKpi, kpiDelta, metricLabel, type KpiDef } from './kpi-format';
import { presetRange } from './use-period';

const rate = { type: 'RATE' } as const;
const count = { type: 'COUNT' } as const;
const amount = { type: 'AMOUNT' } as const;
const v = (value: number | null, numerator = 0, denominator: number | null = null) => ({
  code: 'X',
  value,
  numerator,
  denominator,
});

describe('statistics formatting', () => {
  it('rates in %, counts whole, amounts in 万元, no denominator as —', () => {
    expect(formatKpi(rate, v(0.2934, 55, 188))).toBe('29.3%');
    expect(formatKpi(rate, v(null, 0, 0))).toBe('—');
    expect(formatKpi(count, v(12345))).toBe('12,345');
    expect(formatKpi(amount, v(452_700))).toBe('45.27 万元');
  });

  it('环比/同比: rates in percentage points, counts as relative change, nothing to compare → null', () => {
    expect(kpiDelta(rate, v(0.8), v(0.75))).toBeCloseTo(5);
    expect(kpiDelta(count, v(150), v(100))).toBeCloseTo(50);
    expect(kpiDelta(count, v(3), v(0))).toBeNull();
    expect(kpiDelta(rate, v(0.5), v(null))).toBeNull();
  });

  it('names a metric from the dictionary, a clock by its rule', () => {
    const defs = [
      {
        numerator: 'ONTIME:STAT_ACCEPT',
        numeratorLabel: '按时初查件数',
        denominator: 'DUE:STAT_ACCEPT',
        denominatorLabel: '应初查件数',
      },
    ] as KpiDef[];
    expect(metricLabel('DUE:STAT_ACCEPT', defs)).toBe('应初查件数');
    expect(metricLabel('ONTIME:CALLBACK', defs)).toBe('按时办理（非工作时间录音24小时内回拨）');
    expect(metricLabel('NOPE', defs)).toBe('统计项');
  });

  it('periods end today at the latest; last month is whole', () => {
    expect(presetRange('month', '2026-12-05')).toEqual(['2026-12-01', '2026-12-05']);
    expect(presetRange('lastMonth', '2026-03-15')).toEqual(['2026-02-01', '2026-02-28']);
    expect(presetRange('quarter', '2026-11-20')).toEqual(['2026-10-01', '2026-11-20']);
    expect(presetRange('lastMonth', '2026-01-10')).toEqual(['2025-12-01', '2025-12-31']);
    expect(presetRange('year', '2026-12-05')).toEqual(['2026-01-01', '2026-12-05']);
  });

  it('the drill-down filter survives the URL, a blank dimension value included', () => {
    const target = { metric: 'RECEIVED', from: '2026-01-01', to: '2026-03-31', unitId: '7', category: '' };
    const route = drillRoute(target) as { query: Record<string, string> };
    expect(drillFromQuery({ ...route.query, evil: 'x' })).toEqual(target);
    expect((drillRoute({ ...target, unitId: '' }) as { query: object }).query).not.toHaveProperty('unitId');
    expect(drillFromQuery({ metric: 'RECEIVED' })).toBeNull();
  });
});
