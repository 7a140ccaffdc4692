import { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PageInput } from '../../common/paging';

/**
 * One page of several scoped queries read as one list (a workroom's queue or archive), and the
 * exact total: the parts, each already narrowed by its own scope helper, are joined with UNION ALL
 * (they must select the same columns in the same order) and ordered by `orderBy` over the union's
 * columns, aliased `q`. Two statements: the page and the count.
 */
export async function unionPage<R>(
  m: EntityManager,
  parts: SelectQueryBuilder<ObjectLiteral>[],
  orderBy: string,
  page: PageInput,
): Promise<{ rows: R[]; total: number }> {
  const sql: string[] = [];
  const params: unknown[] = [];
  for (const qb of parts) {
    const [q, p] = qb.getQueryAndParameters();
    sql.push(`(${q})`);
    params.push(...p);
  }
  const from = `(${sql.join(' UNION ALL ')}) q`;
  const [rows, [count]] = await Promise.all([
    m.query(`SELECT q.* FROM ${from} ORDER BY ${orderBy} LIMIT ? OFFSET ?`, [
      ...params,
      page.limit,
      page.offset,
    ]) as Promise<R[]>,
    m.query(`SELECT COUNT(*) AS n FROM ${from}`, params) as Promise<{ n: string | number }[]>,
  ]);
  return { rows, total: Number(count.n) };
}

/** ORDER BY for "least time left first": overdue first, then the nearest due; items with no deadline last. */
export const TIME_LEFT_ORDER = (due: string) => `${due} IS NULL, ${due} ASC`;

/** Milliseconds from `now` to `dueAt` (negative once overdue); null without a deadline. */
export function msLeft(dueAt: Date | string | null, now: Date): number | null {
  return dueAt == null ? null : new Date(dueAt).getTime() - now.getTime();
}
