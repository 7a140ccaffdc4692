import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, In } from 'typeorm';
import { CaseState } from '@weiquan/shared';
import {
  Actor,
  AppError,
  canSeeUnitPath,
  CaseAccess,
  CaseEntity,
  CaseRecusalEntity,
  Clock,
  UserEntity,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { MediationError } from './mediation.exception';

/** States in which the handling unit works on a case (mediation, investigation, testing). */
export const HANDLING_STATES: readonly CaseState[] = ['IN_PROGRESS', 'SUSPENDED'];

/** Who may write (a lifecycle guard) and in which case states (null: any); `what` names the step in errors. */
export interface WriteRule {
  what: string;
  guard: 'atAssignedUnit' | 'atCaseUnit';
  states: readonly CaseState[] | null;
}

/** The handling unit, while the case is being handled. */
export const handling = (what: string): WriteRule => ({ what, guard: 'atAssignedUnit', states: HANDLING_STATES });

type Versioned = { id: string; caseId: string; version: number };

/**
 * Who may write what on a case in the 维权服务 workroom, checked with the same guards as the
 * lifecycle (libs/shared case-guards): the handling unit (承办单位) records sessions, investigations,
 * commissions and agreements; the intake or the handling unit records an agreement's performance.
 * A recused staff member (回避) can do neither. Cases are locked in the caller's transaction.
 */
@Injectable()
export class MediationAccess {
  constructor(
    private readonly cases: CaseAccess,
    private readonly workroomCases: WorkroomCaseAccess,
    private readonly clock: Clock,
  ) {}

  /** A visible case the actor may write on under `rule`; locked FOR UPDATE. */
  async caseFor(m: EntityManager, actor: Actor, caseId: string, rule: WriteRule): Promise<CaseEntity> {
    const c = await this.workroomCases.caseForWrite(m, actor, caseId, 'input.caseId', rule.guard);
    this.checkState(c, rule);
    return c;
  }

  /**
   * An item of a visible case, for an update: the item's case is locked first (as on creation),
   * then the item; a stale version is a CONFLICT. An item on an invisible case is NOT_FOUND.
   * `before` checks the item's own status first, so a repeated submit says why, not "stale".
   */
  async itemFor<T extends Versioned>(
    m: EntityManager,
    actor: Actor,
    entity: EntityTarget<T>,
    rawId: string,
    version: number,
    rule: WriteRule,
    before?: (item: T) => void,
  ): Promise<{ item: T; c: CaseEntity }> {
    const id = String(parseId(rawId, 'input.id'));
    const found = await m.findOne(entity, { where: { id } as never, select: { id: true, caseId: true } as never });
    if (!found) throw AppError.notFound('记录', 'input.id');
    const c = await this.cases.getVisible(actor, found.caseId, { m, lock: true, field: 'input.id' });
    const item = await m.findOneOrFail(entity, { where: { id } as never, lock: { mode: 'pessimistic_write' } });
    await this.workroomCases.assertMayAct(m, actor, c, 'input.caseId', rule.guard);
    this.checkState(c, rule);
    before?.(item);
    if (item.version !== version) throw MediationError.stale(item.version, version);
    return { item, c };
  }

  /** The distinct staff ids named ('7' and '07' are one person), in the order given. */
  staffIds(rawIds: readonly string[], field: string): number[] {
    return [...new Set(rawIds.map((v, i) => parseId(v, `${field}.${i}`)))];
  }

  /**
   * Staff taking part: distinct users that exist, are in the actor's data scope, are active and
   * have not declared 回避 on this case. Returns them in the order given.
   */
  async staff(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    rawIds: readonly string[],
    field: string,
  ): Promise<UserEntity[]> {
    const ids = this.staffIds(rawIds, field);
    const users = ids.length ? await m.findBy(UserEntity, { id: In(ids) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    const recused = new Set(
      (await m.find(CaseRecusalEntity, { where: { caseId: c.id }, select: { userId: true } })).map((r) => r.userId),
    );
    return ids.map((id) => {
      const u = byId.get(id);
      // Outside the scope answers exactly like a user that does not exist.
      if (!u || !canSeeUnitPath(actor, u.unitPath, u.unitId)) throw MediationError.staffNotFound(field);
      if (!u.active) throw MediationError.staffInactive(u.displayName, field);
      if (recused.has(u.id)) throw MediationError.staffRecused(u.displayName, field);
      return u;
    });
  }

  /** A record of something that happened: not later than now. */
  assertPast(at: Date, field: string): void {
    if (at.getTime() > this.clock.now().getTime()) throw MediationError.timeInFuture(field);
  }

  private checkState(c: CaseEntity, rule: WriteRule): void {
    if (rule.states && !rule.states.includes(c.state)) throw MediationError.caseNotInHandling(c.state, rule.what);
  }
}
