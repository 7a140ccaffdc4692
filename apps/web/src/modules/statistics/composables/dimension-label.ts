import { enumLabel } from '@/locales/labels';
import type { StatDimension } from '@/graphql/generated/graphql';

export type Dimension = StatDimension;
const ENUMS = { kind: 'CaseKind', channel: 'Channel', outcome: 'Outcome' } as const;

/**
 * A dimension value as a table row header: enums by their label, 投诉问题类别 by its dictionary name
 * (`problemTypes`, from useProblemTypeNames), free text as written, blank as 未填写.
 */
export function dimensionValueLabel(
  dim: Dimension,
  key: string,
  blank: string,
  problemTypes?: ReadonlyMap<string, string>,
): string {
  if (key === '') return blank;
  if (dim === 'problemType') return problemTypes?.get(key) ?? '…';
  return dim in ENUMS ? enumLabel(ENUMS[dim as keyof typeof ENUMS], key) : key;
}
