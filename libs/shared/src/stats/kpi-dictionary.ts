import { StatMetric as M, dueMetric, onTimeMetric } from './stat-contributions';

// The KPI dictionary: every figure the console, the GraphQL API and the Excel exports show, as data.
// A figure is numerator / denominator over contribution rows (stat-contributions.ts) whose day falls
// in the chosen period and whose unit lies in the chosen subtree. Changing a definition means a new
// `version`; exports and the board print the version beside the number.

export type KpiGroup = 'UPPER' | 'CENTER' | 'COUNT';
export type KpiType = 'RATE' | 'COUNT' | 'AMOUNT';

export interface KpiDefinition {
  code: string;
  name: string;
  group: KpiGroup;
  type: KpiType;
  /** Metric summed for the numerator (COUNT/AMOUNT: the figure itself). */
  numerator: string;
  numeratorLabel: string;
  denominator?: string;
  denominatorLabel?: string;
  /** Which day a case counts on. */
  period: string;
  exclusions: string;
  definition: string;
  version: number;
  source?: string;
}

const RECEIVED_DAY = '按诉求登记（收到）日期计入期间；不满意后另行受理的新一轮（…-R2）按其自身收到日期单独计数';
const DUE_DAY =
  '按时限到期日计入期间（应办数）：已按时办结的计入到期日所在期间；超期的自超期之时起计入（不论是否已办结），未办结超期件同样计入分母';
const CLOCK_EXCLUSIONS = '未到期且未办结的不计；撤回、并案或提前结束致时限取消的不计；中止（检测鉴定等）期间不计时';

function clockRate(
  code: string,
  name: string,
  rule: string,
  group: KpiGroup,
  what: string,
  source?: string,
): KpiDefinition {
  return {
    code,
    name,
    group,
    type: 'RATE',
    numerator: onTimeMetric(rule),
    numeratorLabel: `按时${what}件数`,
    denominator: dueMetric(rule),
    denominatorLabel: `应${what}件数（期间内到期）`,
    period: DUE_DAY,
    exclusions: CLOCK_EXCLUSIONS,
    definition: `按时${what}件数 ÷ 期间内到期应${what}件数（时限规则 ${rule}，按责任单位统计）`,
    version: 1,
    source,
  };
}

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  // 上级通报的五项指标 (12315 月报)
  clockRate(
    'ONTIME_FIRST_CHECK',
    '投诉按时初查率',
    'STAT_ACCEPT',
    'UPPER',
    '初查',
    '收到投诉7个工作日内作出是否受理决定',
  ),
  clockRate('ONTIME_CONCLUDE', '投诉按时办结率', 'STAT_MEDIATION', 'UPPER', '办结', '受理后调解期限内办结'),
  clockRate(
    'ONTIME_REPORT_VERIFY',
    '举报按时核查率',
    'STAT_REPORT_VERIFY',
    'UPPER',
    '核查',
    '举报15个工作日内核查（经批准延长15个工作日）',
  ),
  {
    code: 'MEDIATION_RATE_ACCEPTED',
    name: '调解成功率（占受理投诉）',
    group: 'UPPER',
    type: 'RATE',
    numerator: M.MEDIATION_SUCCESS,
    numeratorLabel: '调解成功件数',
    denominator: M.COMPLAINT_ACCEPTED,
    denominatorLabel: '受理投诉件数',
    period: RECEIVED_DAY,
    exclusions: '未受理（待受理、待补正材料）及不予受理的投诉不计入分母；被并案的不计',
    definition: '调解成功件数 ÷ 受理投诉件数',
    version: 1,
  },
  {
    code: 'MEDIATION_RATE_MEDIATED',
    name: '调解成功率（占已调解投诉）',
    group: 'UPPER',
    type: 'RATE',
    numerator: M.MEDIATION_SUCCESS,
    numeratorLabel: '调解成功件数',
    denominator: M.MEDIATION_DONE,
    denominatorLabel: '调解终结件数（调解成功、调解不成、终止调解）',
    period: RECEIVED_DAY,
    exclusions: '撤回的投诉及尚未办结的投诉不计入分母',
    definition: '调解成功件数 ÷ 调解终结件数',
    version: 1,
  },
  {
    code: 'PUBLICATION_RATE',
    name: '消费者投诉信息公示率',
    group: 'UPPER',
    type: 'RATE',
    numerator: M.PUBLISHED,
    numeratorLabel: '可公示件数（登记时同意公示）',
    denominator: M.PUBLISH_DUE,
    denominatorLabel: '已办结投诉件数',
    period: RECEIVED_DAY,
    exclusions: '未办结投诉不计；本系统尚无公示平台回执，分子以登记时同意公示为准（接入回执后升版本）',
    definition: '同意公示的已办结投诉 ÷ 已办结投诉（≥90% 红榜，<80% 黑榜）',
    version: 1,
  },
  // 中心服务承诺
  clockRate('ONTIME_CALLBACK', '24小时回拨按时率', 'CALLBACK', 'CENTER', '回拨'),
  clockRate('ONTIME_FIRST_CONTACT', '2个工作日首次联系按时率', 'FIRST_CONTACT', 'CENTER', '联系'),
  clockRate('ONTIME_ACCEPT_DECISION', '5日内受理决定按时率', 'ACCEPT_DECISION', 'CENTER', '决定'),
  clockRate('ONTIME_COMPLAINT_CONCLUDE', '投诉7个工作日办结按时率', 'COMPLAINT_CONCLUDE', 'CENTER', '办结'),
  clockRate('ONTIME_REPORT_CONCLUDE', '举报7个工作日办结按时率', 'REPORT_CONCLUDE', 'CENTER', '办结'),
  clockRate('ONTIME_STATION_CONCLUDE', '站点15日办结按时率', 'STATION_CONCLUDE', 'CENTER', '办结'),
  {
    code: 'SATISFACTION_RATE',
    name: '满意率',
    group: 'CENTER',
    type: 'RATE',
    numerator: M.FOLLOWUP_SATISFIED,
    numeratorLabel: '满意及基本满意件数',
    denominator: M.FOLLOWUP_REACHED,
    denominatorLabel: '回访联系上并作出评价件数',
    period: '按回访日期计入期间',
    exclusions: '未联系上的回访不计',
    definition: '（满意 + 基本满意）÷ 回访联系上的件数',
    version: 1,
  },
  {
    code: 'REDISPATCH_RATE',
    name: '重派率',
    group: 'CENTER',
    type: 'RATE',
    numerator: M.REDISPATCHED,
    numeratorLabel: '分流两次及以上件数',
    denominator: M.DISPATCHED,
    denominatorLabel: '分流件数',
    period: '按首次分流日期计入期间',
    exclusions: '未分流的不计',
    definition: '分流两次及以上的件数 ÷ 分流件数',
    version: 1,
  },
  {
    code: 'RETURN_RATE',
    name: '退回率',
    group: 'CENTER',
    type: 'RATE',
    numerator: M.RETURNED,
    numeratorLabel: '被承办单位退回件数',
    denominator: M.DISPATCHED,
    denominatorLabel: '分流件数',
    period: '按首次分流日期计入期间',
    exclusions: '未分流的不计',
    definition: '至少被退回一次的件数 ÷ 分流件数',
    version: 1,
  },
  {
    code: 'EXTENSION_RATE',
    name: '延期率',
    group: 'CENTER',
    type: 'RATE',
    numerator: M.EXTENDED,
    numeratorLabel: '经批准延期件数',
    denominator: M.ACCEPTED,
    denominatorLabel: '受理件数（投诉、举报）',
    period: RECEIVED_DAY,
    exclusions: '未批准的延期申请不计',
    definition: '经批准延期的件数 ÷ 受理件数',
    version: 1,
  },
  count('OVERDUE_OPEN', '超时未办结', M.OVERDUE_OPEN, '按超期日期计入期间；办结后即不再计入', '已办结的不计', 'CENTER'),
  count('VIOLATION_1', '违诺（个人年内第1次）', M.VIOLATION_1, '按违诺发生日期', '—', 'CENTER'),
  count('VIOLATION_2', '违诺（个人年内第2次）', M.VIOLATION_2, '按违诺发生日期', '—', 'CENTER'),
  count('VIOLATION_3', '违诺（个人年内第3次及以上）', M.VIOLATION_3, '按违诺发生日期', '—', 'CENTER'),
  count('VIOLATION_UNIT', '违诺（无责任人，记单位）', M.VIOLATION_UNIT, '按违诺发生日期', '—', 'CENTER'),
  // 数量与金额
  count('RECEIVED', '登记诉求数', M.RECEIVED, RECEIVED_DAY, '计入登记单位；被并案的仍计登记'),
  count('REOPENED', '重新受理数（新一轮）', M.REOPENED, RECEIVED_DAY, '—'),
  count('ACCEPTED', '受理数', M.ACCEPTED, RECEIVED_DAY, '不含待受理、待补正材料、不予受理及咨询、建议'),
  count('REJECTED', '不予受理数', M.REJECTED, RECEIVED_DAY, '—'),
  count('CONCLUDED', '办结数', M.CONCLUDED, RECEIVED_DAY, '—'),
  {
    ...count('RECOVERED', '挽回经济损失（元）', M.RECOVERED, RECEIVED_DAY, '仅计已办结的诉求'),
    type: 'AMOUNT',
  },
  { ...count('DISPUTED', '争议金额（元）', M.DISPUTED, RECEIVED_DAY, '仅计受理的投诉'), type: 'AMOUNT' },
];

function count(
  code: string,
  name: string,
  metric: string,
  period: string,
  exclusions: string,
  group: KpiGroup = 'COUNT',
): KpiDefinition {
  return {
    code,
    name,
    group,
    type: 'COUNT',
    numerator: metric,
    numeratorLabel: name,
    period,
    exclusions,
    definition: name,
    version: 1,
  };
}

export const KPI_BY_CODE: ReadonlyMap<string, KpiDefinition> = new Map(KPI_DEFINITIONS.map((k) => [k.code, k]));

/** Sums per metric over some set of contribution rows. */
export type MetricSums = ReadonlyMap<string, { n: number; amount: number }>;

export interface KpiValue {
  code: string;
  numerator: number;
  denominator: number | null;
  /** Rate as a fraction (0–1), count, or amount; null when a rate has no denominator. */
  value: number | null;
}

/** A figure from metric sums, the one formula the board, the tables and the exports use. */
export function computeKpi(def: KpiDefinition, sums: MetricSums): KpiValue {
  const num = sums.get(def.numerator);
  const numerator = def.type === 'AMOUNT' ? (num?.amount ?? 0) : (num?.n ?? 0);
  if (def.type !== 'RATE') return { code: def.code, numerator, denominator: null, value: numerator };
  const denominator = sums.get(def.denominator!)?.n ?? 0;
  return { code: def.code, numerator, denominator, value: denominator === 0 ? null : numerator / denominator };
}

/** Metrics the dictionary reads: the rollup keeps only these. */
export const KPI_METRICS: readonly string[] = [
  ...new Set(KPI_DEFINITIONS.flatMap((k) => (k.denominator ? [k.numerator, k.denominator] : [k.numerator]))),
];
