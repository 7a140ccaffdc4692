// Org tree: materialised path. A unit's path is its ancestors' ids and its own, e.g. '/1/4/17/'.
// Subtree of X = every unit whose path starts with X.path (one index range scan; cases carry
// their owning unit's path too, so scope filters on cases use the same prefix).
export const OrgUnitType = {
  CITY_CENTER: 'CITY_CENTER',
  COUNTY_CENTER: 'COUNTY_CENTER',
  TOWNSHIP_STATION: 'TOWNSHIP_STATION',
  VILLAGE_STATION: 'VILLAGE_STATION',
  ENTERPRISE_STATION: 'ENTERPRISE_STATION',
  WORKROOM: 'WORKROOM',
} as const;
export type OrgUnitType = (typeof OrgUnitType)[keyof typeof OrgUnitType];

export const OrgUnitTypeLabel: Record<OrgUnitType, string> = {
  CITY_CENTER: '市消费者维权中心',
  COUNTY_CENTER: '县级维权中心',
  TOWNSHIP_STATION: '乡镇消费维权服务站',
  VILLAGE_STATION: '村（社区）消费维权服务站',
  ENTERPRISE_STATION: '企业消费维权服务站',
  WORKROOM: '工作室',
};

export const WorkroomCode = {
  RECEPTION: 'RECEPTION',
  LEGAL: 'LEGAL',
  RIGHTS: 'RIGHTS',
  LITIGATION_LINK: 'LITIGATION_LINK',
} as const;
export type WorkroomCode = (typeof WorkroomCode)[keyof typeof WorkroomCode];

export const WorkroomLabel: Record<WorkroomCode, string> = {
  RECEPTION: '受理接待工作室',
  LEGAL: '法律服务工作室',
  RIGHTS: '维权服务工作室',
  LITIGATION_LINK: '诉调对接工作室',
};

export const DataScope = { OWN_UNIT: 'OWN_UNIT', SUBTREE: 'SUBTREE', ALL: 'ALL' } as const;
export type DataScope = (typeof DataScope)[keyof typeof DataScope];

export const DataScopeLabel: Record<DataScope, string> = {
  OWN_UNIT: '本单位',
  SUBTREE: '本单位及下级',
  ALL: '全部',
};

/** Path of a child unit under `parentPath` ('/' for a root). */
export function childPath(parentPath: string | null, id: number | string): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** True when `path` is `ancestorPath` itself or lies below it. */
export function isWithin(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/** Ancestor ids of a path, root first, including the unit itself. */
export function pathIds(path: string): string[] {
  return path.split('/').filter(Boolean);
}
