// Case vocabulary: `as const` objects (runtime values), same-named union types, zh-CN labels.
// Labels follow the seeds' wording (seeds/002: 受理接待工作室, 一次性告知, 即办/代办/协办 …).

type ValueOf<T> = T[keyof T];

/** True when `value` is one of the values of an `as const` enum object. */
export function isOneOf<E extends Record<string, string>>(enumObject: E, value: unknown): value is ValueOf<E> {
  return typeof value === 'string' && (Object.values(enumObject) as string[]).includes(value);
}

export const CaseKind = {
  CONSULTATION: 'CONSULTATION',
  COMPLAINT: 'COMPLAINT',
  REPORT: 'REPORT',
  SUGGESTION: 'SUGGESTION',
} as const;
export type CaseKind = ValueOf<typeof CaseKind>;
export const CaseKindLabel: Readonly<Record<CaseKind, string>> = {
  CONSULTATION: '咨询',
  COMPLAINT: '投诉',
  REPORT: '举报',
  SUGGESTION: '建议',
};

export const Channel = {
  PHONE_12315: 'PHONE_12315',
  VOICEMAIL: 'VOICEMAIL',
  WALK_IN: 'WALK_IN',
  LETTER: 'LETTER',
  FAX: 'FAX',
  WEB: 'WEB',
  WECHAT: 'WECHAT',
  SMS: 'SMS',
  VIDEO: 'VIDEO',
  TRANSFER_12345: 'TRANSFER_12345',
  TRANSFER_UPPER: 'TRANSFER_UPPER',
  TRANSFER_DEPARTMENT: 'TRANSFER_DEPARTMENT',
  STATION: 'STATION',
} as const;
export type Channel = ValueOf<typeof Channel>;
export const ChannelLabel: Readonly<Record<Channel, string>> = {
  PHONE_12315: '12315电话',
  VOICEMAIL: '非工作时间录音',
  WALK_IN: '来访',
  LETTER: '来信',
  FAX: '传真',
  WEB: '网站',
  WECHAT: '微信',
  SMS: '短信',
  VIDEO: '视频',
  TRANSFER_12345: '12345转办',
  TRANSFER_UPPER: '上级转办',
  TRANSFER_DEPARTMENT: '部门转办',
  STATION: '站点登记',
};

export const CaseState = {
  REGISTERED: 'REGISTERED',
  MATERIALS_PENDING: 'MATERIALS_PENDING',
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'REJECTED',
  FILED: 'FILED',
  NOT_FILED: 'NOT_FILED',
  DISPATCHED: 'DISPATCHED',
  RETURNED: 'RETURNED',
  IN_PROGRESS: 'IN_PROGRESS',
  SUSPENDED: 'SUSPENDED',
  CONCLUDED: 'CONCLUDED',
  REPLIED: 'REPLIED',
  FOLLOWED_UP: 'FOLLOWED_UP',
  CLOSED: 'CLOSED',
  ARCHIVED: 'ARCHIVED',
} as const;
export type CaseState = ValueOf<typeof CaseState>;
export const CaseStateLabel: Readonly<Record<CaseState, string>> = {
  REGISTERED: '已登记',
  MATERIALS_PENDING: '待补正材料',
  ACCEPTED: '已受理',
  REJECTED: '不予受理',
  FILED: '已立案',
  NOT_FILED: '不予立案',
  DISPATCHED: '已分流待签收',
  RETURNED: '已退回待重新分流',
  IN_PROGRESS: '办理中',
  SUSPENDED: '中止',
  CONCLUDED: '已办结',
  REPLIED: '已回复',
  FOLLOWED_UP: '已回访',
  CLOSED: '已结案',
  ARCHIVED: '已归档',
};
/** What each state means, for the docs and tooltips. */
export const CaseStateDescription: Readonly<Record<CaseState, string>> = {
  REGISTERED: '已登记，待作出受理决定（咨询、建议可当场答复或分流）',
  MATERIALS_PENDING: '已一次性告知需补正的材料，受理计时等待材料补齐',
  ACCEPTED: '已受理；投诉待分流，举报待作出立案决定',
  REJECTED: '已决定不予受理，待告知理由及其他途径（3个工作日内）',
  FILED: '举报已立案，待分流办理',
  NOT_FILED: '举报不予立案，待告知举报人',
  DISPATCHED: '已分流至工作室、下级中心/站点或外部门，待承办单位签收',
  RETURNED: '承办单位无管辖权已退回受理单位，待重新分流',
  IN_PROGRESS: '承办单位办理中（联系、调解、调查、检测等）',
  SUSPENDED: '中止办理，计时暂停（检测鉴定、等待补正材料、调查）',
  CONCLUDED: '已办结，待受理单位向消费者回复结果',
  REPLIED: '已回复消费者，待回访',
  FOLLOWED_UP: '已回访（记录满意度），可归档；不满意的另行受理新一轮',
  CLOSED: '已结案，无需回访：咨询当场答复、不予受理或不予立案已告知',
  ARCHIVED: '已归档（卷宗完整），终态',
};

export const DispatchMode = { IMMEDIATE: 'IMMEDIATE', ON_BEHALF: 'ON_BEHALF', JOINT: 'JOINT' } as const;
export type DispatchMode = ValueOf<typeof DispatchMode>;
export const DispatchModeLabel: Readonly<Record<DispatchMode, string>> = {
  IMMEDIATE: '即办',
  ON_BEHALF: '代办',
  JOINT: '协办',
};

export const DispatchTargetType = { WORKROOM: 'WORKROOM', UNIT: 'UNIT', EXTERNAL: 'EXTERNAL' } as const;
export type DispatchTargetType = ValueOf<typeof DispatchTargetType>;
export const DispatchTargetTypeLabel: Readonly<Record<DispatchTargetType, string>> = {
  WORKROOM: '本中心工作室',
  UNIT: '下级中心或站点',
  EXTERNAL: '其他部门',
};

// Workrooms (工作室) are org vocabulary: WorkroomCode / WorkroomLabel live in ../org.

// 不予受理情形 (Order 121, fixed list of 7). Label = short, for pickers; Text = as printed on the
// non-acceptance decision (不予受理决定书) with the ground ticked.
export const RejectGround = {
  OUTSIDE_JURISDICTION: 'OUTSIDE_JURISDICTION',
  ALREADY_HANDLED: 'ALREADY_HANDLED',
  NOT_DAILY_CONSUMPTION: 'NOT_DAILY_CONSUMPTION',
  TIME_BARRED: 'TIME_BARRED',
  MATERIALS_MISSING_OR_FALSE: 'MATERIALS_MISSING_OR_FALSE',
  IDENTITY_NOT_VERIFIED: 'IDENTITY_NOT_VERIFIED',
  OTHER_LEGAL_GROUND: 'OTHER_LEGAL_GROUND',
} as const;
export type RejectGround = ValueOf<typeof RejectGround>;
export const RejectGroundLabel: Readonly<Record<RejectGround, string>> = {
  OUTSIDE_JURISDICTION: '不属于职责范围或无处理权限',
  ALREADY_HANDLED: '其他机构已受理或处理',
  NOT_DAILY_CONSUMPTION: '非生活消费或不能证明存在争议',
  TIME_BARRED: '超过三年',
  MATERIALS_MISSING_OR_FALSE: '材料不全或不真实',
  IDENTITY_NOT_VERIFIED: '冒用身份或拒不配合身份核验',
  OTHER_LEGAL_GROUND: '其他依法不予受理的情形',
};
export const RejectGroundText: Readonly<Record<RejectGround, string>> = {
  OUTSIDE_JURISDICTION: '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限的',
  ALREADY_HANDLED:
    '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议的',
  NOT_DAILY_CONSUMPTION: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的',
  TIME_BARRED: '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的',
  MATERIALS_MISSING_OR_FALSE: '未按规定提供投诉材料，或者提供的材料不真实的',
  IDENTITY_NOT_VERIFIED: '冒用他人身份投诉，或者拒不配合身份核验的',
  OTHER_LEGAL_GROUND: '法律、法规、规章规定不予受理的其他情形',
};

// 终止调解情形 (Order 121, fixed list of 8).
export const TerminationGround = {
  WITHDRAWN_OR_SETTLED: 'WITHDRAWN_OR_SETTLED',
  PARTY_ABSENT_OR_REFUSED: 'PARTY_ABSENT_OR_REFUSED',
  AGREEMENT_IMPOSSIBLE: 'AGREEMENT_IMPOSSIBLE',
  TESTING_NOT_AGREED: 'TESTING_NOT_AGREED',
  PERIOD_EXPIRED: 'PERIOD_EXPIRED',
  GROUND_FOUND_AFTER_ACCEPTANCE: 'GROUND_FOUND_AFTER_ACCEPTANCE',
  PARTY_DECEASED_OR_DISSOLVED: 'PARTY_DECEASED_OR_DISSOLVED',
  OTHER_LEGAL_GROUND: 'OTHER_LEGAL_GROUND',
} as const;
export type TerminationGround = ValueOf<typeof TerminationGround>;
export const TerminationGroundLabel: Readonly<Record<TerminationGround, string>> = {
  WITHDRAWN_OR_SETTLED: '撤回投诉或自行和解',
  PARTY_ABSENT_OR_REFUSED: '无正当理由不参加或拒绝调解',
  AGREEMENT_IMPOSSIBLE: '明确表示无法达成调解协议',
  TESTING_NOT_AGREED: '检测鉴定机构或费用无法协商一致',
  PERIOD_EXPIRED: '调解期限届满未达成协议',
  GROUND_FOUND_AFTER_ACCEPTANCE: '受理后发现不予受理情形或欺诈',
  PARTY_DECEASED_OR_DISSOLVED: '当事人死亡或终止',
  OTHER_LEGAL_GROUND: '其他依法应当终止调解的情形',
};
export const TerminationGroundText: Readonly<Record<TerminationGround, string>> = {
  WITHDRAWN_OR_SETTLED: '投诉人撤回投诉或者双方当事人自行和解的',
  PARTY_ABSENT_OR_REFUSED: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解的',
  AGREEMENT_IMPOSSIBLE: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的',
  TESTING_NOT_AGREED: '投诉人与被投诉人对委托承担检定、检验、检测、鉴定工作的技术机构或者费用承担无法协商一致的',
  PERIOD_EXPIRED: '调解期限届满，投诉人和被投诉人未能达成调解协议的',
  GROUND_FOUND_AFTER_ACCEPTANCE:
    '受理投诉后发现存在不予受理情形，或者存在欺诈、敲诈勒索等情形的（涉嫌违法犯罪的移送公安机关）',
  PARTY_DECEASED_OR_DISSOLVED: '投诉人或者被投诉人死亡，或者法人、其他组织终止的',
  OTHER_LEGAL_GROUND: '法律、法规、规章规定的应当终止调解的其他情形',
};

export const Outcome = {
  MEDIATED: 'MEDIATED',
  MEDIATION_FAILED: 'MEDIATION_FAILED',
  WITHDRAWN: 'WITHDRAWN',
  TERMINATED: 'TERMINATED',
  PENALIZED: 'PENALIZED',
  NO_VIOLATION: 'NO_VIOLATION',
  TRANSFERRED: 'TRANSFERRED',
  ANSWERED: 'ANSWERED',
  ADOPTED: 'ADOPTED',
} as const;
export type Outcome = ValueOf<typeof Outcome>;
export const OutcomeLabel: Readonly<Record<Outcome, string>> = {
  MEDIATED: '调解成功',
  MEDIATION_FAILED: '调解不成',
  WITHDRAWN: '撤回',
  TERMINATED: '终止调解',
  PENALIZED: '立案查处',
  NO_VIOLATION: '查无违法',
  TRANSFERRED: '移送处理',
  ANSWERED: '已答复',
  ADOPTED: '已采纳',
};
/** Which outcomes a case of each kind may be concluded with. */
export const OUTCOMES_BY_KIND: Readonly<Record<CaseKind, readonly Outcome[]>> = {
  COMPLAINT: ['MEDIATED', 'MEDIATION_FAILED', 'WITHDRAWN', 'TERMINATED'],
  REPORT: ['PENALIZED', 'NO_VIOLATION', 'TRANSFERRED'],
  CONSULTATION: ['ANSWERED'],
  SUGGESTION: ['ANSWERED', 'ADOPTED'],
};

export const SuspendReason = {
  TESTING: 'TESTING',
  AWAITING_MATERIALS: 'AWAITING_MATERIALS',
  INVESTIGATION: 'INVESTIGATION',
} as const;
export type SuspendReason = ValueOf<typeof SuspendReason>;
export const SuspendReasonLabel: Readonly<Record<SuspendReason, string>> = {
  TESTING: '检测鉴定',
  AWAITING_MATERIALS: '等待补正材料',
  INVESTIGATION: '调查',
};

export const Satisfaction = { SATISFIED: 'SATISFIED', BASIC: 'BASIC', UNSATISFIED: 'UNSATISFIED' } as const;
export type Satisfaction = ValueOf<typeof Satisfaction>;
export const SatisfactionLabel: Readonly<Record<Satisfaction, string>> = {
  SATISFIED: '满意',
  BASIC: '基本满意',
  UNSATISFIED: '不满意',
};

export const FollowUpResult = { REACHED: 'REACHED', UNREACHABLE: 'UNREACHABLE' } as const;
export type FollowUpResult = ValueOf<typeof FollowUpResult>;
export const FollowUpResultLabel: Readonly<Record<FollowUpResult, string>> = {
  REACHED: '已联系上',
  UNREACHABLE: '未联系上',
};

export const SupervisionLevel = { URGING: 'URGING', SUPERVISION: 'SUPERVISION', LISTED: 'LISTED' } as const;
export type SupervisionLevel = ValueOf<typeof SupervisionLevel>;
export const SupervisionLevelLabel: Readonly<Record<SupervisionLevel, string>> = {
  URGING: '催办',
  SUPERVISION: '督办',
  LISTED: '挂牌督办',
};

export const ContactMethod = {
  PHONE: 'PHONE',
  SMS: 'SMS',
  WECHAT: 'WECHAT',
  VIDEO: 'VIDEO',
  ON_SITE: 'ON_SITE',
  LETTER: 'LETTER',
  OTHER: 'OTHER',
} as const;
export type ContactMethod = ValueOf<typeof ContactMethod>;
export const ContactMethodLabel: Readonly<Record<ContactMethod, string>> = {
  PHONE: '电话',
  SMS: '短信',
  WECHAT: '微信',
  VIDEO: '视频',
  ON_SITE: '现场',
  LETTER: '信函',
  OTHER: '其他',
};
