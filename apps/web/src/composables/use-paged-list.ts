import { reactive, ref, shallowRef, watch, type Ref, type UnwrapNestedRefs } from 'vue';
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router';
import { showError } from '@/utils/notify';

export interface PageArgs {
  offset: number;
  limit: number;
}

export interface PageResult<T> {
  items: readonly T[];
  total: number;
}

/** What the shared paged table (`components/paged-table.vue`) reads and drives. */
export interface PagedSource<T = unknown> {
  items: Ref<readonly T[]>;
  total: Ref<number>;
  page: Ref<number>;
  pageSize: Ref<number>;
  loading: Ref<boolean>;
  goPage: (page: number) => unknown;
  setPageSize: (size: number) => unknown;
}

export const PAGE_SIZES = [10, 20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

type FilterValue = string | number | boolean | null | readonly string[];

/**
 * Filter → URL query under `prefix` (only values that differ from the initial filter), page and size
 * too, so Back from a record restores the list. Filters are flat: strings, numbers, booleans, string arrays.
 */
export function toPagedQuery(
  prefix: string,
  filter: object,
  initial: object,
  page: number,
  pageSize: number,
): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  const init = initial as Record<string, FilterValue>;
  for (const [key, value] of Object.entries(filter as Record<string, FilterValue>)) {
    if (JSON.stringify(value) === JSON.stringify(init[key])) continue;
    if (Array.isArray(value)) q[prefix + key] = value.join(',');
    else if (typeof value === 'boolean') q[prefix + key] = value ? '1' : '0';
    else if (value != null) q[prefix + key] = String(value);
  }
  if (page > 1) q[`${prefix}page`] = String(page);
  if (pageSize !== DEFAULT_PAGE_SIZE) q[`${prefix}size`] = String(pageSize);
  return q;
}

/** The inverse of toPagedQuery: each value is read as the type of the initial filter's value; junk falls back. */
export function fromPagedQuery<F extends object>(
  prefix: string,
  query: LocationQuery,
  initial: F,
): { filter: F; page: number; pageSize: number } {
  const one = (key: string): string | null => {
    const v = query[prefix + key];
    return typeof v === 'string' ? v : null;
  };
  const filter = { ...initial } as Record<string, FilterValue>;
  for (const [key, init] of Object.entries(initial as Record<string, FilterValue>)) {
    const raw = one(key);
    if (raw == null) continue;
    if (Array.isArray(init)) filter[key] = raw.split(',').filter(Boolean);
    else if (typeof init === 'boolean') filter[key] = raw === '1';
    else if (typeof init === 'number') filter[key] = Number.isFinite(Number(raw)) ? Number(raw) : init;
    else filter[key] = raw;
  }
  const page = Math.max(1, Number.parseInt(one('page') ?? '', 10) || 1);
  const size = Number.parseInt(one('size') ?? '', 10);
  return {
    filter: filter as F,
    page,
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
}

/**
 * A server-paged list with a filter form: `filter` holds what the user types, and only `search()`
 * applies it (page 1); `load()` re-reads the current page; totals come from the API.
 * Errors are shown as a toast and leave the previous rows in place.
 * `url`: a query-key prefix ('' for a page's main list) — the applied filter, page and size live in
 * the URL (router.push), so Back from a record returns to the same list; call within setup.
 */
export function usePagedList<T extends { id: string }, F extends object>(
  fetchPage: (filter: UnwrapNestedRefs<F>, page: PageArgs) => Promise<PageResult<T>>,
  initialFilter: () => F,
  options: { pageSize?: number; onError?: (error: unknown) => void; url?: string } = {},
) {
  const filter = reactive(initialFilter()) as UnwrapNestedRefs<F>;
  const items = shallowRef<T[]>([]);
  const total = ref(0);
  const page = ref(1);
  const pageSize = ref(options.pageSize ?? DEFAULT_PAGE_SIZE);
  const loading = ref(false);
  let applied = snapshot();
  let seq = 0;
  const prefix = options.url;
  const route = prefix === undefined ? null : useRoute();
  const router = prefix === undefined ? null : useRouter();

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

  // This list's keys of the query ('' lists own the keys without a dot; panels use 'name.').
  const own = (k: string): boolean => k !== 'tab' && k.startsWith(prefix ?? '') && (prefix !== '' || !k.includes('.'));
  const ownPart = (query: LocationQuery | LocationQueryRaw): string =>
    JSON.stringify(
      Object.entries(query)
        .filter(([k]) => own(k))
        .sort(([a], [b]) => a.localeCompare(b)),
    );

  /** The list state as this list's part of the URL query (other keys of the query are kept). */
  function pushState(): Promise<void> {
    if (!route || !router || prefix === undefined) return load();
    const kept = Object.fromEntries(Object.entries(route.query).filter(([k]) => !own(k)));
    const query = { ...kept, ...toPagedQuery(prefix, applied, initialFilter(), page.value, pageSize.value) };
    // The route watcher below loads; an unchanged query (search again) loads here.
    if (ownPart(query) === ownPart(route.query)) return load();
    return router.push({ query }).then(() => undefined);
  }

  function restoreFrom(query: LocationQuery): Promise<void> {
    const state = fromPagedQuery(prefix ?? '', query, initialFilter());
    Object.assign(filter, state.filter);
    applied = snapshot();
    page.value = state.page;
    pageSize.value = state.pageSize;
    return load();
  }

  if (route && prefix !== undefined) {
    // Back / Forward within the same page: the query changes under a mounted list (not when leaving it).
    const path = route.path;
    watch(
      () => route.query,
      (query, before) => {
        if (route.path === path && ownPart(query) !== ownPart(before)) void restoreFrom(query);
      },
    );
  }

  function search(): Promise<void> {
    applied = snapshot();
    page.value = 1;
    return pushState();
  }

  /** The first load: from the URL when the list keeps its state there, else the initial filter. */
  function start(): Promise<void> {
    return route ? restoreFrom(route.query) : search();
  }

  function reset(): Promise<void> {
    Object.assign(filter, initialFilter());
    return search();
  }

  function goPage(n: number): Promise<void> {
    page.value = n;
    return pushState();
  }

  function setPageSize(n: number): Promise<void> {
    pageSize.value = n;
    page.value = 1;
    return pushState();
  }

  /** Puts a changed row in place (after a mutation) without reloading the page. */
  function replaceRow(row: T): void {
    items.value = items.value.map((r) => (r.id === row.id ? row : r));
  }

  return {
    filter,
    items,
    total,
    page,
    pageSize,
    loading,
    load,
    search,
    start,
    reset,
    goPage,
    setPageSize,
    replaceRow,
  };
}

export type PagedList<T extends { id: string }, F extends object> = ReturnType<typeof usePagedList<T, F>>;
