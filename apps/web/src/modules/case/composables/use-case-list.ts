import { reactive, ref, shallowRef } from 'vue';
import { request } from '@/api/request';
import {
  CasesDocument,
  type CaseFilter,
  type CaseKind,
  type CaseRowFragment,
  type CaseSort,
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
  };
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

  function resetSearch(): Promise<void> {
    Object.assign(search, emptyCaseSearch());
    return submitSearch();
  }

  return { search, items, total, totalIsLowerBound, page, pageSize, loading, load, submitSearch, resetSearch };
}
