import type { DeadlineRuleSetRowFragment } from '@/graphql/generated/graphql';

export interface RuleSetGroup {
  code: string;
  /** The highest version: what new deadlines of this set start with (from its effective date). */
  latest: DeadlineRuleSetRowFragment;
  /** Earlier versions, newest first (running deadlines may still use them). */
  history: DeadlineRuleSetRowFragment[];
}

/** Rule-set versions grouped by code, in the API's order (layer, effective date). */
export function groupRuleSets(sets: readonly DeadlineRuleSetRowFragment[]): RuleSetGroup[] {
  const byCode = new Map<string, DeadlineRuleSetRowFragment[]>();
  for (const set of sets) byCode.set(set.code, [...(byCode.get(set.code) ?? []), set]);
  return [...byCode].map(([code, versions]) => {
    const sorted = [...versions].sort((a, b) => b.version - a.version);
    return { code, latest: sorted[0]!, history: sorted.slice(1) };
  });
}

/**
 * "0.5, 0.8" → [0.5, 0.8] (ascending, each strictly between 0 and 1); '' → []; null when invalid.
 * Chinese commas and spaces separate too.
 */
export function parseWarnFractions(text: string): number[] | null {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  const values = parts.map(Number);
  if (values.some((v) => !Number.isFinite(v) || v <= 0 || v >= 1)) return null;
  return [...new Set(values)].sort((a, b) => a - b);
}

/** [0.5, 0.8] → "50%、80%" */
export function formatWarnFractions(values: readonly number[]): string {
  return values.map((v) => `${Math.round(v * 100)}%`).join('、') || '—';
}
