import type { CaseRowFragment, CaseState } from '@/graphql/generated/graphql';

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

const STATE_TAG: Record<CaseState, TagType> = {
  REGISTERED: 'warning',
  MATERIALS_PENDING: 'warning',
  ACCEPTED: 'primary',
  REJECTED: 'info',
  FILED: 'primary',
  NOT_FILED: 'info',
  DISPATCHED: 'warning',
  RETURNED: 'danger',
  IN_PROGRESS: 'primary',
  SUSPENDED: 'info',
  CONCLUDED: 'success',
  REPLIED: 'success',
  FOLLOWED_UP: 'success',
  CLOSED: 'info',
  ARCHIVED: 'info',
};

/** el-tag type for a case state. */
export function stateTagType(state: CaseState): TagType {
  return STATE_TAG[state];
}

/** "张* 138****5678" — what the list shows of a consumer (already masked by the server when needed). */
export function consumerLine(
  consumer: Pick<CaseRowFragment['consumer'], 'name' | 'phone' | 'anonymous'>,
  anonymousLabel: string,
): string {
  if (consumer.anonymous && !consumer.name) return anonymousLabel;
  return [consumer.name, consumer.phone].filter(Boolean).join(' ') || '—';
}
