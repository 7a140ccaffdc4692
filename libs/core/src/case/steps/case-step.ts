import type { EntityManager } from 'typeorm';
import type { CaseAction, CaseActionInput, CaseState } from '@weiquan/shared';
import type { CaseEntity } from '../../entities/case.entity';
import type { Actor } from '../../scope/actor';
import type { CaseEventInput } from '../case-event.writer';

/** What every step's input names: the case, the version the client saw, and an optional note. */
export interface StepRef {
  caseId: string;
  version: number;
  note?: string | null;
  /** Why another record took this step (e.g. a testing commission suspending the case): kept in the event detail. */
  cause?: Record<string, unknown>;
}

/** What the lifecycle offers a step besides the transaction: registering a follow-up round, the audit log. */
export interface StepServices {
  registerNextRound(m: EntityManager, actor: Actor, prev: CaseEntity): Promise<CaseEntity>;
  /** Appends to audit_event in the step's transaction (unmasked values the timeline must not show). */
  audit(
    m: EntityManager,
    actor: Actor,
    action: string,
    target: { type: string; id: string | number },
    detail?: Record<string, unknown>,
  ): Promise<unknown>;
}

/** The step as it runs: the locked case row, which the step patches, inside the step's transaction. */
export interface StepContext {
  readonly m: EntityManager;
  readonly actor: Actor;
  readonly c: CaseEntity;
  readonly now: Date;
  readonly from: CaseState;
  /** The state the transition table decided. */
  readonly to: CaseState;
  /** The detail of the step's timeline entry. */
  readonly detail: Record<string, unknown>;
  /** Timeline entries beyond the step's own (another case's, e.g. the report merged into), appended after it. */
  readonly more: CaseEventInput[];
  readonly services: StepServices;
}

/**
 * One step of the transition table, in one place: what its guards see of the input, the note of its
 * timeline entry, and its effect — the case row's patch, the event detail and the rows of its own tables.
 * `CaseLifecycleService.run` is the one entry that runs it (lock, version, table, effect, save, event,
 * deadline engine and the other hooks), in one transaction.
 */
export interface CaseStep<I extends StepRef = StepRef> {
  readonly action: CaseAction;
  guardInput?(i: I, c: CaseEntity): CaseActionInput;
  note?(i: I): string | null | undefined;
  apply?(ctx: StepContext, i: I): Promise<void> | void;
}

export function defineStep<I extends StepRef>(step: CaseStep<I>): CaseStep<I> {
  return step;
}

/** The staff member who takes a step (null for an API client or the system). */
export function userOf(actor: Actor): number | null {
  return actor.kind === 'USER' ? actor.id : null;
}
