import type { OrgUnitType, WorkroomCode } from '@/graphql/generated/graphql';

// Which unit types may be created under which, as the API checks (city → county → township → village;
// workrooms under a center; enterprise stations under a center or a township).
const CHILD_TYPES: Readonly<Record<OrgUnitType, readonly OrgUnitType[]>> = {
  CITY_CENTER: ['COUNTY_CENTER', 'WORKROOM', 'TOWNSHIP_STATION', 'ENTERPRISE_STATION'],
  COUNTY_CENTER: ['WORKROOM', 'TOWNSHIP_STATION', 'ENTERPRISE_STATION'],
  TOWNSHIP_STATION: ['VILLAGE_STATION', 'ENTERPRISE_STATION'],
  VILLAGE_STATION: [],
  ENTERPRISE_STATION: [],
  WORKROOM: [],
};

export const WORKROOMS: readonly WorkroomCode[] = ['RECEPTION', 'LEGAL', 'RIGHTS', 'LITIGATION_LINK'];

/** The types a new unit under `parent` may have. */
export function childTypesOf(parent: OrgUnitType): readonly OrgUnitType[] {
  return CHILD_TYPES[parent];
}

/** Workrooms a center does not have yet (each kind once per center). */
export function missingWorkrooms(existing: readonly (WorkroomCode | null | undefined)[]): WorkroomCode[] {
  return WORKROOMS.filter((w) => !existing.includes(w));
}

/** 县级中心 codes are also case-number prefixes: 2–8 capital letters, WQ reserved for the city. */
export function codeRule(type: OrgUnitType): RegExp {
  return type === 'COUNTY_CENTER' ? /^(?!WQ$)[A-Z]{2,8}$/ : /^[A-Z][A-Z0-9-]{1,31}$/;
}
