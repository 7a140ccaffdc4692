import type { EntityManager } from 'typeorm';
import type { CaseEntity } from '../entities/case.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { Actor, actsForOf } from '../scope/actor';

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

/**
 * The centers whose directors approve for a case: the intake unit and the center handling it — the
 * center a workroom acts for (as `Actor.actsFor` works it out), a station's center above it.
 */
export async function approvingCentersOf(
  m: EntityManager,
  c: Pick<CaseEntity, 'intakeUnitId' | 'assignedUnitId'>,
): Promise<number[]> {
  const ids = [c.intakeUnitId];
  if (c.assignedUnitId == null) return ids;
  const unit = await m.findOneBy(OrgUnitEntity, { id: c.assignedUnitId });
  if (!unit) return ids;
  const station = await supervisingCenterOf(m, unit.id);
  ids.push(station == null ? actsForOf(unit.id, unit.path, unit.type).centerId : Number(station));
  return ids;
}
