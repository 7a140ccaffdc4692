import { computed } from 'vue';
import type { UnwrapNestedRefs } from 'vue';
import { queueSortFor, tableSortOf, type QueueSortOption, type TableSortChange } from '@/utils/queue-sort';
import { usePagedList, type PageArgs, type PageResult } from './use-paged-list';

/**
 * A workroom's work queue: a server-sorted paged list (its sort in the URL under `url`), the header
 * arrow for the current sort, and the header click that re-queries (the API sorts, not the page).
 */
export function useWorkQueue<T extends { id: string }, S extends string>(
  fetchPage: (sort: S, page: PageArgs) => Promise<PageResult<T>>,
  opts: { sorts: readonly QueueSortOption<S>[]; fallback: S; url: string },
) {
  const list = usePagedList<T, { sort: S }>(
    (f: UnwrapNestedRefs<{ sort: S }>, page) => fetchPage(f.sort as S, page),
    () => ({ sort: opts.fallback }),
    { url: opts.url },
  );
  const defaultSort = computed(() => tableSortOf(opts.sorts, list.filter.sort as S));

  function onSort(change: TableSortChange): void {
    (list.filter as { sort: S }).sort = queueSortFor(opts.sorts, change, opts.fallback);
    void list.search();
  }

  return { list, defaultSort, onSort };
}
