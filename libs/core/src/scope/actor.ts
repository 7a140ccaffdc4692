import { DataScope, Permission, permissionsOf, Role } from '@weiquan/shared';

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

export function makeActor(a: Omit<Actor, 'permissions' | 'scope'> & { dataScope: DataScope }): Actor {
  const { dataScope, ...rest } = a;
  return { ...rest, permissions: permissionsOf(a.roles), scope: scopeFor(dataScope, a.unitId, a.unitPath) };
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
};

/** True when a row owned by the unit at `path` (with id `unitId`) is visible to the actor. */
export function canSeeUnitPath(actor: Actor, path: string, unitId?: number): boolean {
  const s = actor.scope;
  if (s.type === 'ALL') return true;
  if (s.type === 'SUBTREE') return path.startsWith(s.pathPrefix);
  return unitId !== undefined ? unitId === s.unitId : path === s.unitPath;
}
