import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { actorNotRecused, GUARDS, type GuardName } from '@weiquan/shared';
import { Actor, AppError, CaseAccess, CaseEntity, CaseLifecycleService } from '@weiquan/core';

/**
 * How the three workrooms (法律服务, 维权服务, 诉调对接) reach a case they write on, with the
 * lifecycle's own checks rather than copies of them: the case must be visible (else NOT_FOUND on
 * `field`, exactly like a missing one), it is locked FOR UPDATE in the caller's transaction, and a
 * staff member who declared 回避 on it cannot act (ACTOR_RECUSED, the lifecycle guard).
 */
@Injectable()
export class WorkroomCaseAccess {
  constructor(
    private readonly cases: CaseAccess,
    private readonly lifecycle: CaseLifecycleService,
  ) {}

  async caseForWrite(
    m: EntityManager,
    actor: Actor,
    caseId: string | number,
    field = 'input.caseId',
    guard?: GuardName,
  ): Promise<CaseEntity> {
    const c = await this.cases.getVisible(actor, caseId, { m, lock: true, field });
    await this.assertMayAct(m, actor, c, field, guard);
    return c;
  }

  /** Not recused, and — when given — the transition-table guard (e.g. atAssignedUnit) holds for the actor. */
  async assertMayAct(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    field = 'input.caseId',
    guard?: GuardName,
  ): Promise<void> {
    const ctx = await this.lifecycle.guardContext(m, actor, c);
    const failed = actorNotRecused(ctx) ?? (guard ? GUARDS[guard].check(ctx) : null);
    if (failed) throw new AppError(failed.code, failed.message, failed.field ?? field);
  }
}
