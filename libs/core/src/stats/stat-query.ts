import { EntityManager } from 'typeorm';
import { addDays, addMonths, isIsoDate, type StatFilter } from '@weiquan/shared';
import { AppError } from '../errors/app-error';
import { canSeeUnitPath, type Actor } from '../scope/actor';
import { escapeLike } from '../scope/org-scope';

/** The unit set a figure covers: a subtree, or one unit alone (a user whose scope is their own unit). */
export interface StatUnits {
  rootId: number;
  rootPath: string;
  /** True when only the root unit itself counts (not its sub-units). */
  ownOnly: boolean;
  /** Ids of every unit covered (the tree is small: ~1,000 units). */
  unitIds: number[];
}

const DIMENSIONS = ['kind', 'channel', 'category', 'industry', 'outcome', 'problemType'] as const;
export type StatDimension = (typeof DIMENSIONS)[number];
export const STAT_DIMENSIONS: readonly StatDimension[] = DIMENSIONS;

/** The column of a dimension in stat_daily / stat_contrib (named as the filter's key, but snake_case). */
export function statColumn(d: StatDimension): string {
  return d === 'problemType' ? 'problem_type' : d;
}

/** Longest period a figure may cover (the board's year and its 同比 need two years at most). */
const MAX_DAYS = 3 * 366;

/**
 * The units the actor's figure covers: `unitId` (which the actor must see — else NOT_FOUND, like a
 * missing unit) or the actor's own scope root. A user who sees only their unit gets that unit alone.
 */
export async function resolveStatUnits(m: EntityManager, actor: Actor, unitId?: number | null): Promise<StatUnits> {
  const s = actor.scope;
  let root: { id: number; path: string } | undefined;
  if (unitId != null) {
    [root] = await m.query('SELECT id, path FROM org_unit WHERE id = ?', [unitId]);
    if (!root || !canSeeUnitPath(actor, root.path, Number(root.id))) throw AppError.notFound('单位', 'unitId');
  } else if (s.type === 'ALL') {
    [root] = await m.query('SELECT id, path FROM org_unit WHERE parent_id IS NULL ORDER BY id LIMIT 1');
  } else if (s.type === 'SUBTREE' || s.type === 'UNIT') {
    [root] = await m.query('SELECT id, path FROM org_unit WHERE id = ?', [actor.unitId]);
  }
  if (!root) throw AppError.notFound('单位', 'unitId');
  const ownOnly = s.type === 'UNIT';
  const ids: { id: number }[] = ownOnly
    ? [{ id: Number(root.id) }]
    : await m.query('SELECT id FROM org_unit WHERE path LIKE ?', [`${escapeLike(root.path)}%`]);
  return { rootId: Number(root.id), rootPath: root.path, ownOnly, unitIds: ids.map((r) => Number(r.id)) };
}

/** Checks a filter's period (both ends Asia/Shanghai dates, from ≤ to, at most three years). */
export function checkStatPeriod(from: string, to: string, field = 'filter'): void {
  if (!isIsoDate(from)) throw AppError.badInput(`${field}.from`, '开始日期格式应为 YYYY-MM-DD');
  if (!isIsoDate(to)) throw AppError.badInput(`${field}.to`, '结束日期格式应为 YYYY-MM-DD');
  if (from > to) throw AppError.badInput(`${field}.to`, '结束日期不能早于开始日期');
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days > MAX_DAYS) throw AppError.badInput(`${field}.to`, '统计期间最长三年');
}

/**
 * The WHERE clause of a filter, the same over stat_daily (a figure) and stat_contrib (its drill-down
 * and export): both tables carry metric, day, unit_id and the dimension columns under the same names.
 */
export function statWhere(
  f: StatFilter,
  units: StatUnits,
  table: 'stat_daily' | 'stat_contrib',
  alias: string,
): { sql: string; params: unknown[] } {
  const where = [`${alias}.metric = ?`, `${alias}.day BETWEEN ? AND ?`];
  const params: unknown[] = [f.metric, f.from, f.to];
  if (table === 'stat_contrib') {
    // the same unit set by its path (in the drill-down index), since a unit's path never changes
    where.push(units.ownOnly ? `${alias}.unit_path = ?` : `${alias}.unit_path LIKE ?`);
    params.push(units.ownOnly ? units.rootPath : `${escapeLike(units.rootPath)}%`);
  } else {
    where.push(`${alias}.unit_id IN (${units.unitIds.map(() => '?').join(',')})`);
    params.push(...units.unitIds);
  }
  for (const d of DIMENSIONS) {
    const v = f[d];
    if (v == null) continue;
    where.push(`${alias}.${statColumn(d)} = ?`);
    params.push(v); // '' selects the rows without a value (e.g. no category recorded)
  }
  return { sql: where.join(' AND '), params };
}

/** A period as its whole calendar months and the days outside them (dates YYYY-MM-DD, both ends included). */
export interface PeriodSplit {
  /** First days of the first and the last whole month, or null when the period holds no whole month. */
  months: { from: string; to: string } | null;
  /** The days before the first and after the last whole month (all of the period when there is none). */
  days: { from: string; to: string }[];
}

export function splitPeriod(from: string, to: string): PeriodSplit {
  const firstWhole = from.endsWith('-01') ? from : addMonths(`${from.slice(0, 7)}-01`, 1);
  const toMonth = `${to.slice(0, 7)}-01`;
  const lastWhole = addDays(to, 1).endsWith('-01') ? toMonth : addMonths(toMonth, -1);
  if (firstWhole > lastWhole) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < firstWhole) days.push({ from, to: addDays(firstWhole, -1) });
  const afterLast = addMonths(lastWhole, 1);
  if (afterLast <= to) days.push({ from: afterLast, to });
  return { months: { from: firstWhole, to: lastWhole }, days };
}

/**
 * The subtree roll-up rows (root_unit_id, metric, day, n, amount) of the roots over a period, as a derived
 * table: the whole months from stat_rollup_month (a month's row carries its first day as `day`), the days
 * around them from stat_rollup_day. A year is 12 rows per root and metric instead of 365; both tables are
 * kept by StatMaintainer with the same contributions (the rebuild test holds them equal). `metric`: that
 * metric only; `byDay`: every day from stat_rollup_day (a trend by day).
 */
export function rollupSource(
  roots: readonly number[],
  from: string,
  to: string,
  opts: { metric?: string; byDay?: boolean } = {},
): { sql: string; params: unknown[] } {
  const { metric } = opts;
  const { months, days } = opts.byDay ? { months: null, days: [{ from, to }] } : splitPeriod(from, to);
  const which = `root_unit_id IN (${roots.map(() => '?').join(',')})${metric ? ' AND metric = ?' : ''}`;
  const whichParams = metric ? [...roots, metric] : roots;
  const parts: string[] = [];
  const params: unknown[] = [];
  if (months) {
    parts.push(`SELECT root_unit_id, metric, month AS day, n, amount FROM stat_rollup_month
      WHERE ${which} AND month BETWEEN ? AND ?`);
    params.push(...whichParams, months.from, months.to);
  }
  for (const d of days) {
    parts.push(`SELECT root_unit_id, metric, day, n, amount FROM stat_rollup_day
      WHERE ${which} AND day BETWEEN ? AND ?`);
    params.push(...whichParams, d.from, d.to);
  }
  return { sql: `(${parts.join(' UNION ALL ')})`, params };
}
