import { describe, expect, it } from 'vitest';
import { countdownOf, parseExplanation } from './deadline-display';

const NOW = Date.parse('2026-05-10T02:00:00.000Z');

describe('countdownOf', () => {
  it('counts down a running deadline to its dueAt, warning within a day', () => {
    expect(countdownOf({ status: 'RUNNING', dueAt: '2026-05-12T02:00:00.000Z', remainingMs: 0 }, NOW)).toEqual({
      tone: 'normal',
      key: 'case.deadline.remaining',
      ms: 2 * 86400_000,
    });
    expect(countdownOf({ status: 'RUNNING', dueAt: '2026-05-10T03:00:00.000Z', remainingMs: 0 }, NOW).tone).toBe(
      'warning',
    );
  });

  it('is red (danger) once past the deadline', () => {
    const c = countdownOf({ status: 'RUNNING', dueAt: '2026-05-10T01:00:00.000Z', remainingMs: null }, NOW);
    expect(c).toEqual({ tone: 'danger', key: 'case.deadline.overdueBy', ms: -3600_000 });
  });

  it('shows 暂停 with the frozen remaining time while paused', () => {
    expect(countdownOf({ status: 'PAUSED', dueAt: null, remainingMs: 5000 }, NOW)).toEqual({
      tone: 'paused',
      key: 'case.deadline.pausedRemaining',
      ms: 5000,
    });
    expect(countdownOf({ status: 'PAUSED', dueAt: null, remainingMs: null }, NOW).key).toBe('case.deadline.paused');
  });

  it('says how a finished deadline ended', () => {
    expect(countdownOf({ status: 'MET', dueAt: null, remainingMs: null }, NOW).key).toBe('case.deadline.met');
    expect(countdownOf({ status: 'CANCELLED', dueAt: null, remainingMs: null }, NOW).key).toBe(
      'case.deadline.cancelled',
    );
  });
});

describe('parseExplanation', () => {
  it('reads the counted and skipped days and tolerates bad JSON', () => {
    const view = parseExplanation(
      JSON.stringify({
        rule: 'COMPLAINT_CONCLUDE v1',
        trigger: { instant: '2026-05-01T01:00:00.000Z' },
        counted: ['2026-05-06'],
        skipped: [{ date: '2026-05-02', reason: 'HOLIDAY', name: '劳动节' }],
        pausedMs: 0,
      }),
    );
    expect(view.rule).toBe('COMPLAINT_CONCLUDE v1');
    expect(view.counted).toEqual(['2026-05-06']);
    expect(view.skipped[0]?.name).toBe('劳动节');
    expect(parseExplanation('not json').raw).toBe('not json');
  });
});
