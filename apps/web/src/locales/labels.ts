// The one label dictionary: the Chinese name of every enum value of the GraphQL schema, of every
// timeline entry, notification kind and deadline rule a user can see. Labels the API also uses
// (states, kinds, grounds, roles …) come from @weiquan/shared so the console says what the documents say;
// the rest are written here. Module locales point at these maps instead of keeping copies, and
// labels.spec.ts walks apps/api/schema.gql and the transition table so a new value without a label fails.
import type * as G from '@/graphql/generated/graphql';
import { DataScopeLabel, OrgUnitTypeLabel, WorkroomLabel } from '@weiquan/shared/org';
import { ApiOperationLabel, RoleLabel, WebhookEventType, WebhookEventTypeLabel } from '@weiquan/shared/auth';
import { DocumentTypeLabel, DocumentVariantLabel } from '@weiquan/shared/document';
import { PublicRequestKindLabel, PublicSatisfactionLabel, TypicalCaseStatusLabel } from '@weiquan/shared/public';
import {
  CaseActionLabel,
  CaseFlagLabel,
  CaseWorkQueueLabel,
  SupervisionWorkQueueLabel,
  CaseKindLabel,
  CaseStateLabel,
  ChannelLabel,
  ContactMethodLabel,
  DispatchModeLabel,
  DispatchTargetTypeLabel,
  FollowUpResultLabel,
  NotificationKindLabel,
  OutcomeLabel,
  RejectGroundLabel,
  SatisfactionLabel,
  SupervisionLevelLabel,
  SuspendReasonLabel,
  TerminationGroundLabel,
  TimelineActionLabel,
} from '@weiquan/shared/case';

type Labels<E extends string> = Readonly<Record<E, string>>;

const CalendarDayReason: Labels<G.CalendarDayReason> = {
  WORKDAY: '工作日',
  WEEKEND: '周末',
  HOLIDAY: '法定节假日',
  MAKEUP_WORKDAY: '调休上班',
  OVERRIDE_HOLIDAY: '本地放假',
  OVERRIDE_WORKDAY: '本地上班',
  OUT_OF_RANGE_WORKDAY: '工作日（无安排数据）',
  OUT_OF_RANGE_WEEKEND: '周末（无安排数据）',
};

/** Every enum of the schema, by its GraphQL name. A missing value fails typecheck here. */
export const ENUM_LABELS = {
  OrgUnitType: OrgUnitTypeLabel satisfies Labels<G.OrgUnitType>,
  WorkroomCode: WorkroomLabel satisfies Labels<G.WorkroomCode>,
  Role: RoleLabel satisfies Labels<G.Role>,
  DataScope: DataScopeLabel satisfies Labels<G.DataScope>,
  CalendarDayReason,
  CalendarDayKind: { HOLIDAY: '放假', WORKDAY: '上班' } satisfies Labels<G.CalendarDayKind>,
  DispatchTargetType: DispatchTargetTypeLabel satisfies Labels<G.DispatchTargetType>,
  DispatchMode: DispatchModeLabel satisfies Labels<G.DispatchMode>,
  CaseState: CaseStateLabel satisfies Labels<G.CaseState>,
  CaseAction: CaseActionLabel satisfies Labels<G.CaseAction>,
  Satisfaction: SatisfactionLabel satisfies Labels<G.Satisfaction>,
  CaseKind: CaseKindLabel satisfies Labels<G.CaseKind>,
  Channel: ChannelLabel satisfies Labels<G.Channel>,
  RejectGround: RejectGroundLabel satisfies Labels<G.RejectGround>,
  SuspendReason: SuspendReasonLabel satisfies Labels<G.SuspendReason>,
  Outcome: OutcomeLabel satisfies Labels<G.Outcome>,
  TerminationGround: TerminationGroundLabel satisfies Labels<G.TerminationGround>,
  // Not in the generated types (no console operation reads it); labels.spec.ts still checks it against the schema.
  SmsStatus: { PENDING: '待发送', SENT: '已发送', FAILED: '发送失败' },
  SupervisionLevel: SupervisionLevelLabel satisfies Labels<G.SupervisionLevel>,
  SupervisionStatus: {
    OPEN: '待答复',
    RESPONDED: '已答复',
    ESCALATED: '已升级',
    CLOSED: '已关闭',
  } satisfies Labels<G.SupervisionStatus>,
  MediationPartyRole: {
    CONSUMER: '消费者（投诉人）',
    BUSINESS: '经营者代表（被投诉人）',
    OTHER: '其他参加人',
  } satisfies Labels<G.MediationPartyRole>,
  MediationMode: {
    PHONE: '电话调解',
    VIDEO: '视频调解',
    SMS: '短信调解',
    ON_SITE: '现场调解',
  } satisfies Labels<G.MediationMode>,
  MediationResult: {
    AGREED: '达成调解协议',
    NOT_AGREED: '未达成协议',
    ADJOURNED: '择期继续调解',
  } satisfies Labels<G.MediationResult>,
  TestingCostParty: {
    CONSUMER: '消费者',
    BUSINESS: '经营者',
    SHARED: '双方分担',
    CENTER: '维权中心',
  } satisfies Labels<G.TestingCostParty>,
  TestingStatus: { RUNNING: '检测鉴定中', COMPLETED: '已出具结果' } satisfies Labels<G.TestingStatus>,
  AgreementPerformance: {
    PENDING: '待履行',
    FULFILLED: '已履行',
    UNFULFILLED: '未履行',
  } satisfies Labels<G.AgreementPerformance>,
  LitigationStatus: {
    REQUESTED: '已申请',
    DOCUMENTS_PREPARED: '诉讼材料已准备',
    FILED: '已立案起诉',
    CLOSED: '已结束',
  } satisfies Labels<G.LitigationStatus>,
  LegalItemKind: { CONSULTATION: '法律咨询', LITIGATION: '诉讼支持' } satisfies Labels<G.LegalItemKind>,
  DutyShift: { MORNING: '上午', AFTERNOON: '下午', FULL_DAY: '全天', EVENING: '晚间' } satisfies Labels<G.DutyShift>,
  CourtReferralType: {
    PRE_SUIT_MEDIATION: '诉前调解',
    JUDICIAL_CONFIRMATION: '调解协议司法确认',
  } satisfies Labels<G.CourtReferralType>,
  CourtReferralStatus: {
    SENT: '已移送法院',
    ACCEPTED: '法院已受理',
    MEDIATED: '诉前调解成功',
    CONFIRMED: '已司法确认',
    REJECTED: '法院不予受理、不予确认或调解不成',
    WITHDRAWN: '已撤回',
  } satisfies Labels<G.CourtReferralStatus>,
  DepartmentHandlingMode: { JOINT: '联办', TRANSFER: '移交' } satisfies Labels<G.DepartmentHandlingMode>,
  DepartmentHandlingStatus: {
    IN_PROGRESS: '办理中',
    COMPLETED: '已办结',
    CANCELLED: '已撤销',
  } satisfies Labels<G.DepartmentHandlingStatus>,
  LinkageMessageKind: { INSTRUCTION: '下发指示', REPORT: '上报情况' } satisfies Labels<G.LinkageMessageKind>,
  LitigationLinkWorkItemKind: {
    COURT_REFERRAL: '移送法院',
    DEPARTMENT_HANDLING: '部门联办',
    LINKAGE_MESSAGE: '联动消息',
  } satisfies Labels<G.LitigationLinkWorkItemKind>,
  CaseQueue: { MINE: '我的待办' } satisfies Labels<G.CaseQueue>,
  CaseSort: {
    RECEIVED_DESC: '收到时间 新→旧',
    RECEIVED_ASC: '收到时间 旧→新',
    DUE_ASC: '时限 近→远',
    UPDATED_DESC: '最近更新',
  } satisfies Labels<G.CaseSort>,
  MediationQueueSort: { TIME_LEFT: '剩余时间', RECEIVED: '收到时间' } satisfies Labels<G.MediationQueueSort>,
  LegalWorkQueueSort: {
    TIME_LEFT_ASC: '剩余时间 少→多',
    TIME_LEFT_DESC: '剩余时间 多→少',
    OLDEST_FIRST: '最早收到在前',
  } satisfies Labels<G.LegalWorkQueueSort>,
  LitigationLinkQueueSort: { TIME_LEFT: '剩余时间', NEWEST: '最新在前' } satisfies Labels<G.LitigationLinkQueueSort>,
  ContactMethod: ContactMethodLabel satisfies Labels<G.ContactMethod>,
  FollowUpResult: FollowUpResultLabel satisfies Labels<G.FollowUpResult>,
  ApiOperation: ApiOperationLabel satisfies Labels<G.ApiOperation>,
  // The GraphQL enum names the event by its key; the shared label table is keyed by the payload's type.
  WebhookEventType: Object.fromEntries(
    Object.entries(WebhookEventType).map(([key, type]) => [key, WebhookEventTypeLabel[type]]),
  ) as Labels<G.WebhookEventType>,
  WebhookDeliveryStatus: {
    PENDING: '待推送',
    DELIVERED: '已送达',
    FAILED: '推送失败',
  } satisfies Labels<G.WebhookDeliveryStatus>,
  DocumentType: DocumentTypeLabel satisfies Labels<G.DocumentType>,
  DocumentVariant: DocumentVariantLabel,
  StatGroupBy: {
    kind: '诉求类别',
    channel: '受理渠道',
    category: '商品或服务类别',
    industry: '被投诉人行业',
    outcome: '办结结果',
    problemType: '投诉问题类别',
    unit: '单位',
    month: '月份',
  } satisfies Readonly<Record<string, string>>,
  StatDimension: {
    kind: '诉求类别',
    channel: '受理渠道',
    category: '商品或服务类别',
    industry: '被投诉人行业',
    outcome: '办结结果',
    problemType: '投诉问题类别',
  } satisfies Readonly<Record<string, string>>,
  // --- i11: work queues, case flags ---
  CaseWorkQueue: CaseWorkQueueLabel satisfies Labels<G.CaseWorkQueue>,
  SupervisionWorkQueue: SupervisionWorkQueueLabel satisfies Labels<G.SupervisionWorkQueue>,
  CaseFlag: CaseFlagLabel satisfies Labels<G.CaseFlag>,
  // --- #16 the public side (public site enums; the console shows them on WEB cases) ---
  PublicRequestKind: PublicRequestKindLabel satisfies Readonly<Record<string, string>>,
  PublicSatisfaction: PublicSatisfactionLabel satisfies Readonly<Record<string, string>>,
  SuggestionStatus: { OPEN: '待答复', ANSWERED: '已答复' } satisfies Labels<G.SuggestionStatus>,
  // --- i16: 典型案例 ---
  TypicalCaseStatus: TypicalCaseStatusLabel satisfies Labels<G.TypicalCaseStatus>,
} as const;

export type EnumName = keyof typeof ENUM_LABELS;

/**
 * Deadline rules by code (case_deadline.ruleCode, violation records), named as the default rule set
 * (libs/core/src/deadline/default-rules.ts) names them. A rule's own (revised) name from the API wins.
 */
export const RULE_LABELS: Readonly<Record<string, string>> = {
  COMMITMENT: '维权中心服务承诺时限',
  CALLBACK: '非工作时间录音24小时内回拨',
  FIRST_CONTACT: '两个工作日内与消费者取得联系',
  ACCEPT_DECISION: '申（投）诉5日内作出是否受理的决定',
  REJECT_NOTICE: '不予受理的3个工作日内告知',
  FILING_DECISION: '举报7个工作日内决定是否立案',
  COMPLAINT_CONCLUDE: '投诉受理后7个工作日内办结',
  REPORT_CONCLUDE: '举报受理后7个工作日内办结（最长15个工作日）',
  STATION_CONCLUDE: '分流至站点的投诉15日内办结',
  HOP_CONCLUDE: '承办单位7个工作日内办结',
  FOLLOW_UP: '回复后5个工作日内回访',
  DEPARTMENT_AGREED: '联办、移交部门商定的办理时限',
  STAT_ACCEPT: '收到投诉7个工作日内决定是否受理并告知',
  STAT_MEDIATION: '受理之日起调解期限',
  STAT_TERMINATION_NOTICE: '终止调解7个工作日内告知双方',
  STAT_REPORT_VERIFY: '举报15个工作日内核查并决定是否立案（经批准可延长15个工作日）',
};

/** The label of an enum value; an unknown value (an API newer than the console) shows as 其他. */
export function enumLabel<E extends EnumName>(name: E, value: string | null | undefined): string {
  if (value == null) return '';
  return (ENUM_LABELS[name] as Readonly<Record<string, string>>)[value] ?? '其他';
}

/** A timeline entry's action (transition step or workroom/supervision/deadline record). */
export function timelineLabel(action: string): string {
  return (TimelineActionLabel as Readonly<Record<string, string>>)[action] ?? '其他记录';
}

export function notificationKindLabel(kind: string): string {
  return (NotificationKindLabel as Readonly<Record<string, string>>)[kind] ?? '通知';
}

export function ruleLabel(code: string, name?: string | null): string {
  return name || RULE_LABELS[code] || '时限规则';
}

/**
 * The calendar version as the server records it ('chinese-days@1.5.7+import:2027#ab12+overrides#cd34')
 * in words: which arrangement data, which imported years, whether local settings apply.
 */
export function calendarVersionLabel(version: string | null | undefined): string {
  if (!version) return '';
  return version
    .split('+')
    .map((part) => {
      const pkg = /^chinese-days@(.+)$/.exec(part);
      if (pkg) return `国务院节假日安排内置数据（${pkg[1]} 版）`;
      const imp = /^import:(\d{4})#(\w+)$/.exec(part);
      if (imp) return `管理员导入 ${imp[1]} 年安排（校验码 ${imp[2]}）`;
      const own = /^overrides#(\w+)$/.exec(part);
      if (own) return `本地设置（校验码 ${own[1]}）`;
      return '其他来源';
    })
    .join(' ＋ ');
}

// --- i11: the audit log (审计日志) ---
/**
 * Audit actions as the server writes them (AuditWriter.record's third argument); supervision reviews of
 * unit-level items use their timeline action names and are labelled from the timeline labels.
 * labels.spec.ts scans the server for every action literal.
 */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'case.correct': '更正案件信息',
  'case.transferIn': '接收外部系统转办',
  'case.transferIn.resent': '外部系统重复转办',
  'evidence.download': '下载证据材料',
  'legal.consultation.create': '登记法律咨询（无案件）',
  'legal.consultation.update': '修改法律咨询（无案件）',
  'mediation.session.update': '修改调解记录',
  'deadline.recalculate': '重新计算时限',
  'deadline.rule.revise': '修订时限规则',
  'calendar.arrangement.import': '导入节假日安排',
  'calendar.arrangement.remove': '删除节假日安排',
  'calendar.override.add': '添加本地放假/上班设置',
  'calendar.override.remove': '删除本地放假/上班设置',
  'org.create': '新建机构',
  'org.update': '修改机构',
  'org.enable': '启用机构',
  'org.disable': '停用机构',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.enable': '启用用户',
  'user.disable': '停用用户',
  'user.reset-password': '重置密码',
  'apiClient.create': '新建接口客户端',
  'apiClient.update': '修改接口客户端',
  'apiClient.issueKey': '签发接口密钥',
  'apiClient.revokeKey': '吊销接口密钥',
  'webhook.create': '新建状态推送地址',
  'webhook.update': '修改状态推送地址',
  'webhook.replay': '重新推送',
  addLegalDuty: '安排法律值班',
  updateLegalDuty: '修改法律值班',
  removeLegalDuty: '取消法律值班',
  createLegalTraining: '登记法律培训',
  updateLegalTraining: '修改法律培训',
  recordTrainingAttendance: '登记培训签到',
  createLegalVolunteer: '登记法律志愿者',
  updateLegalVolunteer: '修改法律志愿者',
  createExpert: '登记专家',
  updateExpert: '修改专家信息',
  createExpertSeminar: '登记专家研讨',
  updateExpertSeminar: '修改专家研讨记录',
  sendLinkageMessage: '发送联动消息',
  acknowledgeLinkageMessage: '确认联动消息',
  // --- merged this session: documents, the public side, statistics ---
  'document.settings.update': '修改文书设置',
  'publication.withdraw': '撤回公示',
  // #16 办事公开 maintained in the console
  'publicBoard.save': '修改人员状态公示栏',
  'publicBoard.delete': '删除公示栏人员',
  'servicePoint.update': '修改地址、电话和办公时间',
  'publicSuggestion.answer': '答复意见箱留言',
  exportStatCasesUnmasked: '导出统计明细（未脱敏）',
  // --- i14: the problem-type dictionary (投诉问题类别) ---
  createProblemType: '新增投诉问题类别',
  updateProblemType: '修改投诉问题类别',
  deleteProblemType: '删除投诉问题类别',
  // --- i16: 典型案例 ---
  'typicalCase.create': '新增典型案例',
  'typicalCase.update': '修改典型案例',
  'typicalCase.publish': '发布典型案例',
  'typicalCase.withdraw': '撤回典型案例',
  'publicBoard.photo': '上传公示栏人员照片',
  'publicBoard.photoRemove': '删除公示栏人员照片',
};

/** What an audit event is about (audit_event.target_type). */
export const AUDIT_TARGET_LABELS: Readonly<Record<string, string>> = {
  case: '案件',
  case_evidence: '证据材料',
  legal_consultation: '法律咨询',
  mediation_session: '调解记录',
  supervision: '督办',
  deadline_rule_set: '时限规则',
  calendar_arrangement: '节假日安排',
  calendar_override: '本地节假日设置',
  org_unit: '机构',
  user: '用户',
  api_client: '接口客户端',
  webhook_endpoint: '状态推送地址',
  legal_duty: '法律值班',
  legal_training: '法律培训',
  legal_volunteer: '法律志愿者',
  expert: '专家',
  expert_seminar: '专家研讨',
  linkage_message: '联动消息',
  stat: '统计数据',
  // --- i14 ---
  problem_type: '投诉问题类别',
  // --- i16 ---
  typical_case: '典型案例',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? (TimelineActionLabel as Readonly<Record<string, string>>)[action] ?? '其他操作';
}

export function auditTargetLabel(type: string): string {
  return AUDIT_TARGET_LABELS[type] ?? '其他对象';
}
