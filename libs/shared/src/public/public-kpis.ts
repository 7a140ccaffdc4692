import { KPI_DEFINITIONS, type KpiDefinition } from '../stats/kpi-dictionary';

// #16 item 6, 服务成效: the figures the public site publishes per unit and month, all from the KPI
// dictionary — on-time rates, mediation success and satisfaction. Aggregates only, never per person.
export const PUBLIC_KPI_CODES = [
  'ONTIME_FIRST_CHECK',
  'ONTIME_CONCLUDE',
  'ONTIME_REPORT_VERIFY',
  'ONTIME_COMPLAINT_CONCLUDE',
  'MEDIATION_RATE_MEDIATED',
  'SATISFACTION_RATE',
] as const;

export const PUBLIC_KPIS: readonly KpiDefinition[] = PUBLIC_KPI_CODES.map(
  (code) => KPI_DEFINITIONS.find((k) => k.code === code)!,
);

/**
 * A figure's definition in plain words for the public: numerator ÷ denominator and the commitment behind
 * it, from the dictionary's labels (its `definition` names internal rule codes, which the public never sees).
 */
export function publicKpiExplanation(k: KpiDefinition): string {
  const formula = `${k.numeratorLabel} ÷ ${k.denominatorLabel ?? ''}`;
  return k.source ? `${formula}。${k.source}。` : `${formula}。`;
}
