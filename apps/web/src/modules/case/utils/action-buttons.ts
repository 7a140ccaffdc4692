import type { CaseAction, CaseDetailFragment } from '@/graphql/generated/graphql';

export type AllowedActionItem = CaseDetailFragment['allowedActions'][number];

/** Steps that cannot be undone and change who holds the case: asked for confirmation first. */
export const DESTRUCTIVE_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'rejectCase',
  'returnCase',
  'handUpCase',
  'archiveCase',
]);

/** The step that moves the case forward in its normal course: shown as the primary button. */
const FORWARD_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'acceptCase',
  'answerConsultation',
  'decideFiling',
  'dispatchCase',
  'receiveCase',
  'concludeCase',
  'replyCase',
  'recordFollowUp',
  'supplyMaterials',
  'resumeCase',
  'decideExtension',
  'decideSuspension',
]);

export interface ActionButton {
  action: CaseAction;
  label: string;
  enabled: boolean;
  /** Why the button is disabled (shown as its tooltip); null when enabled. */
  reason: string | null;
  destructive: boolean;
  type: 'primary' | 'danger' | 'default';
}

/**
 * Buttons from `case.allowedActions` (the server evaluates the same transition table the API
 * enforces): only the actions offered in the case's current state appear; allowed → enabled,
 * not allowed → disabled with the server's reason. `registerCase` never applies to an existing case.
 */
export function toActionButtons(allowed: readonly AllowedActionItem[]): ActionButton[] {
  return allowed
    .filter((a) => a.action !== 'registerCase')
    .map((a) => {
      const destructive = DESTRUCTIVE_ACTIONS.has(a.action);
      return {
        action: a.action,
        label: a.label,
        enabled: a.allowed,
        reason: a.allowed ? null : a.reason || a.reasonCode || null,
        destructive,
        type: destructive ? 'danger' : FORWARD_ACTIONS.has(a.action) ? 'primary' : 'default',
      };
    });
}
