import { ref, shallowRef } from 'vue';
import { request } from '@/api/request';
import {
  CaseCountDocument,
  CaseNoDocument,
  CasesDocument,
  DueSoonDocument,
  OverdueDeadlinesDocument,
  type CaseRowFragment,
  type DeadlineRowFragment,
} from '@/graphql/generated/graphql';
import { shanghaiDate, shanghaiMidnight } from '@/utils/format';

const LIST = { offset: 0, limit: 8 };

/** The workbench: my queue, deadlines due soon and overdue, and a few counts. */
export function useDashboard() {
  const queue = shallowRef<CaseRowFragment[]>([]);
  const dueSoon = shallowRef<DeadlineRowFragment[]>([]);
  const overdue = shallowRef<DeadlineRowFragment[]>([]);
  const caseNos = ref<Record<string, string>>({});
  const counts = ref({ queue: 0, dueSoon: 0, overdue: 0, open: 0, today: 0 });

  async function load(): Promise<void> {
    const today = shanghaiMidnight(shanghaiDate(Date.now()));
    const [q, soon, late, open, todayCount] = await Promise.all([
      request(CasesDocument, { filter: { queue: 'MINE', sort: 'DUE_ASC' }, page: LIST }),
      request(DueSoonDocument, { withinHours: 48, page: LIST }),
      request(OverdueDeadlinesDocument, { page: LIST }),
      request(CaseCountDocument, { filter: { open: true } }),
      request(CaseCountDocument, { filter: { receivedFrom: today } }),
    ]);
    queue.value = q.cases.items;
    dueSoon.value = soon.dueSoon.items;
    overdue.value = late.overdueDeadlines.items;
    counts.value = {
      queue: q.cases.total,
      dueSoon: soon.dueSoon.total,
      overdue: late.overdueDeadlines.total,
      open: open.cases.total,
      today: todayCount.cases.total,
    };
    await loadCaseNos([...soon.dueSoon.items, ...late.overdueDeadlines.items].map((d) => d.caseId));
  }

  // Deadlines carry only the case id: look the numbers up (at most 16, in parallel).
  async function loadCaseNos(ids: string[]): Promise<void> {
    const missing = [...new Set(ids)].filter((id) => !(id in caseNos.value));
    const found = await Promise.all(
      missing.map((id) =>
        request(CaseNoDocument, { id })
          .then((d) => [id, d.case.caseNo] as const)
          .catch(() => [id, id] as const),
      ),
    );
    caseNos.value = { ...caseNos.value, ...Object.fromEntries(found) };
  }

  return { queue, dueSoon, overdue, caseNos, counts, load };
}
