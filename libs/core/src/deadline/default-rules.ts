import type { DeadlineLayer, DeadlineUnit } from '../entities/deadline.entity';

/** One rung of an escalation ladder, relative to the due date in working days (09:00 Asia/Shanghai). */
export interface EscalationStep {
  offsetWorkingDays: number;
  action: 'NOTIFY_HANDLER' | 'NOTIFY_UNIT_HEAD' | 'NOTIFY_SUPERVISORS' | 'SUPERVISE_PARENT';
}

/** What each rung is called where people read it (the case log's note; the notifications say the same). */
export const ESCALATION_ACTION_LABEL: Readonly<Record<EscalationStep['action'], string>> = {
  NOTIFY_HANDLER: '临期提醒',
  NOTIFY_UNIT_HEAD: '今日到期提醒',
  NOTIFY_SUPERVISORS: '督办提示',
  SUPERVISE_PARENT: '逐级督办',
};

/** Default ladder: the handler two working days before, the unit head on the day, the parent unit one working day after. */
export const DEFAULT_LADDER: EscalationStep[] = [
  { offsetWorkingDays: -2, action: 'NOTIFY_HANDLER' },
  { offsetWorkingDays: 0, action: 'NOTIFY_UNIT_HEAD' },
  { offsetWorkingDays: 1, action: 'SUPERVISE_PARENT' },
];

export interface RuleSpec {
  code: string;
  name: string;
  kinds: string[];
  channels?: string[];
  startEvent: string;
  /** 'outcome:TERMINATED' | 'target:STATION' | 'target:OTHER' */
  startCondition?: string;
  stopEvents: string[];
  pauseStates: string[];
  amount: number;
  unit: DeadlineUnit;
  warnFractions?: number[];
  hardMaxAmount?: number;
  perHop?: boolean;
  escalation?: EscalationStep[];
}

export interface RuleSetSpec {
  code: string;
  name: string;
  layer: DeadlineLayer;
  effectiveFrom: string;
  rules: RuleSpec[];
}

/** The rule of the sender's deadline clock (issue #13). */
export const SENDER_DUE = 'SENDER_DUE';

const DISPUTE = ['COMPLAINT', 'REPORT'];
const ALL = ['CONSULTATION', 'COMPLAINT', 'REPORT', 'SUGGESTION'];
const CONCLUDE_STOPS = ['concludeCase', 'answerConsultation'];
// 首次联系: any step in which the consumer was really reached (a contact log, a mediation session or an
// investigation with the consumer, an answer, a materials request, a rejection or an acceptance the
// consumer is told of), and conclusion — a clock never keeps running on a concluded case.
const CONTACT_STOPS = [
  'recordContact',
  'recordMediationSession',
  'recordInvestigation',
  'requestMaterials',
  'rejectCase',
  'acceptCase',
  'mergeReport',
  ...CONCLUDE_STOPS,
];

// 服务承诺 (seeds 001–003): the center's own commitments.
const COMMITMENTS: RuleSetSpec = {
  code: 'COMMITMENT',
  name: '维权中心服务承诺时限',
  layer: 'COMMITMENT',
  effectiveFrom: '2000-01-01',
  rules: [
    {
      code: 'CALLBACK',
      name: '非工作时间录音24小时内回拨',
      kinds: ALL,
      channels: ['VOICEMAIL'],
      startEvent: 'registerCase',
      stopEvents: CONTACT_STOPS,
      pauseStates: [],
      amount: 24,
      unit: 'HOURS',
    },
    {
      code: 'FIRST_CONTACT',
      name: '两个工作日内与消费者取得联系',
      kinds: DISPUTE,
      startEvent: 'registerCase',
      stopEvents: CONTACT_STOPS,
      pauseStates: [],
      amount: 2,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'ACCEPT_DECISION',
      name: '申（投）诉5日内作出是否受理的决定',
      kinds: ['COMPLAINT'],
      startEvent: 'registerCase',
      stopEvents: ['acceptCase', 'rejectCase'],
      pauseStates: ['MATERIALS_PENDING'],
      amount: 5,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'REJECT_NOTICE',
      name: '不予受理的3个工作日内告知',
      kinds: DISPUTE,
      startEvent: 'rejectCase',
      stopEvents: ['replyCase'],
      pauseStates: [],
      amount: 3,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'FILING_DECISION',
      name: '举报7个工作日内决定是否立案',
      kinds: ['REPORT'],
      startEvent: 'registerCase',
      stopEvents: ['decideFiling', 'rejectCase', 'mergeReport'],
      pauseStates: ['MATERIALS_PENDING'],
      amount: 7,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'COMPLAINT_CONCLUDE',
      name: '投诉受理后7个工作日内办结',
      kinds: ['COMPLAINT'],
      startEvent: 'acceptCase',
      stopEvents: CONCLUDE_STOPS,
      pauseStates: ['SUSPENDED'],
      amount: 7,
      unit: 'WORKING_DAYS',
      escalation: DEFAULT_LADDER,
    },
    {
      code: 'REPORT_CONCLUDE',
      name: '举报受理后7个工作日内办结（最长15个工作日）',
      kinds: ['REPORT'],
      startEvent: 'acceptCase',
      stopEvents: CONCLUDE_STOPS,
      pauseStates: ['SUSPENDED'],
      amount: 7,
      unit: 'WORKING_DAYS',
      hardMaxAmount: 15,
      escalation: DEFAULT_LADDER,
    },
    {
      code: 'STATION_CONCLUDE',
      name: '分流至站点的投诉15日内办结',
      kinds: ALL,
      startEvent: 'dispatchCase',
      startCondition: 'target:STATION',
      stopEvents: ['concludeCase', 'returnCase', 'handUpCase'],
      pauseStates: ['SUSPENDED'],
      amount: 15,
      unit: 'CALENDAR_DAYS',
      perHop: true,
      escalation: DEFAULT_LADDER,
    },
    {
      code: 'HOP_CONCLUDE',
      name: '承办单位7个工作日内办结',
      kinds: ALL,
      startEvent: 'dispatchCase',
      startCondition: 'target:OTHER',
      stopEvents: ['concludeCase', 'returnCase', 'handUpCase'],
      pauseStates: ['SUSPENDED'],
      amount: 7,
      unit: 'WORKING_DAYS',
      perHop: true,
      escalation: DEFAULT_LADDER,
    },
    {
      code: 'FOLLOW_UP',
      name: '回复后5个工作日内回访',
      kinds: ALL,
      startEvent: 'replyCase',
      startCondition: 'state:REPLIED',
      stopEvents: ['recordFollowUp', 'archiveCase'],
      pauseStates: [],
      amount: 5,
      unit: 'WORKING_DAYS',
    },
    // seed 002 (联办、移交共同协商提出办事时限): started by the litigation-link module with the agreed
    // date as a fixed due; amount here is a placeholder, each row carries its own.
    {
      code: 'DEPARTMENT_AGREED',
      name: '联办、移交部门商定的办理时限',
      kinds: ALL,
      startEvent: 'agreeDepartmentDeadline',
      stopEvents: ['completeDepartmentHandling', 'cancelDepartmentHandling', ...CONCLUDE_STOPS],
      pauseStates: [],
      amount: 1,
      unit: 'CALENDAR_DAYS',
    },
    // --- issue #13: the sender's deadline (办理时限) given on a transfer-in: an upper authority's deadline
    // is a duty too (seed 002). Started at registration only when the transfer carries one, with that
    // date as a fixed due (deadline-clocks.ts, SENDER_DUE); it never pauses and is not extended here (the
    // sender extends its own deadline); a rejection returns the matter to the sender and ends it.
    {
      code: SENDER_DUE,
      name: '转办来源（12345、上级）规定的办理时限',
      kinds: ALL,
      startEvent: 'registerCase',
      startCondition: 'sender:due',
      stopEvents: ['rejectCase', ...CONCLUDE_STOPS],
      pauseStates: [],
      amount: 1,
      unit: 'HOURS',
    },
  ],
};

const statutory = (
  code: string,
  name: string,
  effectiveFrom: string,
  mediation: { amount: number; unit: DeadlineUnit },
): RuleSetSpec => ({
  code,
  name,
  layer: 'STATUTORY',
  effectiveFrom,
  rules: [
    {
      code: 'STAT_ACCEPT',
      name: '收到投诉7个工作日内决定是否受理并告知',
      kinds: ['COMPLAINT'],
      startEvent: 'registerCase',
      stopEvents: ['acceptCase', 'rejectCase'],
      // Like the commitment clock, it waits for the completed materials (domain page).
      pauseStates: ['MATERIALS_PENDING'],
      amount: 7,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'STAT_MEDIATION',
      name: '受理之日起调解期限',
      kinds: ['COMPLAINT'],
      startEvent: 'acceptCase',
      stopEvents: CONCLUDE_STOPS,
      pauseStates: ['SUSPENDED'],
      ...mediation,
    },
    {
      code: 'STAT_TERMINATION_NOTICE',
      name: '终止调解7个工作日内告知双方',
      kinds: ['COMPLAINT'],
      startEvent: 'concludeCase',
      startCondition: 'outcome:TERMINATED',
      stopEvents: ['replyCase'],
      pauseStates: [],
      amount: 7,
      unit: 'WORKING_DAYS',
    },
    {
      code: 'STAT_REPORT_VERIFY',
      name: '举报15个工作日内核查并决定是否立案（经批准可延长15个工作日）',
      kinds: ['REPORT'],
      startEvent: 'registerCase',
      stopEvents: ['decideFiling', 'rejectCase', 'mergeReport'],
      pauseStates: ['SUSPENDED'],
      amount: 15,
      unit: 'WORKING_DAYS',
      hardMaxAmount: 30,
    },
  ],
});

/** Defaults from the domain page; administrators edit them as new versions. */
export const DEFAULT_RULE_SETS: RuleSetSpec[] = [
  COMMITMENTS,
  statutory('ORDER_20', '《市场监督管理投诉举报处理暂行办法》（总局令第20号）', '2020-01-01', {
    amount: 45,
    unit: 'WORKING_DAYS',
  }),
  statutory('ORDER_121', '《市场监督管理投诉举报处理办法》（总局令第121号）', '2026-04-15', {
    amount: 60,
    unit: 'CALENDAR_DAYS',
  }),
];

/** Rules whose time an approved extension (延期) lengthens. */
export const EXTENDABLE_RULES = new Set([
  'COMPLAINT_CONCLUDE',
  'REPORT_CONCLUDE',
  'STATION_CONCLUDE',
  'HOP_CONCLUDE',
  'STAT_REPORT_VERIFY',
]);

/**
 * The duty a rule's clock measures. A commitment and a statutory clock of the same duty (the 5-day and
 * the 7-working-day acceptance, say) are one late duty: at most one 违诺 per case, duty and person.
 */
const DUTY_OF_RULE: Record<string, string> = {
  ACCEPT_DECISION: 'ACCEPT',
  STAT_ACCEPT: 'ACCEPT',
  FILING_DECISION: 'FILING',
  STAT_REPORT_VERIFY: 'FILING',
  COMPLAINT_CONCLUDE: 'CONCLUDE',
  REPORT_CONCLUDE: 'CONCLUDE',
  STAT_MEDIATION: 'CONCLUDE',
  REJECT_NOTICE: 'NOTICE',
  STAT_TERMINATION_NOTICE: 'NOTICE',
  // A hop's conclusion is the same act: the reception that handles 即办 holds both clocks, one duty.
  STATION_CONCLUDE: 'CONCLUDE',
  HOP_CONCLUDE: 'CONCLUDE',
};

export function dutyOf(ruleCode: string): string {
  return DUTY_OF_RULE[ruleCode] ?? ruleCode;
}

/** Clocks charged to the intake unit whichever unit holds the case (the intake replies and follows up). */
export const INTAKE_DUTIES: ReadonlySet<string> = new Set(['FOLLOW_UP', 'REJECT_NOTICE', 'STAT_TERMINATION_NOTICE']);

/** Clocks whose due is an agreed date, not a count: a recalculation never recounts them. */
export const FIXED_DUE_RULES: ReadonlySet<string> = new Set(['DEPARTMENT_AGREED', 'SENDER_DUE']);
