import { reactive, ref, shallowRef, type UnwrapNestedRefs } from 'vue';
import { showError } from '@/utils/notify';

export interface PageArgs {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  items: readonly T[];
  total: number;
}

/**
 * A server-paged list with a filter form: `filter` holds what the user types, and only `search()`
 * applies it (page 1); `load()` re-reads the current page; totals come from the API.
 * Errors are shown as a toast and leave the previous rows in place.
 */
export function usePagedList<T extends { id: string }, F extends object>(
  fetchPage: (filter: UnwrapNestedRefs<F>, page: PageArgs) => Promise<PageResult<T>>,
  initialFilter: () => F,
  options: { pageSize?: number; onError?: (error: unknown) => void } = {},
) {
  const filter = reactive(initialFilter()) as UnwrapNestedRefs<F>;
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? 20);
  const loading = ref(false);
  let applied = snapshot();
  let seq = 0;

  function snapshot(): UnwrapNestedRefs<F> {
    // Filters are plain data (strings, numbers, booleans, arrays): a JSON copy detaches them.
    return JSON.parse(JSON.stringify(filter)) as UnwrapNestedRefs<F>;
  }

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const res = await fetchPage(applied, { offset: (page.value - 1) * pageSize.value, limit: pageSize.value });
      // A slower, older answer must not overwrite a newer one.
      if (mine !== seq) return;
      items.value = [...res.items];
      total.value = res.total;
    } catch (error) {
      (options.onError ?? showError)(error);
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function search(): Promise<void> {
    applied = snapshot();
    page.value = 1;
    return load();
  }

  function reset(): Promise<void> {
    Object.assign(filter, initialFilter());
    return search();
  }

  /** Puts a changed row in place (after a mutation) without reloading the page. */
  function replaceRow(row: T): void {
    items.value = items.value.map((r) => (r.id === row.id ? row : r));
  }

  return { filter, items, total, page, pageSize, loading, load, search, reset, replaceRow };
}
