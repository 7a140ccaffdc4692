// Work queues sort on the server (each API has its own sort enum); the table's sortable headers
// map to those enums here, so a click on 剩余时间 re-queries instead of sorting one page locally.

export type TableOrder = 'ascending' | 'descending';

export interface QueueSortOption<S extends string> {
  /** el-table-column prop that carries `sortable="custom"`. */
  prop: string;
  order: TableOrder;
  sort: S;
}

export interface TableSortChange {
  prop: string | null;
  order: TableOrder | null;
}

/**
 * The server sort for a header click. A direction the API cannot sort by falls back to the other
 * direction of the same column, then to `fallback` (also used when the sort is cleared).
 */
export function queueSortFor<S extends string>(
  options: readonly QueueSortOption<S>[],
  change: TableSortChange,
  fallback: S,
): S {
  if (!change.prop || !change.order) return fallback;
  const exact = options.find((o) => o.prop === change.prop && o.order === change.order);
  if (exact) return exact.sort;
  return options.find((o) => o.prop === change.prop)?.sort ?? fallback;
}

/** The header arrow to show for a server sort (el-table `default-sort`). */
export function tableSortOf<S extends string>(
  options: readonly QueueSortOption<S>[],
  sort: S,
): { prop: string; order: TableOrder } | undefined {
  const o = options.find((x) => x.sort === sort);
  return o ? { prop: o.prop, order: o.order } : undefined;
}

export const LEGAL_QUEUE_SORTS: readonly QueueSortOption<'TIME_LEFT_ASC' | 'TIME_LEFT_DESC' | 'OLDEST_FIRST'>[] = [
  { prop: 'timeLeft', order: 'ascending', sort: 'TIME_LEFT_ASC' },
  { prop: 'timeLeft', order: 'descending', sort: 'TIME_LEFT_DESC' },
  { prop: 'since', order: 'ascending', sort: 'OLDEST_FIRST' },
];

export const MEDIATION_QUEUE_SORTS: readonly QueueSortOption<'TIME_LEFT' | 'RECEIVED'>[] = [
  { prop: 'timeLeft', order: 'ascending', sort: 'TIME_LEFT' },
  { prop: 'receivedAt', order: 'ascending', sort: 'RECEIVED' },
];

export const LINK_QUEUE_SORTS: readonly QueueSortOption<'TIME_LEFT' | 'NEWEST'>[] = [
  { prop: 'timeLeft', order: 'ascending', sort: 'TIME_LEFT' },
  { prop: 'since', order: 'descending', sort: 'NEWEST' },
];
