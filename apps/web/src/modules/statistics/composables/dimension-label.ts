import { enumLabel } from '@/locales/labels';

export type Dimension = 'kind' | 'channel' | 'category' | 'industry' | 'outcome';
const ENUMS = { kind: 'CaseKind', channel: 'Channel', outcome: 'Outcome' } as const;

/** A dimension value as a table row header: enums by their label, free text as written, blank as 未填写. */
export function dimensionValueLabel(dim: Dimension, key: string, blank: string): string {
  if (key === '') return blank;
  return dim in ENUMS ? enumLabel(ENUMS[dim as keyof typeof ENUMS], key) : key;
}
