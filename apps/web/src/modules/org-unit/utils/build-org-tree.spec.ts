import { describe, expect, it } from 'vitest';
import type { OrgUnitNodeFragment, OrgUnitType } from '@/graphql/generated/graphql';
import { buildOrgTree, initiallyExpandedIds } from './build-org-tree';

function unit(
  id: string,
  code: string,
  parentId: string | null,
  type: OrgUnitType = 'TOWNSHIP_STATION',
): OrgUnitNodeFragment {
  return { id, code, name: `单位${code}`, type, parentId, path: '', depth: 0, active: true };
}

describe('buildOrgTree', () => {
  it('nests units under their parents and sorts siblings by code', () => {
    const roots = buildOrgTree([
      unit('3', '0102', '2'),
      unit('1', '01', null, 'CITY_CENTER'),
      unit('4', '0101', '2'),
      unit('2', '01xx', '1', 'COUNTY_CENTER'),
      unit('5', '0001', '1', 'ENTERPRISE_STATION'),
    ]);
    expect(roots.map((r) => r.id)).toEqual(['1']);
    expect(roots[0]!.children.map((c) => c.id)).toEqual(['5', '2']);
    expect(roots[0]!.children[1]!.children.map((c) => c.code)).toEqual(['0101', '0102']);
  });

  it('makes a unit whose parent is not visible a root (a county seen by its own staff)', () => {
    const roots = buildOrgTree([unit('2', '02', '1', 'COUNTY_CENTER'), unit('3', '0201', '2')]);
    expect(roots.map((r) => r.id)).toEqual(['2']);
    expect(roots[0]!.children.map((c) => c.id)).toEqual(['3']);
  });

  it('expands the roots and their children that have children', () => {
    const roots = buildOrgTree([
      unit('1', '01', null),
      unit('2', '0101', '1'),
      unit('3', '010101', '2'),
      unit('4', '0102', '1'),
    ]);
    expect(initiallyExpandedIds(roots)).toEqual(['1', '2']);
  });
});
