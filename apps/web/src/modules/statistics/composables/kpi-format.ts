import type { KpiDefinitionsQuery, KpiValueFieldsFragment } from '@/graphql/generated/graphql';
import { RULE_LABELS } from '@/locales/labels';

export type KpiDef = KpiDefinitionsQuery['kpiDefinitions'][number];
export type KpiValue = KpiValueFieldsFragment;

const int = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const wan = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A figure as a director reads it: rates in %, counts as integers, amounts in 万元 (tables' unit). */
export function formatKpi(def: Pick<KpiDef, 'type'>, v: KpiValue | undefined): string {
  if (!v || v.value == null) return '—';
  if (def.type === 'RATE') return `${(v.value * 100).toFixed(1)}%`;
  if (def.type === 'AMOUNT') return `${wan.format(v.value / 10_000)} 万元`;
  return int.format(v.value);
}

export const formatCount = (n: number): string => int.format(n);
export const formatWan = (yuan: number): string => wan.format(yuan / 10_000);

/**
 * 环比/同比 against a base figure: rates as a change in percentage points, counts and amounts as a
 * relative change; null when there is nothing to compare with.
 */
export function kpiDelta(def: Pick<KpiDef, 'type'>, cur?: KpiValue, base?: KpiValue): number | null {
  if (!cur || !base || cur.value == null || base.value == null) return null;
  if (def.type === 'RATE') return (cur.value - base.value) * 100;
  if (base.value === 0) return null;
  return ((cur.value - base.value) / base.value) * 100;
}

/** The Chinese name of a statistics metric (numerator/denominator of the dictionary, or a clock's). */
export function metricLabel(metric: string, defs: readonly KpiDef[]): string {
  for (const d of defs) {
    if (d.numerator === metric) return d.numeratorLabel;
    if (d.denominator === metric && d.denominatorLabel) return d.denominatorLabel;
  }
  const clock = /^(DUE|ONTIME):(.+)$/.exec(metric);
  if (clock) return `${clock[1] === 'DUE' ? '应办' : '按时办理'}（${RULE_LABELS[clock[2]!] ?? '时限规则'}）`;
  return '统计项';
}
