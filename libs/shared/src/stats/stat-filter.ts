import type { IsoDate } from '../calendar/shanghai-time';
import type { MetricSums } from './kpi-dictionary';
import type { StatContribution } from './stat-contributions';

/**
 * The one filter a figure, its drill-down and its export share. The server turns it into the same
 * WHERE clause over the daily aggregates (figure) and over the per-case rows (drill-down, export).
 */
export interface StatFilter {
  metric: string;
  from: IsoDate;
  to: IsoDate;
  /** Subtree root (materialised path prefix is looked up on the server); null = the actor's scope. */
  unitId?: number | null;
  kind?: string | null;
  channel?: string | null;
  category?: string | null;
  industry?: string | null;
  outcome?: string | null;
  /** 投诉问题类别 code; '' selects the cases without one. */
  problemType?: string | null;
}

/** Sums per metric over contribution rows in [from, to] whose unit passes `inUnits` (reference for tests). */
export function sumContributions(
  rows: readonly StatContribution[],
  from: IsoDate,
  to: IsoDate,
  inUnits: (unitId: number) => boolean = () => true,
): MetricSums {
  const out = new Map<string, { n: number; amount: number }>();
  for (const r of rows) {
    if (r.day < from || r.day > to || !inUnits(r.unitId)) continue;
    const s = out.get(r.metric) ?? { n: 0, amount: 0 };
    s.n += 1;
    s.amount += r.amount;
    out.set(r.metric, s);
  }
  return out;
}
