import { describe, expect, it } from 'vitest';
import { childTypesOf, codeRule, missingWorkrooms } from './unit-types';

describe('org unit creation rules', () => {
  it('offers only the types the API allows under each parent', () => {
    expect(childTypesOf('CITY_CENTER')).toContain('COUNTY_CENTER');
    expect(childTypesOf('COUNTY_CENTER')).not.toContain('COUNTY_CENTER');
    expect(childTypesOf('TOWNSHIP_STATION')).toEqual(['VILLAGE_STATION', 'ENTERPRISE_STATION']);
    expect(childTypesOf('VILLAGE_STATION')).toEqual([]);
    expect(childTypesOf('WORKROOM')).toEqual([]);
  });

  it('offers each workroom once per center', () => {
    expect(missingWorkrooms(['RECEPTION', null, 'RIGHTS'])).toEqual(['LEGAL', 'LITIGATION_LINK']);
    expect(missingWorkrooms(['RECEPTION', 'LEGAL', 'RIGHTS', 'LITIGATION_LINK'])).toEqual([]);
  });

  it('checks codes: a county code is a case-number prefix (2–8 capitals, not WQ)', () => {
    expect(codeRule('COUNTY_CENTER').test('GL')).toBe(true);
    expect(codeRule('COUNTY_CENTER').test('WQ')).toBe(false);
    expect(codeRule('COUNTY_CENTER').test('GL-1')).toBe(false);
    expect(codeRule('TOWNSHIP_STATION').test('GL-T3')).toBe(true);
    expect(codeRule('TOWNSHIP_STATION').test('gl-t3')).toBe(false);
  });
});
