import { DataScope, OrgUnitType, pathIds, Permission, permissionsOf, Role } from '@weiquan/shared';

/**
 * Who acts: a signed-in user, an API client of another system, or the worker's system actor.
 * Every service method takes it first; its `scope` is the only source of data visibility.
 */
export interface Actor {
  kind: 'USER' | 'API_CLIENT' | 'SYSTEM';
  id: number; // user id, api client id, or 0 for SYSTEM
  name: string;
  roles: readonly Role[];
  permissions: ReadonlySet<Permission>;
  unitId: number;
  unitPath: string;
  scope: OrgScope;
  /** Worked out once: the units the actor acts for on a case (see actsForOf). */
  actsFor: ActsFor;
}

/**
 * Staff of a workroom act for the center the workroom belongs to (a case held by the center is theirs
 * to handle); everybody else acts for their own unit only — a station never acts for its county.
 */
export interface ActsFor {
  unitIds: readonly number[];
  /** The center acted for (the unit itself unless it is a workroom). */
  centerId: number;
  centerPath: string;
}

export function actsForOf(unitId: number, unitPath: string, unitType?: string | null): ActsFor {
  const ids = pathIds(unitPath).map(Number);
  if (unitType === OrgUnitType.WORKROOM && ids.length >= 2) {
    const centerId = ids[ids.length - 2];
    return { unitIds: [unitId, centerId], centerId, centerPath: `/${ids.slice(0, -1).join('/')}/` };
  }
  return { unitIds: [unitId], centerId: unitId, centerPath: unitPath };
}

/** Visibility over the org tree: every unit (ALL), a subtree by path prefix, or one unit. */
export type OrgScope =
  | { type: 'ALL' }
  | { type: 'SUBTREE'; pathPrefix: string }
  | { type: 'UNIT'; unitId: number; unitPath: string };

export function scopeFor(dataScope: DataScope, unitId: number, unitPath: string): OrgScope {
  if (dataScope === DataScope.ALL) return { type: 'ALL' };
  if (dataScope === DataScope.OWN_UNIT) return { type: 'UNIT', unitId, unitPath };
  return { type: 'SUBTREE', pathPrefix: unitPath };
}

export function makeActor(
  a: Omit<Actor, 'permissions' | 'scope' | 'actsFor'> & { dataScope: DataScope; unitType?: string | null },
): Actor {
  const { dataScope, unitType, ...rest } = a;
  return {
    ...rest,
    permissions: permissionsOf(a.roles),
    scope: scopeFor(dataScope, a.unitId, a.unitPath),
    actsFor: actsForOf(a.unitId, a.unitPath, unitType),
  };
}

export const SYSTEM_ACTOR: Actor = {
  kind: 'SYSTEM',
  id: 0,
  name: '系统',
  roles: [],
  permissions: new Set(),
  unitId: 0,
  unitPath: '/',
  scope: { type: 'ALL' },
  actsFor: { unitIds: [], centerId: 0, centerPath: '/' },
};

/** True when a row owned by the unit at `path` (with id `unitId`) is visible to the actor. */
export function canSeeUnitPath(actor: Actor, path: string, unitId?: number): boolean {
  const s = actor.scope;
  if (s.type === 'ALL') return true;
  if (s.type === 'SUBTREE') return path.startsWith(s.pathPrefix);
  return unitId !== undefined ? unitId === s.unitId : path === s.unitPath;
}
