import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { OrgUnitType, WorkroomCode } from '@weiquan/shared';
import { Actor, actsForOf, AppError, applyOrgScope, canSeeUnitPath, escapeLike, OrgUnitEntity } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { LegalError } from './legal.exception';

/** What every legal row has: the unit it belongs to and that unit's path. */
export interface UnitOwned {
  unitId: number;
  unitPath: string;
}

const CENTERS: readonly string[] = [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER];

/**
 * The one place legal items meet the org scope. An item belongs to the legal workroom (法律服务工作室)
 * of a center — the center of the acting user, or of the unit holding the linked case — so the
 * center's staff (subtree scope) and the workroom's own staff see it, and another county does not.
 * A station has no workrooms and keeps its own legal records.
 */
@Injectable()
export class LegalScope {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orgUnits: OrgUnitService,
  ) {}

  /** The unit legal items of `unitId` belong to (see the class comment). */
  async homeOf(unitId: number, m: EntityManager = this.ds.manager): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { id: unitId });
    if (!unit) throw AppError.notFound('机构');
    if (unit.type === OrgUnitType.WORKROOM && unit.workroom === WorkroomCode.LEGAL) return unit;
    // A workroom's center as Actor.actsFor works it out.
    const { centerId } = actsForOf(unit.id, unit.path, unit.type);
    const center = CENTERS.includes(unit.type)
      ? unit
      : centerId !== unit.id
        ? await m.findOneBy(OrgUnitEntity, { id: centerId })
        : null;
    if (!center) return unit;
    return (
      (await m.findOneBy(OrgUnitEntity, { parentId: center.id, workroom: WorkroomCode.LEGAL, active: true })) ?? center
    );
  }

  /** The home unit for a new item, which the actor must be able to see afterwards. */
  async homeForWrite(actor: Actor, unitId: number, m: EntityManager): Promise<OrgUnitEntity> {
    const home = await this.homeOf(unitId, m);
    if (!canSeeUnitPath(actor, home.path, home.id)) throw LegalError.outsideScope();
    return home;
  }

  /** Narrows a query over a legal table (aliased `alias`) to the actor's scope. */
  scope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, actor: Actor, alias: string): SelectQueryBuilder<T> {
    return applyOrgScope(qb, actor, { path: `${alias}.unit_path`, unitId: `${alias}.unit_id` });
  }

  /** Optional list filter: the subtree of a unit the actor may see. */
  async filterUnit<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    actor: Actor,
    alias: string,
    rawUnitId: string | null | undefined,
    field: string,
  ): Promise<void> {
    if (rawUnitId == null) return;
    const unit = await this.orgUnits.getVisible(actor, parseId(rawUnitId, field), field);
    qb.andWhere(`${alias}.unit_path LIKE :filterUnitPath`, { filterUnitPath: `${escapeLike(unit.path)}%` });
  }

  /**
   * Loads a legal row by id; one outside the actor's scope answers exactly like one that does not
   * exist. With `lock` the row is locked FOR UPDATE inside the caller's transaction.
   */
  async getVisible<T extends UnitOwned & ObjectLiteral>(
    actor: Actor,
    target: EntityTarget<T>,
    rawId: string,
    opts: { m?: EntityManager; lock?: boolean; what: string; field: string },
  ): Promise<T> {
    const id = parseId(rawId, opts.field);
    const m = opts.m ?? this.ds.manager;
    const row = await m.findOne(target, {
      where: { id } as never,
      ...(opts.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row || !canSeeUnitPath(actor, row.unitPath, row.unitId)) throw AppError.notFound(opts.what, opts.field);
    return row;
  }
}
