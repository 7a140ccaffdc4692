import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { AppError } from '../errors/app-error';
import { Actor, canSeeUnitPath } from '../scope/actor';
import { applyOrgScope } from '../scope/org-scope';

/**
 * The one access check for cases. A case is visible when the unit currently holding it
 * (owner_path) is inside the actor's scope. A case outside the scope answers exactly like a
 * case that does not exist (NOT_FOUND on the given field).
 */
@Injectable()
export class CaseAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Narrows a query over wq_case (aliased `alias`) to the actor's scope. */
  scope<T extends CaseEntity>(qb: SelectQueryBuilder<T>, actor: Actor, alias = 'c'): SelectQueryBuilder<T> {
    return applyOrgScope(qb, actor, { path: `${alias}.owner_path`, unitId: `${alias}.owner_unit_id` });
  }

  canSee(actor: Actor, c: Pick<CaseEntity, 'ownerPath' | 'ownerUnitId'>): boolean {
    return canSeeUnitPath(actor, c.ownerPath, c.ownerUnitId);
  }

  /** Loads a visible case; with `lock` it is locked FOR UPDATE inside the caller's transaction. */
  async getVisible(
    actor: Actor,
    id: string | number,
    opts: { m?: EntityManager; lock?: boolean; field?: string } = {},
  ): Promise<CaseEntity> {
    const m = opts.m ?? this.ds.manager;
    const key = String(id);
    const c = /^\d{1,19}$/.test(key)
      ? await m.findOne(CaseEntity, {
          where: { id: key },
          ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!c || !this.canSee(actor, c)) throw AppError.notFound('案件', opts.field ?? 'id');
    return c;
  }

  async getVisibleByNo(actor: Actor, caseNo: string): Promise<CaseEntity> {
    const c = await this.ds.manager.findOne(CaseEntity, { where: { caseNo: String(caseNo).slice(0, 32) } });
    if (!c || !this.canSee(actor, c)) throw AppError.notFound('案件', 'caseNo');
    return c;
  }

  /**
   * Reading only: a case the actor may see, or one a unit in the actor's scope handled (received a hop
   * of it) — after the hop ended and after conclusion the handling unit and its parents keep read access
   * to the case, its timeline and its own records. Writing always goes through getVisible.
   */
  async getReadable(actor: Actor, id: string | number, field = 'id'): Promise<CaseEntity> {
    const key = String(id);
    const c = /^\d{1,19}$/.test(key) ? await this.ds.manager.findOne(CaseEntity, { where: { id: key } }) : null;
    if (!c || !(this.canSee(actor, c) || (await this.handledBy(actor, c.id)))) throw AppError.notFound('案件', field);
    return c;
  }

  async getReadableByNo(actor: Actor, caseNo: string): Promise<CaseEntity> {
    const c = await this.ds.manager.findOne(CaseEntity, { where: { caseNo: String(caseNo).slice(0, 32) } });
    if (!c || !(this.canSee(actor, c) || (await this.handledBy(actor, c.id))))
      throw AppError.notFound('案件', 'caseNo');
    return c;
  }

  /** Whether a unit in the actor's scope received a hop of the case. */
  async handledBy(actor: Actor, caseId: string, m: EntityManager = this.ds.manager): Promise<boolean> {
    if (actor.scope.type === 'ALL') return true;
    const units: { id: number; path: string }[] = await m.query(
      `SELECT o.id, o.path FROM case_dispatch d JOIN org_unit o ON o.id = d.to_unit_id WHERE d.case_id = ?`,
      [caseId],
    );
    return units.some((u) => canSeeUnitPath(actor, u.path, Number(u.id)));
  }
}
