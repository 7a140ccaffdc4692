import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Actor } from './actor';

/**
 * The one place list queries are narrowed to what the actor may see. `pathColumn` is the
 * materialised path of the owning unit (e.g. 'u.unit_path'); `unitIdColumn` its id.
 * Denied by default: an unknown scope type matches nothing.
 */
export function applyOrgScope<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  actor: Actor,
  columns: { path: string; unitId: string },
): SelectQueryBuilder<T> {
  const s = actor.scope;
  switch (s.type) {
    case 'ALL':
      return qb;
    case 'SUBTREE':
      return qb.andWhere(`${columns.path} LIKE :scopePrefix`, { scopePrefix: `${escapeLike(s.pathPrefix)}%` });
    case 'UNIT':
      return qb.andWhere(`${columns.unitId} = :scopeUnitId`, { scopeUnitId: s.unitId });
    default:
      return qb.andWhere('1 = 0');
  }
}

export function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
