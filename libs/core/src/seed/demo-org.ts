import { DataScope, OrgUnitType, Role, WorkroomCode, WorkroomLabel } from '@weiquan/shared';

// The demo organisation: one city, three counties, 16 stations, every role.
export const DEMO_PASSWORD = 'Weiquan@2026';

export interface DemoUnit {
  code: string;
  name: string;
  type: OrgUnitType;
  parent?: string;
  phone?: string;
  address?: string;
}

const WORKROOMS = Object.values(WorkroomCode);

function center(code: string, name: string, type: OrgUnitType, parent?: string, phone?: string): DemoUnit[] {
  return [
    { code, name, type, parent, phone },
    ...WORKROOMS.map((w) => ({
      code: `${code}-${w}`,
      name: WorkroomLabel[w],
      type: OrgUnitType.WORKROOM,
      parent: code,
    })),
  ];
}

function county(code: string, name: string, towns: [string, string][], enterprise: string): DemoUnit[] {
  const units = center(code, `${name}消费者维权中心`, OrgUnitType.COUNTY_CENTER, 'CITY', '12315');
  towns.forEach(([town, village], i) => {
    const t = `${code}-T${i + 1}`;
    units.push({ code: t, name: `${town}消费维权服务站`, type: OrgUnitType.TOWNSHIP_STATION, parent: code });
    units.push({ code: `${t}-V1`, name: `${village}消费维权服务站`, type: OrgUnitType.VILLAGE_STATION, parent: t });
  });
  units.push({ code: `${code}-E1`, name: enterprise, type: OrgUnitType.ENTERPRISE_STATION, parent: code });
  return units;
}

export const DEMO_UNITS: DemoUnit[] = [
  ...center('CITY', '市消费者维权中心', OrgUnitType.CITY_CENTER, undefined, '12315'),
  { code: 'CITY-E1', name: '万达广场企业消费维权服务站', type: OrgUnitType.ENTERPRISE_STATION, parent: 'CITY' },
  ...county(
    'GL',
    '鼓楼区',
    [
      ['鼓东街道', '鼓东社区'],
      ['洪山镇', '洪山村'],
    ],
    '东街口百货企业消费维权服务站',
  ),
  ...county(
    'HX',
    '红星县',
    [
      ['红星镇', '红星村'],
      ['青石乡', '青石村'],
    ],
    '红星山景区消费者维权服务站',
  ),
  ...county(
    'QS',
    '青山县',
    [
      ['青山镇', '青山村'],
      ['白沙镇', '白沙村'],
    ],
    '青山永辉超市企业消费维权服务站',
  ),
];

export interface DemoUser {
  username: string;
  displayName: string;
  roles: Role[];
  unit: string;
  dataScope: DataScope;
}

const u = (username: string, displayName: string, roles: Role[], unit: string, dataScope: DataScope): DemoUser => ({
  username,
  displayName,
  roles,
  unit,
  dataScope,
});
const { ALL, SUBTREE, OWN_UNIT } = DataScope;

export const DEMO_USERS: DemoUser[] = [
  u('admin', '系统管理员', [Role.ADMIN], 'CITY', ALL),
  u('city_op', '王丽（12315受理）', [Role.RECEPTIONIST], 'CITY-RECEPTION', ALL),
  u('city_director', '陈主任', [Role.DIRECTOR], 'CITY', ALL),
  u('city_legal', '林律师', [Role.LEGAL_OFFICER], 'CITY-LEGAL', ALL),
  u('city_mediator', '张调解', [Role.MEDIATOR], 'CITY-RIGHTS', ALL),
  u('city_mediator2', '黄调解', [Role.MEDIATOR], 'CITY-RIGHTS', ALL),
  u('city_coord', '郑协调', [Role.COORDINATOR], 'CITY-LITIGATION_LINK', ALL),
  u('supervisor', '刘督办', [Role.SUPERVISOR], 'CITY', ALL),
  u('gl_county', '鼓楼区受理员', [Role.RECEPTIONIST], 'GL', SUBTREE),
  u('gl_director', '鼓楼区主任', [Role.DIRECTOR], 'GL', SUBTREE),
  u('gl_mediator', '鼓楼区调解员', [Role.MEDIATOR], 'GL-RIGHTS', SUBTREE),
  u('gl_station', '鼓东街道站点', [Role.STATION_STAFF], 'GL-T1', OWN_UNIT),
  u('hx_county', '红星县受理员', [Role.RECEPTIONIST], 'HX', SUBTREE),
  u('hx_director', '红星县主任', [Role.DIRECTOR], 'HX', SUBTREE),
  u('hx_station', '红星镇站点', [Role.STATION_STAFF], 'HX-T1', OWN_UNIT),
  u('qs_county', '青山县受理员', [Role.RECEPTIONIST], 'QS', SUBTREE),
];

export const DEMO_AGENCIES = [
  { name: '市发展和改革委员会价格监督检查科', kind: 'PRICE', phone: '12358' },
  { name: '市中级人民法院', kind: 'COURT', phone: '0591-12368' },
  { name: '鼓楼区人民法院', kind: 'COURT', phone: '0591-12368' },
  { name: '市消费者协会', kind: 'CONSUMER_ASSOCIATION', phone: '0591-12315' },
  { name: '市文化和旅游局', kind: 'DEPARTMENT', phone: '12345' },
  { name: '市交通运输局', kind: 'DEPARTMENT', phone: '12328' },
  { name: '市劳动人事争议仲裁委员会', kind: 'ARBITRATION', phone: '12333' },
];

// A fixed demo key for the 12345 hotline system (printed in README). Never used outside demo data.
export const DEMO_API_KEY = 'wq_demo12345_0b6f2f4c9d1e4a7bb3c8e5f1a2d4c6e8';
