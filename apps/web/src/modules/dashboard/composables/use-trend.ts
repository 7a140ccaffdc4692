import { shallowRef } from 'vue';
import { request } from '@/api/request';
import { DashboardTrendDocument, type DashboardTrendQueryVariables } from '@/graphql/generated/graphql';
import { shanghaiDate, shanghaiMidnight } from '@/utils/format';

/** The days DashboardTrend asks for (its aliases d0 … d13). */
const TREND_QUERY_DAYS = 14;

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
 * Cases registered per day, all days in one aliased request (`d0` … `d13`, each only a total).
 * The API scopes them to what the user may see.
 */
export function useTrend(days = 14) {
  const points = shallowRef<TrendPoint[]>([]);

  async function load(): Promise<void> {
    const dates = lastDays(TREND_QUERY_DAYS);
    const vars = Object.fromEntries(
      dates.map((date, i) => [
        `d${i}`,
        { receivedFrom: shanghaiMidnight(date), receivedTo: shanghaiMidnight(nextDate(date)) },
      ]),
    ) as DashboardTrendQueryVariables;
    const data = await request(DashboardTrendDocument, vars);
    const totals = dates.map((_, i) => (data as Record<string, { total: number }>)[`d${i}`]?.total ?? 0);
    points.value = dates.map((date, i) => ({ date, count: totals[i] ?? 0 })).slice(-days);
  }

  return { points, load };
}
