import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  CaseAction,
  CaseActionInput,
  CaseGuardContext,
  CaseState,
  checkTransition,
  DEFAULT_CASE_MACHINE_CONFIG,
} from '@weiquan/shared';
import { CaseEntity } from '../entities/case.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { CaseRecusalEntity } from '../entities/case-records.entity';
import { AppError, ErrorCode } from '../errors/app-error';
import { Actor } from '../scope/actor';
import { withTransaction } from '../db/after-commit';
import { insertRows } from '../db/insert-rows';
import { Clock } from '../time/clock';
import { AuditWriter } from '../audit/audit-writer';
import { CaseAccess } from './case-access.service';
import { CaseEventWriter } from './case-event.writer';
import { supervisingCenterOf } from './case-units';
import type { CaseStep, StepContext, StepRef, StepServices } from './steps/case-step';
import { RegistrationDraft, registerCaseStep } from './steps/registration.step';

/** States after which nothing remains to do on the case (is_open = 0). */
const CLOSED_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['ARCHIVED']);

/** What the hooks see of a step that ran. */
export interface TransitionContext {
  m: EntityManager;
  c: CaseEntity;
  from: CaseState;
  to: CaseState;
  /** The detail of the step's timeline entry. */
  detail: Record<string, unknown>;
}

/** Hooks other modules (deadlines, notifications) register to act in the same transaction. */
export abstract class CaseTransitionHook {
  abstract afterTransition(actor: Actor, ctx: TransitionContext & { action: CaseAction }): Promise<void>;
  /**
   * Newly registered cases written together (a registration batch), all in `m`'s transaction. A hook
   * without it gets afterTransition once per case.
   */
  afterRegistrations?(m: EntityManager, cases: RegisteredCase[]): Promise<void>;
}

/** A case just registered and the actor who registered it. */
export interface RegisteredCase {
  actor: Actor;
  c: CaseEntity;
}

/**
 * The one entry of every case step (libs/core/src/case/steps). One transaction: lock the row, compare
 * versions, check the transition table (libs/shared/src/case), apply the step's effect, save with
 * version + 1, append the timeline entry, run the hooks — the deadline engine (the only writer of the
 * clocks), the consumer's SMS, documents, and others. Of two concurrent steps on a case exactly one wins.
 * Registration runs through `registerIn` (a batch of the same step, group commit).
 */
@Injectable()
export class CaseLifecycleService implements StepServices {
  private hooks: CaseTransitionHook[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccess,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
    private readonly auditWriter: AuditWriter,
  ) {}

  audit(...args: Parameters<AuditWriter['record']>): Promise<unknown> {
    return this.auditWriter.record(...args);
  }

  registerHook(hook: CaseTransitionHook): void {
    this.hooks.push(hook);
  }

  async run<I extends StepRef>(actor: Actor, step: CaseStep<I>, input: I): Promise<CaseEntity> {
    return withTransaction(this.ds, (m) => this.runIn(m, actor, step, input));
  }

  /** The same, inside a caller's transaction (a workroom record taking a step, 并案 locking its target first). */
  async runIn<I extends StepRef>(m: EntityManager, actor: Actor, step: CaseStep<I>, input: I): Promise<CaseEntity> {
    const c = await this.access.getVisible(actor, input.caseId, { m, lock: true, field: 'input.caseId' });
    if (c.version !== input.version) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `案件已被他人修改（当前版本 ${c.version}，您看到的是 ${input.version}），请刷新后重试`,
        'version',
      );
    }
    const ctx = await this.guardContext(m, actor, c, step.guardInput?.(input, c), step.action);
    const check = checkTransition(step.action, ctx);
    if (!check.ok) throw new AppError(check.error.code, check.error.message, inputField(check.error.field));
    const from = c.state;
    const run: StepContext = {
      m,
      actor,
      c,
      now: this.clock.now(),
      from,
      to: check.to,
      detail: {},
      more: [],
      services: this,
    };
    await step.apply?.(run, input);
    if (input.cause) Object.assign(run.detail, input.cause);
    c.state = run.to;
    c.isOpen = !CLOSED_STATES.has(run.to);
    // A request to suspend for investigation lives only while the case is in progress: returned, handed up,
    // suspended otherwise or concluded, nobody is left to approve it.
    if (run.to !== 'IN_PROGRESS') c.pendingSuspension = false;
    const saved = await m.save(CaseEntity, c);
    const note = step.note?.(input) ?? input.note ?? null;
    await this.events.appendMany(m, [
      {
        actor,
        e: {
          caseId: c.id,
          action: step.action,
          fromState: from,
          toState: run.to,
          note,
          detail: Object.keys(run.detail).length ? run.detail : null,
        },
      },
      ...run.more.map((e) => ({ actor, e })),
    ]);
    const t = { m, c, from, to: run.to, detail: run.detail, action: step.action };
    for (const h of this.hooks) await h.afterTransition(actor, t);
    return saved;
  }

  /**
   * 登记, for a batch of registrations checked and numbered in the caller's transaction: the cases in one
   * multi-row INSERT (rows in (unit, kind) order so that concurrent batches take locks in one order), their
   * timeline entries in another, then the hooks (clocks) for those not closed at once as repeats.
   */
  async registerIn(m: EntityManager, drafts: RegistrationDraft[]): Promise<CaseEntity[]> {
    const cases = drafts.map((d) => registerCaseStep.draft(m, d));
    const order = cases
      .map((_, i) => i)
      .sort((a, b) => cases[a]!.ownerUnitId - cases[b]!.ownerUnitId || cmp(cases[a]!.kind, cases[b]!.kind) || a - b);
    await insertRows(
      m,
      CaseEntity,
      order.map((i) => cases[i]!),
    );
    const fresh: RegisteredCase[] = [];
    const entries = drafts.flatMap((d, i) => {
      const c = cases[i]!;
      c.createdAt = d.now;
      c.updatedAt = d.now;
      if (c.state !== 'CLOSED') fresh.push({ actor: d.actor, c });
      return registerCaseStep.events(d, c).map((e) => ({ actor: d.actor, e }));
    });
    await this.events.appendMany(m, entries);
    await this.afterRegistrations(m, fresh);
    return cases;
  }

  /** 回访不满意: a new round of the request at its intake unit, registered in the follow-up's transaction. */
  async registerNextRound(m: EntityManager, actor: Actor, prev: CaseEntity): Promise<CaseEntity> {
    const intake = await m.findOneByOrFail(OrgUnitEntity, { id: prev.intakeUnitId });
    const { draft, event } = registerCaseStep.nextRound(m, actor, prev, intake.path, this.clock.now());
    const saved = await m.save(CaseEntity, draft);
    await this.events.append(m, actor, event(saved));
    await this.afterRegistrations(m, [{ actor, c: saved }]);
    return saved;
  }

  /**
   * A workroom record that is a step of the case's handling without changing its state (a mediation
   * session, an investigation): the clocks and other hooks see it like a step (it may stop the first
   * contact clock). The caller appends its own timeline entry in the same transaction `m`.
   */
  async recordActivity(m: EntityManager, actor: Actor, c: CaseEntity, action: string): Promise<void> {
    for (const h of this.hooks)
      await h.afterTransition(actor, { m, c, from: c.state, to: c.state, detail: {}, action: action as CaseAction });
  }

  /** Runs the hooks for cases registered in one transaction. */
  private async afterRegistrations(m: EntityManager, cases: RegisteredCase[]): Promise<void> {
    if (!cases.length) return;
    for (const h of this.hooks) {
      if (h.afterRegistrations) await h.afterRegistrations(m, cases);
      else
        for (const { actor, c } of cases)
          await h.afterTransition(actor, { m, c, from: c.state, to: c.state, detail: {}, action: 'registerCase' });
    }
  }

  /**
   * What the guards see. Workroom staff act for their center where the case sits at the center. The
   * center above a station is looked up only for the steps whose guards read it (and for listing the
   * allowed actions, `action` undefined).
   */
  async guardContext(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    input?: CaseActionInput,
    action?: CaseAction,
  ): Promise<CaseGuardContext> {
    const recused = await m.find(CaseRecusalEntity, { where: { caseId: c.id }, select: { userId: true } });
    const needsCenter = action === undefined || SUPERVISING_CENTER_STEPS.has(action);
    return {
      kind: c.kind,
      state: c.state,
      actor: { userId: String(actor.id), roles: actor.roles, unitIds: actor.actsFor.unitIds.map(String) },
      case: {
        registeredById: c.registeredById == null ? null : String(c.registeredById),
        handlerId: c.handlerId == null ? null : String(c.handlerId),
        intakeUnitId: String(c.intakeUnitId),
        assignedUnitId: c.assignedUnitId == null ? null : String(c.assignedUnitId),
        dispatchTargetType: c.dispatchTargetType,
        materialsRequestCount: c.materialsRequestCount,
        followUpAttempts: c.followUpAttempts,
        followUpDone: c.followUpDone,
        pendingExtension: c.pendingExtension,
        pendingSuspension: c.pendingSuspension,
        extensionGranted: c.extensionGranted,
        recusedUserIds: recused.map((r) => String(r.userId)),
        supervisingCenterId: needsCenter ? await supervisingCenterOf(m, c.assignedUnitId) : null,
      },
      input: { ...input, toUnitId: input?.toUnitId },
      config: DEFAULT_CASE_MACHINE_CONFIG,
    };
  }
}

/** The steps whose guards read the center above a station (its director decides; a station hands up to it). */
const SUPERVISING_CENTER_STEPS: ReadonlySet<CaseAction> = new Set<CaseAction>([
  'decideExtension',
  'decideSuspension',
  'handUpCase',
]);

// The guards name the fields of CaseActionInput; the mutations' inputs name some of them differently.
const GUARD_FIELD_IN_INPUT: Readonly<Record<string, string>> = {
  suspendReason: 'reason',
  extensionDays: 'days',
  followUpResult: 'result',
  note: 'content',
  'target.type': 'targetType',
  'target.workroom': 'workroom',
  'target.unitId': 'unitId',
  'target.department': 'externalAgencyId',
  'referral.authority': 'referralAuthority',
  'referral.phone': 'referralPhone',
};

/** The offending field as the client sent it (`input.<name>`), so a form can show the error next to it. */
export function inputField(guardField: string | undefined): string | undefined {
  if (guardField === undefined || guardField === 'version') return guardField;
  return `input.${GUARD_FIELD_IN_INPUT[guardField] ?? guardField}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
