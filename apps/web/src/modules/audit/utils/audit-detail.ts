import { ENUM_LABELS } from '@/locales/labels';

// The detail of an audit entry, as an administrator reads it: 「字段：值」 in Chinese, never the stored JSON.
// Field names come from this dictionary; an unknown one is shown as 其他 with its value, so nothing is hidden
// and nothing Latin reaches the page. Enum values (STATION_STAFF, TOWNSHIP_STATION…) read through the
// console's one label dictionary.
const FIELD_LABELS: Readonly<Record<string, string>> = {
  reason: '理由',
  note: '备注',
  changes: '更正',
  changed: '变更',
  field: '字段',
  from: '原值',
  to: '新值',
  unitId: '单位编号',
  parentId: '上级单位编号',
  name: '名称',
  code: '编码',
  type: '类型',
  kind: '类别',
  title: '标题',
  caseId: '案件编号',
  caseNo: '案件编号',
  fileName: '文件名',
  username: '用户名',
  roles: '角色',
  dataScope: '数据范围',
  answered: '已答复',
  supervisionId: '督办事项编号',
  previousResponse: '原答复',
  header: '发文机关标志',
  numberPrefix: '文号前缀',
  numberFormat: '文号格式',
  sealName: '印章名称',
  redHead: '红头',
  phone: '电话',
  materialsDays: '补正材料期限',
  recusalDays: '申请回避期限',
  retentionYears: '卷宗保管期限',
  majorUrgent: '重大紧急',
  massIncident: '群体性',
  mediaAttention: '媒体关注',
  summary: '诉求内容',
  demand: '诉求',
  consumer: '消费者',
  respondent: '被投诉方',
  address: '地址',
  count: '数量',
  year: '年度',
  version: '版本',
  active: '启用',
  filter: '筛选条件',
  rows: '行数',
  month: '月份',
  date: '日期',
  days: '天数',
};

const ENUM_VALUE_LABELS: ReadonlyMap<string, string> = new Map(
  Object.values(ENUM_LABELS).flatMap((labels) => Object.entries(labels as Readonly<Record<string, string>>)),
);

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? '其他';
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '空';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return /^[A-Z][A-Z0-9_]+$/.test(v) ? (ENUM_VALUE_LABELS.get(v) ?? v) : v;
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join('、');
  const o = v as Record<string, unknown>;
  // a change: {from, to} (or {field, from, to} in a correction list)
  if ('from' in o && 'to' in o) {
    const what = typeof o.field === 'string' ? `${fieldLabel(o.field)}：` : '';
    return `${what}${valueText(o.from)} → ${valueText(o.to)}`;
  }
  return pairs(o) || '无';
}

function pairs(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${fieldLabel(k)}：${valueText(v)}`)
    .join('；');
}

/** The stored detail (JSON text) as one readable line; text that is not JSON is shown as it is. */
export function auditDetailText(detail: string | null | undefined): string {
  if (!detail) return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return detail;
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
    ? pairs(parsed as Record<string, unknown>)
    : valueText(parsed);
}
