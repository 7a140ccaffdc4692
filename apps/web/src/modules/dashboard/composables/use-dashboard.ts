import { shallowRef, ref } from 'vue';
import { request } from '@/api/request';
import {
  CasesDocument,
  DashboardCountsDocument,
  DueSoonDocument,
  OverdueDeadlinesDocument,
  type CaseRowFragment,
  type DeadlineRowFragment,
} from '@/graphql/generated/graphql';
import { overdueCasesFilter } from '@/modules/case/composables/use-case-list';
import { shanghaiDate, shanghaiMidnight } from '@/utils/format';

const LIST = { offset: 0, limit: 8 };

/**
 * The workbench: my queue, deadlines due soon and overdue, and the tiles — one request per panel
 * (deadline rows carry their case number; the tiles are one aliased query).
 */
export function useDashboard() {
  const queue = shallowRef<CaseRowFragment[]>([]);
  const dueSoon = shallowRef<DeadlineRowFragment[]>([]);
  const overdue = shallowRef<DeadlineRowFragment[]>([]);
  const counts = ref({ queue: 0, dueSoon: 0, overdue: 0, open: 0, today: 0 });

  async function load(): Promise<void> {
    const today = shanghaiMidnight(shanghaiDate(Date.now()));
    const [q, soon, late, tiles] = await Promise.all([
      request(CasesDocument, { filter: { queue: 'MINE', sort: 'DUE_ASC' }, page: LIST }),
      request(DueSoonDocument, { withinHours: 48, page: LIST }),
      request(OverdueDeadlinesDocument, { page: LIST }),
      request(DashboardCountsDocument, {
        open: { open: true },
        today: { receivedFrom: today },
        overdue: overdueCasesFilter(),
      }),
    ]);
    queue.value = q.cases.items;
    dueSoon.value = soon.dueSoon.items;
    overdue.value = late.overdueDeadlines.items;
    counts.value = {
      queue: q.cases.total,
      dueSoon: soon.dueSoon.total,
      overdue: tiles.overdue.total,
      open: tiles.open.total,
      today: tiles.today.total,
    };
  }

  return { queue, dueSoon, overdue, counts, load };
}
