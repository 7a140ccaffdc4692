// The context every case guard reads: the case's kind and state, the acting user, the stored
// facts of the case, what the mutation submits, and the configurable limits.
import type { Role } from '../auth/roles';
import type {
  CaseKind,
  CaseState,
  Channel,
  ContactMethod,
  DispatchMode,
  DispatchTargetType,
  FollowUpResult,
  Outcome,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
} from './case-enums';
import type { WorkroomCode } from '../org';

/** Pseudo-state of a case that does not exist yet (the `from` of registerCase). */
export const NEW_CASE = 'NEW' as const;
export type FromState = CaseState | typeof NEW_CASE;

export interface CaseActor {
  userId: string;
  roles: readonly Role[];
  /** The units the actor acts for: its own, and for workroom staff the center the workroom belongs to. */
  unitIds: readonly string[];
}

/** What the guards need to know about the stored case. Absent fields read as empty / zero / false. */
export interface CaseFacts {
  registeredById?: string | null;
  handlerId?: string | null;
  /** The unit that registered the case (受理单位); it dispatches, replies, follows up and archives. */
  intakeUnitId?: string | null;
  /** The unit the case is dispatched to. For an EXTERNAL target the server sets the intake unit here: it records the department's progress. */
  assignedUnitId?: string | null;
  dispatchTargetType?: DispatchTargetType | null;
  /** How many times materials were requested (一次性告知: at most once). */
  materialsRequestCount?: number;
  followUpAttempts?: number;
  followUpDone?: boolean;
  pendingExtension?: boolean;
  /** An investigation suspension waits for a director's decision (报批调查中止). */
  pendingSuspension?: boolean;
  /** An extension was already approved for the deadline now running (延期 moves a deadline once). */
  extensionGranted?: boolean;
  /** Staff who declared a conflict of interest (回避). */
  recusedUserIds?: readonly string[];
  /** The center above the assigned unit when that unit is a station (its director approves for it). */
  supervisingCenterId?: string | null;
}

/** Everything a mutation may submit; each guard reads only its own fields. */
export interface CaseActionInput {
  channel?: Channel | string;
  missingItems?: readonly string[];
  ground?: RejectGround | string;
  referral?: { authority?: string; phone?: string };
  filed?: boolean;
  reason?: string;
  target?: {
    type?: DispatchTargetType | string;
    workroom?: WorkroomCode | string;
    unitId?: string;
    department?: string;
  };
  mode?: DispatchMode | string;
  /** returnCase: where the unit wants to send it — only the intake unit is accepted. */
  toUnitId?: string;
  method?: ContactMethod | string;
  note?: string;
  suspendReason?: SuspendReason | string;
  approvedById?: string;
  extensionDays?: number;
  approved?: boolean;
  outcome?: Outcome | string;
  terminationGround?: TerminationGround | string;
  agreementText?: string;
  amountRecovered?: number;
  content?: string;
  followUpResult?: FollowUpResult | string;
  satisfaction?: Satisfaction | string;
}

export interface CaseMachineConfig {
  /** Failed follow-up calls after which the case may be archived without a follow-up. */
  maxFollowUpAttempts: number;
}
export const DEFAULT_CASE_MACHINE_CONFIG: CaseMachineConfig = { maxFollowUpAttempts: 3 };

export interface CaseGuardContext {
  kind: CaseKind;
  state: FromState;
  actor: CaseActor;
  case: CaseFacts;
  input?: CaseActionInput;
  config: CaseMachineConfig;
}

export interface CaseGuardError {
  code: string;
  message: string;
  field?: string;
}
