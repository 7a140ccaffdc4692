import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnitType, pathIds } from '@weiquan/shared';
import { OrgUnitEntity } from '../entities/org-unit.entity';

interface OkPacket {
  insertId: number | string;
}

/**
 * Case numbers: <center prefix>-<year>-<6-digit sequence>, per center and year (WQ-2026-000123 for
 * the city center, GL-2026-000045 for the 鼓楼区 center). Stations number under their center.
 *
 * The counter row is bumped with LAST_INSERT_ID(expr), whose value comes back in the statement's own
 * OK packet: one round trip, atomic under any concurrency. Inside a transaction the row stays locked
 * until it ends: registration takes numbers for a whole batch (group commit, CaseIntakeService) in
 * the batch's transaction, so batches of one center take turns and a rolled-back batch leaves no gap.
 * Taken with a DataSource, the statement commits at once (the demo seed). Numbers are never reused.
 */
@Injectable()
export class CaseNumberService {
  /** Allocates the next number (with a transaction's manager: the counter row stays locked until it ends). */
  async next(db: DataSource | EntityManager, center: OrgUnitEntity, year: number): Promise<string> {
    return (await this.nextMany(db, center, year, 1))[0]!;
  }

  /** Allocates `count` consecutive numbers in one statement (a batch of registrations of one center and year). */
  async nextMany(
    db: DataSource | EntityManager,
    center: OrgUnitEntity,
    year: number,
    count: number,
  ): Promise<string[]> {
    if (!Number.isSafeInteger(count) || count < 1) throw new Error(`case numbers: bad count ${count}`);
    const res: OkPacket = await db.query(
      `INSERT INTO case_no_sequence (center_id, year, last_value) VALUES (?, ?, LAST_INSERT_ID(?))
       ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + ?)`,
      [center.id, year, count, count],
    );
    const last = Number(res.insertId);
    if (!Number.isSafeInteger(last) || last < count)
      throw new Error(`case number sequence returned ${String(res.insertId)}`);
    const prefix = center.type === OrgUnitType.CITY_CENTER ? 'WQ' : center.code;
    return Array.from(
      { length: count },
      (_, i) => `${prefix}-${year}-${String(last - count + 1 + i).padStart(6, '0')}`,
    );
  }

  /** The nearest city or county center at or above the unit. */
  async centerOf(m: DataSource | EntityManager, unit: OrgUnitEntity): Promise<OrgUnitEntity> {
    if (unit.type === OrgUnitType.CITY_CENTER || unit.type === OrgUnitType.COUNTY_CENTER) return unit;
    const ancestors = await m.getRepository(OrgUnitEntity).findBy(pathIds(unit.path).map((id) => ({ id: Number(id) })));
    const centers = ancestors.filter((a) => a.type === OrgUnitType.CITY_CENTER || a.type === OrgUnitType.COUNTY_CENTER);
    centers.sort((a, b) => b.depth - a.depth);
    if (!centers.length) throw new Error(`unit ${unit.code} has no center above it`);
    return centers[0];
  }
}
