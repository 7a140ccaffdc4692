import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgUnitType, pathIds } from '@weiquan/shared';
import { OrgUnitEntity } from '../entities/org-unit.entity';

/**
 * Case numbers: <center prefix>-<year>-<6-digit sequence>, per center and year (WQ-2026-000123 for
 * the city center, GL-2026-000045 for the 鼓楼区 center). Stations number under their center.
 * The counter row is bumped with LAST_INSERT_ID(), atomic under any concurrency.
 */
@Injectable()
export class CaseNumberService {
  async next(m: EntityManager, unit: OrgUnitEntity, year: number): Promise<string> {
    const center = await this.centerOf(m, unit);
    await m.query(
      `INSERT INTO case_no_sequence (center_id, year, last_value) VALUES (?, ?, LAST_INSERT_ID(1))
       ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)`,
      [center.id, year],
    );
    const [{ n }] = await m.query('SELECT LAST_INSERT_ID() AS n');
    const prefix = center.type === OrgUnitType.CITY_CENTER ? 'WQ' : center.code;
    return `${prefix}-${year}-${String(n).padStart(6, '0')}`;
  }

  /** The nearest city or county center at or above the unit. */
  async centerOf(m: EntityManager, unit: OrgUnitEntity): Promise<OrgUnitEntity> {
    if (unit.type === OrgUnitType.CITY_CENTER || unit.type === OrgUnitType.COUNTY_CENTER) return unit;
    const ancestors = await m.findBy(OrgUnitEntity, pathIds(unit.path).map((id) => ({ id: Number(id) })));
    const centers = ancestors.filter((a) => a.type === OrgUnitType.CITY_CENTER || a.type === OrgUnitType.COUNTY_CENTER);
    centers.sort((a, b) => b.depth - a.depth);
    if (!centers.length) throw new Error(`unit ${unit.code} has no center above it`);
    return centers[0];
  }
}
