// Pure functions over CASE_TRANSITIONS. The server calls checkTransition inside the one service
// that writes case state; the console calls allowedActions to grey out buttons.
import { RoleLabel } from '../auth/roles';
import { CaseKindLabel, CaseStateLabel, type CaseKind, type CaseState } from './case-enums';
import {
  NEW_CASE,
  type CaseActionInput,
  type CaseGuardContext,
  type CaseGuardError,
  type FromState,
} from './case-context';
import { GUARDS, actorNotRecused, type GuardName } from './case-guards';
import {
  CASE_TRANSITIONS,
  CaseAction,
  CaseActionLabel,
  SAME,
  type TargetPicker,
  type Transition,
  type TransitionTarget,
} from './case-transitions';

export type TransitionCheck =
  | { ok: true; to: CaseState; transition: Transition }
  | { ok: false; error: CaseGuardError };

export interface AllowedAction {
  action: CaseAction;
  label: string;
  allowed: boolean;
  /** Why the button is greyed out (role or a state guard); input guards are not evaluated here. */
  reason?: CaseGuardError;
}

/** What the next round of an unsatisfied consumer's request looks like. */
export interface NewRoundSpec {
  /** The new round is registered as a new case linked to the previous round, then accepted again (重新受理). */
  initialState: 'REGISTERED';
  linkReason: 'UNSATISFIED_FOLLOW_UP';
}

export interface FollowUpNext {
  /** FOLLOWED_UP when the consumer was reached; REPLIED (unchanged, one more attempt) otherwise. */
  to: 'FOLLOWED_UP' | 'REPLIED';
  followUpDone: boolean;
  /** Non-null when the consumer is unsatisfied: the server registers a new linked case (round n+1). */
  newRound: NewRoundSpec | null;
}

/**
 * Where a recorded follow-up (回访) leads. Reached → the case becomes FOLLOWED_UP and can be
 * archived; if the consumer is unsatisfied the *same* case still closes, and a NEW linked case
 * (next round) is registered at REGISTERED. Unreachable → state unchanged; the server counts the attempt.
 */
export function nextStateAfterFollowUp(input: Pick<CaseActionInput, 'followUpResult' | 'satisfaction'>): FollowUpNext {
  if (input.followUpResult !== 'REACHED') return { to: 'REPLIED', followUpDone: false, newRound: null };
  const newRound: NewRoundSpec | null =
    input.satisfaction === 'UNSATISFIED' ? { initialState: 'REGISTERED', linkReason: 'UNSATISFIED_FOLLOW_UP' } : null;
  return { to: 'FOLLOWED_UP', followUpDone: true, newRound };
}

const TARGET_PICKERS: Readonly<Record<TargetPicker, (ctx: CaseGuardContext) => CaseState | typeof SAME>> = {
  byFilingDecision: (ctx) => (ctx.input?.filed === true ? 'FILED' : 'NOT_FILED'),
  bySuspensionDecision: (ctx) => (ctx.input?.approved === true ? 'SUSPENDED' : SAME),
  byFollowUpResult: (ctx) => (nextStateAfterFollowUp(ctx.input ?? {}).to === 'FOLLOWED_UP' ? 'FOLLOWED_UP' : SAME),
};

/** The row of the table for this action in this state for this kind, if any (at most one exists). */
export function findTransition(action: CaseAction, kind: CaseKind, state: FromState): Transition | undefined {
  return CASE_TRANSITIONS.find((t) => t.action === action && t.kinds.includes(kind) && t.from.includes(state));
}

function stateName(state: FromState): string {
  return state === NEW_CASE ? '未登记' : CaseStateLabel[state];
}

function invalid(action: CaseAction, ctx: CaseGuardContext): CaseGuardError {
  const forOtherKind = CASE_TRANSITIONS.some((t) => t.action === action && t.from.includes(ctx.state));
  const what = CaseActionLabel[action];
  return {
    code: 'INVALID_TRANSITION',
    message: forOtherKind
      ? `${CaseKindLabel[ctx.kind]}不能“${what}”`
      : `案件处于“${stateName(ctx.state)}”状态，不能“${what}”`,
  };
}

function roleError(row: Transition, ctx: CaseGuardContext): CaseGuardError | null {
  if (row.roles.some((r) => ctx.actor.roles.includes(r))) return null;
  const who = row.roles.map((r) => RoleLabel[r]).join('、');
  return { code: 'FORBIDDEN_ROLE', message: `只有${who}可以“${row.label}”` };
}

function firstError(
  row: Transition,
  ctx: CaseGuardContext,
  phases: readonly ('state' | 'input')[],
): CaseGuardError | null {
  if (ctx.state !== NEW_CASE) {
    const recused = actorNotRecused(ctx);
    if (recused) return recused;
  }
  for (const name of row.guards ?? []) {
    const guard = GUARDS[name];
    if (!phases.includes(guard.phase)) continue;
    const error = guard.check(ctx);
    if (error) return error;
  }
  return null;
}

function resolveTarget(to: TransitionTarget, ctx: CaseGuardContext): CaseState {
  const target = typeof to === 'string' ? to : TARGET_PICKERS[to.pick](ctx);
  if (target !== SAME) return target;
  if (ctx.state === NEW_CASE) throw new Error('A SAME transition cannot start from NEW');
  return ctx.state;
}

/**
 * Checks one step: INVALID_TRANSITION when no row allows the action in this state for this kind,
 * FORBIDDEN_ROLE when none of the actor's roles is in the row, ACTOR_RECUSED when the actor declared
 * 回避, otherwise the first failing guard (state and input guards). On success `to` is the concrete
 * next state (equal to ctx.state for SAME rows such as recordContact).
 */
export function checkTransition(action: CaseAction, ctx: CaseGuardContext): TransitionCheck {
  const row = findTransition(action, ctx.kind, ctx.state);
  if (!row) return { ok: false, error: invalid(action, ctx) };
  const error = roleError(row, ctx) ?? firstError(row, ctx, ['state', 'input']);
  if (error) return { ok: false, error };
  return { ok: true, to: resolveTarget(row.to, ctx), transition: row };
}

/**
 * The actions the table offers in the case's current state for its kind, in table order, each
 * with `allowed` (role and state guards pass) and, when not allowed, the reason. Input guards
 * are left to the form and checkTransition. Actions with no row for this state/kind are omitted.
 */
export function allowedActions(ctx: CaseGuardContext): AllowedAction[] {
  const result: AllowedAction[] = [];
  for (const action of Object.values(CaseAction)) {
    const row = findTransition(action, ctx.kind, ctx.state);
    if (!row) continue;
    const reason = roleError(row, ctx) ?? firstError(row, ctx, ['state']);
    result.push(
      reason ? { action, label: row.label, allowed: false, reason } : { action, label: row.label, allowed: true },
    );
  }
  return result;
}

/** Every state a row can lead to (SAME resolved to each of its from-states). */
export function targetsOf(row: Transition, from: FromState): CaseState[] {
  const raw = typeof row.to === 'string' ? [row.to] : row.to.among;
  return raw.flatMap((t) => (t === SAME ? (from === NEW_CASE ? [] : [from]) : [t]));
}

/** States reachable for a kind by following the table from `start`, ignoring roles and guards. */
export function reachableStates(kind: CaseKind, start: FromState = NEW_CASE): Set<CaseState> {
  const seen = new Set<CaseState>();
  const queue: FromState[] = [start];
  while (queue.length > 0) {
    const state = queue.shift() as FromState;
    for (const row of CASE_TRANSITIONS) {
      if (!row.kinds.includes(kind) || !row.from.includes(state)) continue;
      for (const next of targetsOf(row, state)) {
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
  }
  return seen;
}

export interface TransitionTableRow {
  action: CaseAction;
  label: string;
  from: readonly FromState[];
  fromLabels: string[];
  /** A state code, 'SAME', or 'A | B' when the input picks the target. */
  to: string;
  toLabel: string;
  kinds: readonly CaseKind[];
  kindLabels: string[];
  roles: Transition['roles'];
  roleLabels: string[];
  guards: readonly GuardName[];
  description: string;
}

const targetLabel = (t: CaseState | typeof SAME): string => (t === SAME ? '（不变）' : CaseStateLabel[t]);

/** The table with zh-CN labels resolved, for docs and an admin page. */
export function transitionTable(): TransitionTableRow[] {
  return CASE_TRANSITIONS.map((t) => {
    const targets = typeof t.to === 'string' ? [t.to] : t.to.among;
    return {
      action: t.action,
      label: t.label,
      from: t.from,
      fromLabels: t.from.map(stateName),
      to: targets.join(' | '),
      toLabel: targets.map(targetLabel).join(' / '),
      kinds: t.kinds,
      kindLabels: t.kinds.map((k) => CaseKindLabel[k]),
      roles: t.roles,
      roleLabels: t.roles.map((r) => RoleLabel[r]),
      guards: t.guards ?? [],
      description: t.description,
    };
  });
}
