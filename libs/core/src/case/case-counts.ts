import { EntityManager } from 'typeorm';
import type { CaseKind, CaseState } from '@weiquan/shared';
import { Actor } from '../scope/actor';
import { escapeLike } from '../scope/org-scope';

/** Counter slots per key (case id % 8); the migration 1764000900000-case-counts uses the same number. */
export const CASE_COUNT_SLOTS = 8;

/** The list filters case_count can answer exactly; any other filter needs COUNT(*) over wq_case. */
export interface CaseCountFilter {
  /** Materialised path of a unit: its subtree (filter.unitId of the console). */
  unitPath?: string | null;
  open?: boolean | null;
  states?: readonly CaseState[] | null;
  kinds?: readonly CaseKind[] | null;
}

/**
 * The exact number of cases the actor sees under the filter, read from case_count (kept by triggers
 * on wq_case in the same transaction as every change). Costs O(units × states × kinds) rather than
 * O(cases): ~1 ms for the whole city where COUNT(*) over 260,000 open cases takes 50–100 ms.
 */
export async function countCases(m: EntityManager, actor: Actor, f: CaseCountFilter = {}): Promise<number> {
  const where: string[] = [];
  const params: unknown[] = [];
  const prefixes: string[] = [];
  const s = actor.scope;
  switch (s.type) {
    case 'ALL':
      break;
    case 'SUBTREE':
      prefixes.push(s.pathPrefix);
      break;
    case 'UNIT':
      where.push('cc.owner_unit_id = ?');
      params.push(s.unitId);
      break;
    default:
      return 0; // same deny-by-default as applyOrgScope
  }
  if (f.unitPath) prefixes.push(f.unitPath);
  for (const p of prefixes) {
    where.push('u.path LIKE ?');
    params.push(`${escapeLike(p)}%`);
  }
  if (f.open !== undefined && f.open !== null) {
    where.push('cc.is_open = ?');
    params.push(f.open ? 1 : 0);
  }
  if (f.states?.length) {
    where.push(`cc.state IN (${f.states.map(() => '?').join(', ')})`);
    params.push(...f.states);
  }
  if (f.kinds?.length) {
    where.push(`cc.kind IN (${f.kinds.map(() => '?').join(', ')})`);
    params.push(...f.kinds);
  }
  const join = prefixes.length ? ' JOIN org_unit u ON u.id = cc.owner_unit_id' : '';
  const [row] = await m.query(
    `SELECT COALESCE(SUM(cc.n), 0) AS n FROM case_count cc${join}${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return Number(row.n);
}

/** Recomputes case_count from wq_case (after a load that bypassed the triggers, or to repair). */
export async function rebuildCaseCounts(m: EntityManager): Promise<void> {
  await m.query('DELETE FROM case_count');
  await m.query(`INSERT INTO case_count (owner_unit_id, is_open, state, kind, slot, n)
    SELECT owner_unit_id, is_open, state, kind, id % ${CASE_COUNT_SLOTS}, COUNT(*) FROM wq_case
    GROUP BY owner_unit_id, is_open, state, kind, id % ${CASE_COUNT_SLOTS}`);
}
