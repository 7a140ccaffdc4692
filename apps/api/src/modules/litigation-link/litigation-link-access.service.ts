import { Injectable } from '@nestjs/common';
import { EntityManager, EntityTarget, In, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  ActorSide,
  AppError,
  applyOrgScope,
  canSeeUnitPath,
  CaseAccess,
  CaseEntity,
  ExternalAgencyEntity,
  OrgUnitEntity,
  SupervisionAccess,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { LitigationLinkError } from './litigation-link.exception';

/** Columns of a row's owning unit: materialised path and id (raw column names). */
export interface UnitColumns {
  path: string;
  unitId: string;
}

/**
 * The one access check of the 诉调对接 workroom.
 * - Items on a case (court referrals, department handlings) are visible exactly when their case is
 *   (CaseAccess); outside the scope they answer like missing ones.
 * - Items of a unit (experts, seminars, linkage messages) are visible when their unit lies in the
 *   actor's org scope, or when the actor answers for the unit (workroom staff for their center —
 *   the same "side" supervision uses).
 * - Writes on an item are for its owning side: the center that created it, or a unit above it.
 */
@Injectable()
export class LitigationLinkAccess {
  constructor(
    private readonly cases: CaseAccess,
    private readonly supervision: SupervisionAccess,
    private readonly workroomCases: WorkroomCaseAccess,
  ) {}

  sideOf(actor: Actor, m?: EntityManager): Promise<ActorSide> {
    return this.supervision.sideOf(actor, m);
  }

  /** The side of an actor who writes: staff of a unit, never a bare API client or the system. */
  async writerSide(actor: Actor, m: EntityManager): Promise<ActorSide> {
    if (actor.kind !== 'USER' || actor.unitId <= 0) throw LitigationLinkError.noUnit();
    return this.sideOf(actor, m);
  }

  /** A visible case, locked FOR UPDATE, on which the actor has not declared 回避. */
  caseForWrite(m: EntityManager, actor: Actor, caseId: string, field = 'input.caseId'): Promise<CaseEntity> {
    return this.workroomCases.caseForWrite(m, actor, caseId, field);
  }

  /**
   * A readable case for a read filter (NOT_FOUND otherwise): visible, or handled by a unit in the
   * actor's scope, which keeps sight of its records after the hop ended and after conclusion.
   */
  readableCase(actor: Actor, caseId: string, field: string): Promise<CaseEntity> {
    return this.cases.getReadable(actor, caseId, field);
  }

  /**
   * Narrows a per-case list joined to wq_case (aliased `caseAlias`, rows' case column `caseColumn`): to the
   * one readable case of the filter when given, else to the cases in the actor's scope.
   */
  async scopeByCaseFilter<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    caseId: string | null | undefined,
    caseColumn: string,
  ): Promise<SelectQueryBuilder<T>> {
    if (!caseId) return this.scopeByCase(qb, actor);
    const c = await this.readableCase(actor, caseId, 'filter.caseId');
    return qb.andWhere(`${caseColumn} = :filterCaseId`, { filterCaseId: c.id });
  }

  /** Case ids of `ids` the actor may see (for lists that mention cases). */
  async visibleCaseIds(m: EntityManager, actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const rows = await m.find(CaseEntity, {
      where: { id: In([...ids]) },
      select: { id: true, ownerPath: true, ownerUnitId: true },
    });
    return new Set(rows.filter((c) => this.cases.canSee(actor, c)).map((c) => String(c.id)));
  }

  async canSeeCase(m: EntityManager, actor: Actor, caseId: string): Promise<boolean> {
    return (await this.visibleCaseIds(m, actor, [String(caseId)])).has(String(caseId));
  }

  /** Narrows a query joined to wq_case (aliased `caseAlias`) to cases in the actor's scope (as CaseAccess.scope). */
  scopeByCase<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    caseAlias = 'c',
  ): SelectQueryBuilder<T> {
    return applyOrgScope(qb, actor, { path: `${caseAlias}.owner_path`, unitId: `${caseAlias}.owner_unit_id` });
  }

  /**
   * Narrows a query over `entity` (aliased `alias`, primary key `id`) to rows one of whose units
   * (`units`) is in the actor's org scope or answered for by the actor.
   */
  scopeByUnits<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    side: ActorSide,
    entity: EntityTarget<T>,
    alias: string,
    units: UnitColumns[],
  ): SelectQueryBuilder<T> {
    if (actor.scope.type === 'ALL') return qb;
    const ors: string[] = [];
    const params: Record<string, unknown> = {};
    units.forEach((u, i) => {
      // The same scope helper as every list, as a correlated sub-query per unit column.
      const x = `${alias}_sx${i}`;
      const sub = applyOrgScope(qb.subQuery().select('1').from(entity, x).where(`${x}.id = ${alias}.id`), actor, {
        path: `${x}.${u.path}`,
        unitId: `${x}.${u.unitId}`,
      });
      ors.push(`EXISTS ${sub.getQuery()}`);
      Object.assign(params, sub.getParameters());
      if (side.unitIds.length) ors.push(`${alias}.${u.unitId} IN (:...llSideUnitIds)`);
    });
    if (side.unitIds.length) params.llSideUnitIds = side.unitIds;
    return qb.andWhere(`(${ors.join(' OR ')})`, params);
  }

  canSeeUnit(actor: Actor, side: ActorSide, unitId: number, unitPath: string): boolean {
    return canSeeUnitPath(actor, unitPath, unitId) || side.unitIds.includes(unitId);
  }

  /** Writes on an item owned by a unit: that unit's side, or a unit whose scope covers it. */
  assertOwningSide(actor: Actor, side: ActorSide, item: { unitId: number; unitPath: string }): void {
    const above =
      item.unitPath !== side.centerPath &&
      item.unitPath.startsWith(side.centerPath) &&
      canSeeUnitPath(actor, item.unitPath, item.unitId);
    if (!side.unitIds.includes(item.unitId) && !above) throw LitigationLinkError.notHandlingUnit();
  }

  /** The owning center of what the actor creates: a workroom's center, or the actor's own unit. */
  async owningUnit(m: EntityManager, side: ActorSide): Promise<OrgUnitEntity> {
    return m.findOneByOrFail(OrgUnitEntity, { id: side.centerId });
  }

  /** An active external agency of one kind (COURT, DEPARTMENT); anything else is a clear error. */
  async agency(
    m: EntityManager,
    rawId: string,
    kind: string,
    field: string,
    what: string,
  ): Promise<ExternalAgencyEntity> {
    const a = await m.findOneBy(ExternalAgencyEntity, { id: parseId(rawId, field), active: true });
    if (!a) throw AppError.notFound(what, field);
    if (a.kind !== kind) throw LitigationLinkError.agencyKindMismatch(field, what);
    return a;
  }
}
