import { describe, expect, it } from 'vitest';
import type { DeadlineRuleSetRowFragment } from '@/graphql/generated/graphql';
import { formatWarnFractions, groupRuleSets, parseWarnFractions } from './rule-sets';

const set = (code: string, version: number): DeadlineRuleSetRowFragment => ({
  id: `${code}-${version}`,
  code,
  name: code,
  layer: 'COMMITMENT',
  effectiveFrom: '2026-01-01',
  version,
  active: true,
  rules: [],
});

describe('groupRuleSets', () => {
  it('groups versions by code with the highest version current and older ones newest first', () => {
    const groups = groupRuleSets([set('SERVICE', 1), set('ORDER121', 1), set('SERVICE', 3), set('SERVICE', 2)]);
    expect(groups.map((g) => g.code)).toEqual(['SERVICE', 'ORDER121']);
    expect(groups[0]!.latest.version).toBe(3);
    expect(groups[0]!.history.map((s) => s.version)).toEqual([2, 1]);
    expect(groups[1]!.history).toEqual([]);
  });
});

describe('warning fractions', () => {
  it('parses "0.8，0.5" into sorted fractions and rejects values outside (0, 1)', () => {
    expect(parseWarnFractions('0.8，0.5')).toEqual([0.5, 0.8]);
    expect(parseWarnFractions(' ')).toEqual([]);
    expect(parseWarnFractions('0.5, 1')).toBeNull();
    expect(parseWarnFractions('50%')).toBeNull();
    expect(formatWarnFractions([0.5, 0.8])).toBe('50%、80%');
  });
});
