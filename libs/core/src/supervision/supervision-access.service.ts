import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { SupervisionEntity } from '../entities/case-records.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { AppError } from '../errors/app-error';
import { ActsFor, Actor, canSeeUnitPath } from '../scope/actor';
import { applyOrgScope } from '../scope/org-scope';

/** The units an actor answers for: Actor.actsFor (its own unit and, for workroom staff, their center). */
export type ActorSide = ActsFor;

/**
 * The one access check for supervision items. An item is visible when its target unit lies in
 * the actor's org scope (so the target unit and every unit above it see it), or when the actor
 * answers for the target unit (workroom staff for their center). Anything else answers exactly
 * like an item that does not exist.
 */
@Injectable()
export class SupervisionAccess {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  // Kept as the supervision and litigation-link modules' entry; the answer is worked out once on the actor.
  async sideOf(actor: Actor, _m?: EntityManager): Promise<ActorSide> {
    return actor.actsFor;
  }

  canSee(actor: Actor, side: ActorSide, s: Pick<SupervisionEntity, 'targetPath' | 'targetUnitId'>): boolean {
    return canSeeUnitPath(actor, s.targetPath, s.targetUnitId) || side.unitIds.includes(s.targetUnitId);
  }

  /** Narrows a query over supervision (aliased `alias`) to the items the actor may see. */
  scope<T extends SupervisionEntity>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    side: ActorSide,
    alias = 's',
  ): SelectQueryBuilder<T> {
    const cols = (a: string) => ({ path: `${a}.target_path`, unitId: `${a}.target_unit_id` });
    // Units answered for that the org scope does not already cover (a workroom's center).
    const extra = side.unitIds.filter((id) => id !== actor.unitId);
    if (!extra.length || actor.scope.type === 'ALL') return applyOrgScope(qb, actor, cols(alias));
    // Same scope helper, as a correlated sub-query, OR-ed with the extra units.
    const inScope = applyOrgScope(
      qb.subQuery().select('1').from(SupervisionEntity, 'sv').where(`sv.id = ${alias}.id`),
      actor,
      cols('sv'),
    );
    return qb
      .andWhere(
        new Brackets((w) =>
          w
            .where(`EXISTS ${inScope.getQuery()}`)
            .orWhere(`${alias}.target_unit_id IN (:...sideUnitIds)`, { sideUnitIds: extra }),
        ),
      )
      .setParameters(inScope.getParameters());
  }

  /** Loads a visible item; with `lock` it is locked FOR UPDATE inside the caller's transaction. */
  async getVisible(
    actor: Actor,
    side: ActorSide,
    id: string | number,
    opts: { m?: EntityManager; lock?: boolean; field?: string } = {},
  ): Promise<SupervisionEntity> {
    const m = opts.m ?? this.ds.manager;
    const key = String(id);
    const s = /^\d{1,19}$/.test(key)
      ? await m.findOne(SupervisionEntity, {
          where: { id: key },
          ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
        })
      : null;
    if (!s || !this.canSee(actor, side, s)) throw AppError.notFound('督办', opts.field ?? 'id');
    return s;
  }

  /** A unit in the actor's org scope (or one it answers for); otherwise like a missing unit. */
  async getVisibleUnit(
    actor: Actor,
    side: ActorSide | null,
    id: number,
    field: string,
    m: EntityManager = this.ds.manager,
  ): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { id });
    if (!unit || !(canSeeUnitPath(actor, unit.path, unit.id) || side?.unitIds.includes(unit.id)))
      throw AppError.notFound('机构', field);
    return unit;
  }
}
