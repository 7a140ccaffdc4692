import type { CourtReferralStatus, CourtReferralType } from '@/graphql/generated/graphql';

// Where a court referral may go next (as the API allows): the court accepts, rejects or it is
// withdrawn; once accepted, 诉前调解 ends mediated and 司法确认 ends confirmed.
const NEXT: Readonly<Record<CourtReferralStatus, readonly CourtReferralStatus[]>> = {
  SENT: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['MEDIATED', 'CONFIRMED', 'REJECTED', 'WITHDRAWN'],
  MEDIATED: [],
  CONFIRMED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** The statuses a referral of `type` in `status` may be set to next (not including itself). */
export function nextReferralStatuses(type: CourtReferralType, status: CourtReferralStatus): CourtReferralStatus[] {
  return NEXT[status].filter((s) =>
    s === 'MEDIATED' ? type === 'PRE_SUIT_MEDIATION' : s === 'CONFIRMED' ? type === 'JUDICIAL_CONFIRMATION' : true,
  );
}

/** Ends the court's part (no way back): asked to confirm. */
export function isFinalReferralStatus(status: CourtReferralStatus): boolean {
  return NEXT[status].length === 0;
}
