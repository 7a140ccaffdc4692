import { describe, expect, it } from 'vitest';
import { compactDuration, timeLeftOf } from './time-left';

const H = 3_600_000;

describe('timeLeftOf', () => {
  it('classifies overdue, urgent (< 1 day), soon (< 3 days), normal and no limit', () => {
    expect(timeLeftOf(-2 * H)).toEqual({ level: 'overdue', duration: '2小时' });
    expect(timeLeftOf(5 * H + 12 * 60_000)).toEqual({ level: 'urgent', duration: '5小时12分' });
    expect(timeLeftOf(50 * H)).toEqual({ level: 'soon', duration: '2天2小时' });
    expect(timeLeftOf(96 * H)).toEqual({ level: 'normal', duration: '4天' });
    expect(timeLeftOf(null)).toEqual({ level: 'none', duration: '' });
  });

  it('trusts the API overdue flag even with time left or no limit', () => {
    expect(timeLeftOf(10 * H, true).level).toBe('overdue');
    expect(timeLeftOf(undefined, true)).toEqual({ level: 'overdue', duration: '' });
  });

  it('says 不足1分 under a minute', () => {
    expect(compactDuration(30_000)).toBe('不足1分');
    expect(compactDuration(-45 * 60_000)).toBe('45分');
  });
});
