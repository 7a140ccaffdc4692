import type { CaseEntity } from '../entities/case.entity';

/**
 * The progress fields of a case that has just been registered (a new request or a new round):
 * no handler, no dispatch, no decision, no outcome, no follow-up, no deadline.
 */
export const FRESH_CASE_PROGRESS = {
  handlerId: null,
  repeatOfId: null,
  mergedIntoId: null,
  missingItems: null,
  materialsRequestCount: 0,
  rejectGround: null,
  referralAuthority: null,
  referralPhone: null,
  filed: null,
  dispatchTargetType: null,
  dispatchMode: null,
  dispatchWorkroom: null,
  externalAgencyId: null,
  assignedUnitId: null,
  suspendReason: null,
  pendingExtension: false,
  pendingSuspension: false,
  extensionGranted: false,
  outcome: null,
  terminationGround: null,
  agreementText: null,
  amountRecovered: null,
  concludedAt: null,
  replyContent: null,
  repliedAt: null,
  followUpAttempts: 0,
  followUpDone: false,
  satisfaction: null,
  nextRoundId: null,
  overdue: false,
  dueAt: null,
  archivedAt: null,
} satisfies Partial<CaseEntity>;
