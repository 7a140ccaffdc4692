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
import { CaseAccess } from './case-access.service';
import { CaseEventWriter } from './case-event.writer';

/** States after which nothing remains to do on the case (is_open = 0). */
const CLOSED_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['ARCHIVED']);

export interface TransitionRequest {
  caseId: string;
  /** The version the client saw; a different stored version is a CONFLICT. */
  version: number;
  action: CaseAction;
  input?: CaseActionInput;
  note?: string | null;
}

export interface TransitionContext {
  m: EntityManager;
  c: CaseEntity;
  from: CaseState;
  to: CaseState;
  /** Extra detail for the timeline entry. */
  detail: Record<string, unknown>;
}

/** Runs after the state is decided and before it is saved, inside the transaction. */
export type TransitionEffect = (ctx: TransitionContext) => Promise<void> | void;

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
 * The sole writer of case state. One transaction: lock the row, compare versions, check the
 * transition table (libs/shared/src/case), apply the mutation's effect, save with version + 1,
 * append the timeline entry, run hooks. Of two concurrent transitions exactly one wins.
 */
@Injectable()
export class CaseLifecycleService {
  private hooks: CaseTransitionHook[] = [];

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccess,
    private readonly events: CaseEventWriter,
  ) {}

  registerHook(hook: CaseTransitionHook): void {
    this.hooks.push(hook);
  }

  async transition(actor: Actor, req: TransitionRequest, effect?: TransitionEffect): Promise<CaseEntity> {
    return withTransaction(this.ds, (m) => this.transitionIn(m, actor, req, effect));
  }

  /** The same, inside a caller's transaction (e.g. registering a new round). */
  async transitionIn(
    m: EntityManager,
    actor: Actor,
    req: TransitionRequest,
    effect?: TransitionEffect,
  ): Promise<CaseEntity> {
    const c = await this.access.getVisible(actor, req.caseId, { m, lock: true, field: 'input.caseId' });
    if (c.version !== req.version) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `案件已被他人修改（当前版本 ${c.version}，您看到的是 ${req.version}），请刷新后重试`,
        'version',
      );
    }
    const ctx = await this.guardContext(m, actor, c, req.input);
    const check = checkTransition(req.action, ctx);
    if (!check.ok) throw new AppError(check.error.code, check.error.message, inputField(check.error.field));
    const from = c.state;
    const tctx: TransitionContext = { m, c, from, to: check.to, detail: {} };
    if (effect) await effect(tctx);
    c.state = tctx.to;
    c.isOpen = !CLOSED_STATES.has(tctx.to);
    const saved = await m.save(CaseEntity, c);
    await this.events.append(m, actor, {
      caseId: c.id,
      action: req.action,
      fromState: from,
      toState: tctx.to,
      note: req.note ?? null,
      detail: Object.keys(tctx.detail).length ? tctx.detail : null,
    });
    for (const h of this.hooks) await h.afterTransition(actor, { ...tctx, action: req.action });
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

  /** Runs the hooks for a newly registered case (registration is not a transition of an existing row). */
  async afterRegistration(m: EntityManager, actor: Actor, c: CaseEntity): Promise<void> {
    await this.afterRegistrations(m, [{ actor, c }]);
  }

  /** The same for several cases registered in one transaction. */
  async afterRegistrations(m: EntityManager, cases: RegisteredCase[]): Promise<void> {
    if (!cases.length) return;
    for (const h of this.hooks) {
      if (h.afterRegistrations) await h.afterRegistrations(m, cases);
      else
        for (const { actor, c } of cases)
          await h.afterTransition(actor, { m, c, from: c.state, to: c.state, detail: {}, action: 'registerCase' });
    }
  }

  /** What the guards see. Workroom staff act for their center where the case sits at the center. */
  async guardContext(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    input?: CaseActionInput,
  ): Promise<CaseGuardContext> {
    const recused = await m.find(CaseRecusalEntity, { where: { caseId: c.id }, select: { userId: true } });
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
        extensionGranted: c.extensionGranted,
        recusedUserIds: recused.map((r) => String(r.userId)),
        supervisingCenterId: await supervisingCenterOf(m, c.assignedUnitId),
      },
      input: { ...input, toUnitId: input?.toUnitId },
      config: DEFAULT_CASE_MACHINE_CONFIG,
    };
  }
}

/**
 * The unit an actor acts for on this case: its own unit, or — for staff of a workroom — the
 * center the workroom belongs to, when the case sits at that center.
 */
export function actingUnitId(actor: Actor, c: Pick<CaseEntity, 'intakeUnitId' | 'assignedUnitId'>): number {
  const ids = actor.actsFor.unitIds;
  if (ids.includes(actor.unitId) && (actor.unitId === c.assignedUnitId || actor.unitId === c.intakeUnitId))
    return actor.unitId;
  return ids.find((id) => id === c.assignedUnitId || id === c.intakeUnitId) ?? actor.unitId;
}

/** The center directly above a station (its director decides for it); null when the unit is not a station. */
export async function supervisingCenterOf(m: EntityManager, unitId: number | null): Promise<string | null> {
  if (unitId == null) return null;
  const rows: { id: number }[] = await m.query(
    `SELECT a.id FROM org_unit s JOIN org_unit a ON s.path LIKE CONCAT(a.path, '%') AND a.id <> s.id
      WHERE s.id = ? AND s.type IN ('TOWNSHIP_STATION', 'VILLAGE_STATION', 'ENTERPRISE_STATION')
        AND a.type IN ('CITY_CENTER', 'COUNTY_CENTER')
      ORDER BY a.depth DESC LIMIT 1`,
    [unitId],
  );
  return rows.length ? String(rows[0].id) : null;
}

/** The centers whose directors approve for a case: the intake unit and the center handling it (a workroom's center, a station's center above). */
export async function approvingCentersOf(
  m: EntityManager,
  c: Pick<CaseEntity, 'intakeUnitId' | 'assignedUnitId'>,
): Promise<number[]> {
  const ids = [c.intakeUnitId];
  if (c.assignedUnitId != null) {
    const unit = await m.findOneBy(OrgUnitEntity, { id: c.assignedUnitId });
    if (unit?.type === 'WORKROOM' && unit.parentId != null) ids.push(unit.parentId);
    else if (unit) ids.push(Number((await supervisingCenterOf(m, unit.id)) ?? unit.id));
  }
  return ids;
}

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
