import { describe, expect, it } from 'vitest';
import type { OrgUnitNodeFragment, OrgUnitType } from '@/graphql/generated/graphql';
import { linkageTargets } from './linkage-targets';
import { nextReferralStatuses } from './referral-status';

const unit = (
  id: string,
  parentId: string | null,
  path: string,
  type: OrgUnitType,
  name = `u${id}`,
): OrgUnitNodeFragment => ({
  id,
  code: name,
  name,
  type,
  parentId,
  path,
  depth: path.split('/').filter(Boolean).length - 1,
  active: true,
});

// City 1 → county 4 (workroom 7, town 10 → village 11); a county user does not see the city.
const county = [
  unit('4', '1', '/1/4/', 'COUNTY_CENTER', '鼓楼区中心'),
  unit('7', '4', '/1/4/7/', 'WORKROOM', '诉调对接工作室'),
  unit('10', '4', '/1/4/10/', 'TOWNSHIP_STATION', '鼓东街道站'),
  unit('11', '10', '/1/4/10/11/', 'VILLAGE_STATION', '鼓东社区站'),
];

describe('linkageTargets', () => {
  it('sends a workroom user’s instructions from its center to the stations below, never to a workroom', () => {
    expect(linkageTargets('INSTRUCTION', county, '7')).toEqual([
      { id: '10', name: '鼓东街道站' },
      { id: '11', name: '鼓东社区站' },
    ]);
  });

  it('reports up to the centers above, nearest first, unnamed when out of scope', () => {
    expect(linkageTargets('REPORT', county, '7')).toEqual([{ id: '1', name: null }]);
    expect(linkageTargets('REPORT', county, '11')).toEqual([
      { id: '10', name: '鼓东街道站' },
      { id: '4', name: '鼓楼区中心' },
      { id: '1', name: null },
    ]);
  });

  it('offers nothing when the user’s unit is unknown', () => {
    expect(linkageTargets('INSTRUCTION', county, '99')).toEqual([]);
  });
});

describe('nextReferralStatuses', () => {
  it('lets 诉前调解 end mediated and 司法确认 end confirmed, and nothing follows a final status', () => {
    expect(nextReferralStatuses('PRE_SUIT_MEDIATION', 'ACCEPTED')).toEqual(['MEDIATED', 'REJECTED', 'WITHDRAWN']);
    expect(nextReferralStatuses('JUDICIAL_CONFIRMATION', 'ACCEPTED')).toEqual(['CONFIRMED', 'REJECTED', 'WITHDRAWN']);
    expect(nextReferralStatuses('JUDICIAL_CONFIRMATION', 'SENT')).toEqual(['ACCEPTED', 'REJECTED', 'WITHDRAWN']);
    expect(nextReferralStatuses('PRE_SUIT_MEDIATION', 'WITHDRAWN')).toEqual([]);
  });
});
