import { shallowRef } from 'vue';
import { request } from '@/api/request';
import { CaseCountDocument } from '@/graphql/generated/graphql';
import { shanghaiDate, shanghaiMidnight } from '@/utils/format';

export interface TrendPoint {
  /** YYYY-MM-DD (Shanghai). */
  date: string;
  count: number;
}

/** The last `days` Shanghai dates, oldest first, ending today. */
export function lastDays(days: number, now = Date.now()): string[] {
  const today = shanghaiDate(now);
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(base - (days - 1 - i) * 86400_000).toISOString().slice(0, 10));
}

const nextDate = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

/**
 * Cases registered per day: one `cases(filter:{receivedFrom, receivedTo}) { total }` per day
 * (limit 1, only the total), all in parallel. The API scopes them to what the user may see.
 */
export function useTrend(days = 14) {
  const points = shallowRef<TrendPoint[]>([]);

  async function load(): Promise<void> {
    const dates = lastDays(days);
    const totals = await Promise.all(
      dates.map((date) =>
        request(CaseCountDocument, {
          filter: { receivedFrom: shanghaiMidnight(date), receivedTo: shanghaiMidnight(nextDate(date)) },
        }).then((d) => d.cases.total),
      ),
    );
    points.value = dates.map((date, i) => ({ date, count: totals[i] ?? 0 }));
  }

  return { points, load };
}
