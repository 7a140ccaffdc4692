import { describe, expect, it } from 'vitest';
import { litigationRequires, nextLitigationStatuses } from './litigation-status';

describe('litigation support steps', () => {
  it('moves forward only, and can close at any step', () => {
    expect(nextLitigationStatuses('REQUESTED')).toEqual(['REQUESTED', 'DOCUMENTS_PREPARED', 'FILED', 'CLOSED']);
    expect(nextLitigationStatuses('FILED')).toEqual(['FILED', 'CLOSED']);
    expect(nextLitigationStatuses('CLOSED')).toEqual(['CLOSED']);
  });

  it('requires the court when filing and the outcome when closing', () => {
    expect(litigationRequires('FILED')).toEqual({ court: true, outcome: false });
    expect(litigationRequires('CLOSED')).toEqual({ court: false, outcome: true });
    expect(litigationRequires('DOCUMENTS_PREPARED')).toEqual({ court: false, outcome: false });
  });
});
