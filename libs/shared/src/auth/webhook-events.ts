// Status callbacks (webhooks) a client may subscribe to, and the timeline actions that raise them.
// The AFTER INSERT trigger on case_event (migration 1765200100000) holds the same mapping in SQL.
export const WebhookEventType = {
  REGISTERED: 'case.registered',
  ACCEPTED: 'case.accepted',
  REJECTED: 'case.rejected',
  DISPATCHED: 'case.dispatched',
  SUSPENDED: 'case.suspended',
  RESUMED: 'case.resumed',
  EXTENDED: 'case.extension_decided',
  CONCLUDED: 'case.concluded',
  REPLIED: 'case.replied',
  FOLLOWED_UP: 'case.followed_up',
  ARCHIVED: 'case.archived',
  OVERDUE: 'case.overdue',
} as const;
export type WebhookEventType = (typeof WebhookEventType)[keyof typeof WebhookEventType];

export const WEBHOOK_EVENT_TYPES: readonly WebhookEventType[] = Object.values(WebhookEventType);

export const WebhookEventTypeLabel: Readonly<Record<WebhookEventType, string>> = {
  'case.registered': '已登记',
  'case.accepted': '已受理',
  'case.rejected': '不予受理',
  'case.dispatched': '已分流',
  'case.suspended': '已中止',
  'case.resumed': '已恢复办理',
  'case.extension_decided': '延期审批',
  'case.concluded': '已办结',
  'case.replied': '已答复',
  'case.followed_up': '已回访',
  'case.archived': '已归档',
  'case.overdue': '已超期',
};

/**
 * Timeline action → event type (the trigger's CASE, as data for tests and docs). One more row depends on the
 * step's result and is only in the trigger (migration 1766750000000): decideSuspension ending in SUSPENDED
 * (a director approved an investigation suspension) sends case.suspended; a refusal sends nothing.
 */
export const WEBHOOK_EVENT_OF_ACTION: Readonly<Record<string, WebhookEventType>> = {
  registerCase: 'case.registered',
  acceptCase: 'case.accepted',
  rejectCase: 'case.rejected',
  dispatchCase: 'case.dispatched',
  suspendCase: 'case.suspended',
  resumeCase: 'case.resumed',
  decideExtension: 'case.extension_decided',
  concludeCase: 'case.concluded',
  answerConsultation: 'case.concluded',
  replyCase: 'case.replied',
  recordFollowUp: 'case.followed_up',
  archiveCase: 'case.archived',
  deadlineBreached: 'case.overdue',
};

/** Retry schedule after a failed delivery: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then give up. */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
];
