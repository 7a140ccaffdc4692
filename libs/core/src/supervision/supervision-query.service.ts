import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { SupervisionEntity } from '../entities/case-records.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { Actor } from '../scope/actor';
import { escapeLike } from '../scope/org-scope';
import { Clock } from '../time/clock';
import { SupervisionAccess } from './supervision-access.service';
import {
  PageParams,
  PageResult,
  SupervisionFilterParams,
  SupervisionView,
  UnitSupervisionCount,
} from './supervision.types';

interface CountRow {
  unitId: string;
  open: string | number | null;
  responded: string | number | null;
  overdue: string | number | null;
  escalated: string | number | null;
  total: string | number;
}

/** Reads of supervision items: lists, one item, counts per unit. Every read goes through SupervisionAccess. */
@Injectable()
export class SupervisionQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: SupervisionAccess,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    filter: SupervisionFilterParams = {},
    page: PageParams = { offset: 0, limit: 20 },
  ): Promise<PageResult<SupervisionView>> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    const qb = this.access.scope(m.createQueryBuilder(SupervisionEntity, 's'), actor, side);
    // A case filter needs no case access: the items themselves are scoped, so a foreign case lists nothing.
    if (filter.caseId != null) qb.andWhere('s.case_id = :caseId', { caseId: filter.caseId });
    if (filter.targetUnitId != null) {
      const unit = await this.access.getVisibleUnit(actor, side, filter.targetUnitId, 'filter.targetUnitId', m);
      if (filter.includeSubtree === false) qb.andWhere('s.target_unit_id = :targetUnitId', { targetUnitId: unit.id });
      else qb.andWhere('s.target_path LIKE :targetPrefix', { targetPrefix: `${escapeLike(unit.path)}%` });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.level) qb.andWhere('s.level = :level', { level: filter.level });
    if (filter.overdueOnly) qb.andWhere("s.status = 'OPEN' AND s.response_due_at < :now", { now: this.clock.now() });
    const [rows, total] = await qb
      .orderBy('s.createdAt', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items: await this.views(m, rows), total, offset: page.offset, limit: page.limit };
  }

  async getVisible(actor: Actor, id: string): Promise<SupervisionView> {
    const side = await this.access.sideOf(actor);
    const s = await this.access.getVisible(actor, side, id, { field: 'id' });
    return (await this.views(this.ds.manager, [s]))[0];
  }

  /**
   * Counts per target unit over the items the actor may see, optionally within the subtree of
   * `unitId`. Units without any item are left out; rows are ordered by the unit's path.
   */
  async countsByUnit(actor: Actor, unitId?: number | null): Promise<UnitSupervisionCount[]> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    const qb = this.access
      .scope(m.createQueryBuilder(SupervisionEntity, 's'), actor, side)
      .select('s.target_unit_id', 'unitId')
      .addSelect("SUM(s.status = 'OPEN')", 'open')
      .addSelect("SUM(s.status = 'RESPONDED')", 'responded')
      .addSelect("SUM(s.status = 'OPEN' AND s.response_due_at < :now)", 'overdue')
      .addSelect("SUM(s.status = 'ESCALATED')", 'escalated')
      .addSelect('COUNT(*)', 'total')
      .setParameter('now', this.clock.now())
      .groupBy('s.target_unit_id');
    if (unitId != null) {
      const unit = await this.access.getVisibleUnit(actor, side, unitId, 'unitId', m);
      qb.andWhere('s.target_path LIKE :countPrefix', { countPrefix: `${escapeLike(unit.path)}%` });
    }
    const rows = await qb.getRawMany<CountRow>();
    if (!rows.length) return [];
    const units = new Map(
      (await m.findBy(OrgUnitEntity, { id: In(rows.map((r) => Number(r.unitId))) })).map((u) => [u.id, u]),
    );
    return rows
      .map((r) => ({
        unit: units.get(Number(r.unitId))!,
        open: Number(r.open ?? 0),
        responded: Number(r.responded ?? 0),
        overdue: Number(r.overdue ?? 0),
        escalated: Number(r.escalated ?? 0),
        total: Number(r.total),
      }))
      .filter((r) => r.unit)
      .sort((a, b) => (a.unit.path < b.unit.path ? -1 : a.unit.path > b.unit.path ? 1 : 0));
  }

  /** The view of one item by id, without an access check (for the writer that just stored it). */
  async viewIn(m: EntityManager, id: string): Promise<SupervisionView> {
    return (await this.views(m, [await m.findOneByOrFail(SupervisionEntity, { id })]))[0];
  }

  /** Joins units and case numbers in two queries for any number of items. */
  async views(m: EntityManager, rows: SupervisionEntity[]): Promise<SupervisionView[]> {
    if (!rows.length) return [];
    const unitIds = [...new Set(rows.flatMap((s) => [s.issuingUnitId, s.targetUnitId]))];
    const caseIds = [...new Set(rows.map((s) => s.caseId).filter((id): id is string => id != null))];
    // One after the other: inside a transaction both run on the same connection anyway.
    const units = await m.findBy(OrgUnitEntity, { id: In(unitIds) });
    const cases = caseIds.length
      ? await m.find(CaseEntity, { select: { id: true, caseNo: true }, where: { id: In(caseIds) } })
      : [];
    const unitById = new Map(units.map((u) => [u.id, u]));
    const caseNoById = new Map(cases.map((c) => [String(c.id), c.caseNo]));
    const now = this.clock.now().getTime();
    return rows.map((item) => {
      const issuingUnit = unitById.get(item.issuingUnitId);
      const targetUnit = unitById.get(item.targetUnitId);
      if (!issuingUnit || !targetUnit)
        throw new Error(`supervision ${item.id}: unit ${issuingUnit ? item.targetUnitId : item.issuingUnitId} missing`);
      return {
        item,
        caseNo: item.caseId == null ? null : (caseNoById.get(String(item.caseId)) ?? null),
        issuingUnit,
        targetUnit,
        overdue: item.status === 'OPEN' && item.responseDueAt.getTime() < now,
      };
    });
  }
}
