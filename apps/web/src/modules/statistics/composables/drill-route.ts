import type { RouteLocationRaw } from 'vue-router';

export interface DrillTarget {
  metric: string;
  from: string;
  to: string;
  unitId?: string | null;
  kind?: string | null;
  channel?: string | null;
  category?: string | null;
  industry?: string | null;
  outcome?: string | null;
  /** 投诉问题类别 code ('' = 未填写). */
  problemType?: string | null;
}

/** The drill-down page of a figure: its filter in the URL (the same the figure, the list and the export use). */
export function drillRoute(t: DrillTarget): RouteLocationRaw {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(t)) if (v != null && (v !== '' || k !== 'unitId')) query[k] = v;
  return { name: 'stats-cases', query };
}

const KEYS = [
  'metric',
  'from',
  'to',
  'unitId',
  'kind',
  'channel',
  'category',
  'industry',
  'outcome',
  'problemType',
] as const;

/** The filter back from the URL: unknown keys dropped, blank dimension values kept ('' = 未填写). */
export function drillFromQuery(q: Record<string, unknown>): DrillTarget | null {
  const out: Record<string, string> = {};
  for (const k of KEYS) if (typeof q[k] === 'string') out[k] = q[k] as string;
  if (!out.metric || !out.from || !out.to) return null;
  return out as unknown as DrillTarget;
}
