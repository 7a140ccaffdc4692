import { describe, expect, it } from 'vitest';
import { LEGAL_QUEUE_SORTS, LINK_QUEUE_SORTS, MEDIATION_QUEUE_SORTS, queueSortFor, tableSortOf } from './queue-sort';

describe('queueSortFor', () => {
  it('maps the 剩余时间 header to each API sort, both directions where the API has them', () => {
    expect(queueSortFor(LEGAL_QUEUE_SORTS, { prop: 'timeLeft', order: 'ascending' }, 'TIME_LEFT_ASC')).toBe(
      'TIME_LEFT_ASC',
    );
    expect(queueSortFor(LEGAL_QUEUE_SORTS, { prop: 'timeLeft', order: 'descending' }, 'TIME_LEFT_ASC')).toBe(
      'TIME_LEFT_DESC',
    );
    expect(queueSortFor(MEDIATION_QUEUE_SORTS, { prop: 'timeLeft', order: 'ascending' }, 'RECEIVED')).toBe('TIME_LEFT');
    expect(queueSortFor(LINK_QUEUE_SORTS, { prop: 'since', order: 'descending' }, 'TIME_LEFT')).toBe('NEWEST');
  });

  it('uses the column’s other direction when the API sorts one way only, and the fallback when cleared', () => {
    expect(queueSortFor(MEDIATION_QUEUE_SORTS, { prop: 'receivedAt', order: 'descending' }, 'TIME_LEFT')).toBe(
      'RECEIVED',
    );
    expect(queueSortFor(MEDIATION_QUEUE_SORTS, { prop: 'receivedAt', order: null }, 'TIME_LEFT')).toBe('TIME_LEFT');
    expect(queueSortFor(LEGAL_QUEUE_SORTS, { prop: 'unknown', order: 'ascending' }, 'OLDEST_FIRST')).toBe(
      'OLDEST_FIRST',
    );
  });

  it('shows the arrow of the current server sort', () => {
    expect(tableSortOf(LEGAL_QUEUE_SORTS, 'TIME_LEFT_DESC')).toEqual({ prop: 'timeLeft', order: 'descending' });
    expect(tableSortOf(LINK_QUEUE_SORTS, 'NEWEST')).toEqual({ prop: 'since', order: 'descending' });
  });
});
