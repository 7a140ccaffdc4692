import type { LitigationStatus } from '@/graphql/generated/graphql';

/** 已申请 → 诉讼材料已准备 → 已立案起诉 → 已结束: forward only (closing is possible at any step). */
export const LITIGATION_STATUSES: readonly LitigationStatus[] = ['REQUESTED', 'DOCUMENTS_PREPARED', 'FILED', 'CLOSED'];

/** The statuses a support in `current` may be set to (itself included), as the API allows. */
export function nextLitigationStatuses(current: LitigationStatus): LitigationStatus[] {
  const at = LITIGATION_STATUSES.indexOf(current);
  return current === 'CLOSED' ? ['CLOSED'] : LITIGATION_STATUSES.slice(at);
}

/** What the form must hold for a status: the court when filing, the outcome when closing. */
export function litigationRequires(status: LitigationStatus): { court: boolean; outcome: boolean } {
  return { court: status === 'FILED', outcome: status === 'CLOSED' };
}
