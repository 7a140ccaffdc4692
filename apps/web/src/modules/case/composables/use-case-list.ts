import { reactive, ref, shallowRef } from 'vue';
import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import { request } from '@/api/request';
import {
  CasesDocument,
  type CaseFilter,
  type CaseKind,
  type CaseRowFragment,
  type CaseSort,
  type CaseFlag,
  type CaseState,
  type Channel,
} from '@/graphql/generated/graphql';
import { shanghaiMidnight } from '@/utils/format';

export interface CaseSearchForm {
  keyword: string;
  kinds: CaseKind[];
  states: CaseState[];
  channels: Channel[];
  unitId: string | null;
  /** [from, to] as YYYY-MM-DD (Shanghai dates, both included), or null. */
  received: [string, string] | null;
  overdue: boolean;
  openOnly: boolean;
  mine: boolean;
  consumerPhone: string;
  respondent: string;
  sort: CaseSort;
  /** 重点标记: cases with any of these flags. */
  flags: CaseFlag[];
}

export const emptyCaseSearch = (): CaseSearchForm => ({
  keyword: '',
  kinds: [],
  states: [],
  channels: [],
  unitId: null,
  received: null,
  overdue: false,
  openOnly: false,
  mine: false,
  consumerPhone: '',
  respondent: '',
  sort: 'RECEIVED_DESC',
  flags: [],
});

const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/** Search form → CaseFilter. The date range covers whole Shanghai days: [from 00:00, to+1 00:00). */
export function toCaseFilter(form: CaseSearchForm): CaseFilter {
  const list = <T>(values: T[]): T[] | null => (values.length > 0 ? values : null);
  return {
    keyword: form.keyword.trim() || null,
    kinds: list(form.kinds),
    states: list(form.states),
    channels: list(form.channels),
    unitId: form.unitId || null,
    receivedFrom: form.received ? shanghaiMidnight(form.received[0]) : null,
    receivedTo: form.received ? shanghaiMidnight(nextDay(form.received[1])) : null,
    overdue: form.overdue || null,
    open: form.openOnly || null,
    queue: form.mine ? 'MINE' : null,
    consumerPhone: form.consumerPhone.trim() || null,
    respondent: form.respondent.trim() || null,
    sort: form.sort,
    flags: list(form.flags),
  };
}

const SORTS: readonly CaseSort[] = ['RECEIVED_DESC', 'RECEIVED_ASC', 'DUE_ASC', 'UPDATED_DESC'];

/** The list's state (search form, page, page size) as URL query: Back from a case restores the same list. */
export function toListQuery(form: CaseSearchForm, page: number, pageSize: number): LocationQueryRaw {
  const q: LocationQueryRaw = {};
  if (form.keyword.trim()) q.keyword = form.keyword.trim();
  if (form.kinds.length) q.kind = form.kinds.join(',');
  if (form.states.length) q.state = form.states.join(',');
  if (form.channels.length) q.channel = form.channels.join(',');
  if (form.unitId) q.unit = form.unitId;
  if (form.received) q.received = form.received.join(',');
  if (form.overdue) q.overdue = '1';
  if (form.openOnly) q.open = '1';
  if (form.mine) q.mine = '1';
  if (form.consumerPhone.trim()) q.phone = form.consumerPhone.trim();
  if (form.respondent.trim()) q.respondent = form.respondent.trim();
  if (form.sort !== 'RECEIVED_DESC') q.sort = form.sort;
  if (form.flags.length) q.flags = form.flags.join(',');
  if (page > 1) q.page = String(page);
  if (pageSize !== 20) q.size = String(pageSize);
  return q;
}

/** The inverse of toListQuery; unknown or malformed values fall back to the defaults. */
export function fromListQuery(q: LocationQuery): { form: CaseSearchForm; page: number; pageSize: number } {
  const one = (k: string): string => (typeof q[k] === 'string' ? (q[k] as string) : '');
  const many = <T extends string>(k: string, allowed: (v: string) => boolean): T[] =>
    one(k)
      .split(',')
      .filter((v) => v && allowed(v)) as T[];
  const form = emptyCaseSearch();
  form.keyword = one('keyword');
  form.kinds = many<CaseKind>('kind', (v) => /^[A-Z_]+$/.test(v));
  form.states = many<CaseState>('state', (v) => /^[A-Z_]+$/.test(v));
  form.channels = many<Channel>('channel', (v) => /^[A-Z_0-9]+$/.test(v));
  form.unitId = one('unit') || null;
  const received = one('received').split(',');
  form.received =
    received.length === 2 && received.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)) ? [received[0]!, received[1]!] : null;
  form.overdue = one('overdue') === '1';
  form.openOnly = one('open') === '1';
  form.mine = one('mine') === '1';
  form.consumerPhone = one('phone');
  form.respondent = one('respondent');
  form.flags = many<CaseFlag>('flags', (v) => /^[A-Z_]+$/.test(v));
  const sort = one('sort') as CaseSort;
  if (SORTS.includes(sort)) form.sort = sort;
  const page = Math.max(1, Number.parseInt(one('page'), 10) || 1);
  const size = Number.parseInt(one('size'), 10);
  return { form, page, pageSize: [10, 20, 50, 100].includes(size) ? size : 20 };
}

/**
 * The one definition of an 超期 case the console uses: the list's 「只看超期」 (and `?overdue=1`)
 * and the dashboard's 已超期 tile send exactly this filter, so the tile equals the list's total.
 * (The API's `overdue` flag: the case has a breached clock that has not stopped.)
 */
export function overdueCasesFilter(): CaseFilter {
  return toCaseFilter({ ...emptyCaseSearch(), overdue: true });
}

/** The case list: server-side filter, sort and paging, total from the API. */
export function useCaseList() {
  const search = reactive<CaseSearchForm>(emptyCaseSearch());
  const items = shallowRef<CaseRowFragment[]>([]);
  const total = ref(0);
  /** A keyword search counts exactly up to a bound: then total is the bound and the list says “超过 N 条”. */
  const totalIsLowerBound = ref(false);
  const page = ref(1);
  const pageSize = ref(20);
  const loading = ref(false);
  let applied: CaseFilter = toCaseFilter(search);
  let seq = 0;

  async function load(): Promise<void> {
    const mine = ++seq;
    loading.value = true;
    try {
      const data = await request(CasesDocument, {
        filter: applied,
        page: { offset: (page.value - 1) * pageSize.value, limit: pageSize.value },
      });
      if (mine !== seq) return;
      items.value = data.cases.items;
      total.value = data.cases.total;
      totalIsLowerBound.value = data.cases.totalIsLowerBound;
    } finally {
      if (mine === seq) loading.value = false;
    }
  }

  function submitSearch(): Promise<void> {
    applied = toCaseFilter(search);
    page.value = 1;
    return load();
  }

  /** Applies a state read from the URL (form, page, size) and loads it. */
  function restore(state: { form: CaseSearchForm; page: number; pageSize: number }): Promise<void> {
    Object.assign(search, state.form);
    applied = toCaseFilter(search);
    page.value = state.page;
    pageSize.value = state.pageSize;
    return load();
  }

  function resetSearch(): Promise<void> {
    Object.assign(search, emptyCaseSearch());
    return submitSearch();
  }

  return { search, items, total, totalIsLowerBound, page, pageSize, loading, load, submitSearch, resetSearch, restore };
}
