import { describe, expect, it } from 'vitest';
import { formatDuration } from '@/utils/format';
import { liveFirst, timeInUnit } from './deadline-display';

const H = 3_600_000;
const D = 24 * H;

describe('deadline display', () => {
  it('shows seconds only in the last day; multi-day counters in days and hours', () => {
    expect(formatDuration(-(1036 * D + 16 * H + 58 * 60_000 + 27_000))).toBe('1036天16小时');
    expect(formatDuration(3 * D)).toBe('3天');
    expect(formatDuration(5 * H + 4 * 60_000 + 3_000)).toBe('05:04:03');
  });

  it('states time left in the clock unit: working days still counted, calendar days, hours', () => {
    const explanation = JSON.stringify({ counted: ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08'] });
    expect(timeInUnit({ unit: 'WORKING_DAYS', explanation }, 4 * D, '2026-12-04')).toBe('3 个工作日');
    expect(timeInUnit({ unit: 'CALENDAR_DAYS', explanation: '{}' }, 9.5 * D, '2026-12-04')).toBe('10 日');
    expect(timeInUnit({ unit: 'HOURS', explanation: '{}' }, 30 * H, '2026-12-04')).toBe('30 小时');
    expect(timeInUnit({ unit: 'WORKING_DAYS', explanation }, 2 * H, '2026-12-08')).toBe('02:00:00');
  });

  it('puts running clocks first, finished ones after', () => {
    const rows = [
      { id: 'met', status: 'MET', dueAt: '2026-01-01T00:00:00Z', stoppedAt: '2026-01-01T00:00:00Z' },
      { id: 'late', status: 'RUNNING', dueAt: '2026-12-20T00:00:00Z', stoppedAt: null },
      { id: 'soon', status: 'RUNNING', dueAt: '2026-12-10T00:00:00Z', stoppedAt: null },
      { id: 'breachedOpen', status: 'BREACHED', dueAt: '2026-11-01T00:00:00Z', stoppedAt: null },
      { id: 'cancelled', status: 'CANCELLED', dueAt: null, stoppedAt: '2026-02-01T00:00:00Z' },
    ];
    expect(liveFirst(rows).map((r) => r.id)).toEqual(['breachedOpen', 'soon', 'late', 'met', 'cancelled']);
  });
});
