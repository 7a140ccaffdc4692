// What the case timeline and the notification list can show besides the transition table's steps:
// workroom records, supervision, deadline effects. The case-event writer takes TimelineAction, so a
// timeline entry without a Chinese label here does not compile; the console labels every entry from here.
import { CaseActionLabel, type CaseAction } from './case-transitions';

type ValueOf<T> = T[keyof T];

/** Timeline entries written outside the transition table (workrooms, supervision, deadline engine). */
export const CaseEventAction = {
  closeRepeatReport: 'closeRepeatReport',
  mergedReport: 'mergedReport',
  declareRecusal: 'declareRecusal',
  unmaskConsumer: 'unmaskConsumer',
  uploadEvidence: 'uploadEvidence',
  openSupervision: 'openSupervision',
  respondSupervision: 'respondSupervision',
  escalateSupervision: 'escalateSupervision',
  acceptSupervisionResponse: 'acceptSupervisionResponse',
  returnSupervisionResponse: 'returnSupervisionResponse',
  closeSupervision: 'closeSupervision',
  recalculateDeadlines: 'recalculateDeadlines',
  notifyConsumer: 'notifyConsumer',
  deadlineBreached: 'deadlineBreached',
  deadlineEscalated: 'deadlineEscalated',
  recordMediationSession: 'recordMediationSession',
  updateMediationSession: 'updateMediationSession',
  feedBackResult: 'feedBackResult',
  recordAgreement: 'recordAgreement',
  updateAgreementPerformance: 'updateAgreementPerformance',
  recordInvestigation: 'recordInvestigation',
  updateInvestigation: 'updateInvestigation',
  commissionTesting: 'commissionTesting',
  recordTestingResult: 'recordTestingResult',
  createLegalConsultation: 'createLegalConsultation',
  answerLegalConsultation: 'answerLegalConsultation',
  updateLegalConsultation: 'updateLegalConsultation',
  requestLitigationSupport: 'requestLitigationSupport',
  updateLitigationSupport: 'updateLitigationSupport',
  generateLitigationDocument: 'generateLitigationDocument',
  referCaseToCourt: 'referCaseToCourt',
  updateCourtReferral: 'updateCourtReferral',
  startDepartmentHandling: 'startDepartmentHandling',
  updateDepartmentHandling: 'updateDepartmentHandling',
  completeDepartmentHandling: 'completeDepartmentHandling',
  cancelDepartmentHandling: 'cancelDepartmentHandling',
  createExpertSeminar: 'createExpertSeminar',
  updateExpertSeminar: 'updateExpertSeminar',
} as const;
export type CaseEventAction = ValueOf<typeof CaseEventAction>;

export const CaseEventActionLabel: Readonly<Record<CaseEventAction, string>> = {
  closeRepeatReport: '重复举报结案',
  mergedReport: '被并案',
  declareRecusal: '申报回避',
  unmaskConsumer: '查看完整信息',
  uploadEvidence: '上传证据材料',
  openSupervision: '发起督办',
  respondSupervision: '答复督办',
  escalateSupervision: '升级督办',
  acceptSupervisionResponse: '采纳督办答复',
  returnSupervisionResponse: '退回督办答复',
  closeSupervision: '督办随案件归档关闭',
  recalculateDeadlines: '重新计算时限',
  notifyConsumer: '短信告知消费者',
  deadlineBreached: '时限超期',
  deadlineEscalated: '超期升级处理',
  recordMediationSession: '记录调解',
  updateMediationSession: '修改调解记录',
  feedBackResult: '反馈办理结果',
  recordAgreement: '达成调解协议',
  updateAgreementPerformance: '登记协议履行',
  recordInvestigation: '现场调查',
  updateInvestigation: '修改现场调查记录',
  commissionTesting: '委托检测鉴定',
  recordTestingResult: '登记检测鉴定结果',
  createLegalConsultation: '法律咨询',
  answerLegalConsultation: '答复法律咨询',
  updateLegalConsultation: '修改法律咨询',
  requestLitigationSupport: '申请诉讼支持',
  updateLitigationSupport: '诉讼支持进展',
  generateLitigationDocument: '生成民事起诉状',
  referCaseToCourt: '移送法院',
  updateCourtReferral: '移送法院进展',
  startDepartmentHandling: '部门联办',
  updateDepartmentHandling: '部门联办进展',
  completeDepartmentHandling: '部门联办办结',
  cancelDepartmentHandling: '撤销部门联办',
  createExpertSeminar: '专家研讨',
  updateExpertSeminar: '修改专家研讨记录',
};

/** Any timeline entry: a transition-table step or one of the entries above. */
export type TimelineAction = CaseAction | CaseEventAction;

export const TimelineActionLabel: Readonly<Record<TimelineAction, string>> = {
  ...CaseActionLabel,
  ...CaseEventActionLabel,
};

/** In-app notification kinds (notification.kind). */
export const NotificationKind = {
  DEADLINE_WARNING: 'DEADLINE_WARNING',
  DEADLINE_ESCALATION: 'DEADLINE_ESCALATION',
  DEADLINE_BREACHED: 'DEADLINE_BREACHED',
  RESULT_FEEDBACK: 'RESULT_FEEDBACK',
  WEBHOOK_DISABLED: 'WEBHOOK_DISABLED',
  // --- i11: work arriving in a queue, flagged cases ---
  QUEUE_RECEIVE: 'QUEUE_RECEIVE',
  QUEUE_APPROVE: 'QUEUE_APPROVE',
  QUEUE_REPLY: 'QUEUE_REPLY',
  QUEUE_FOLLOW_UP: 'QUEUE_FOLLOW_UP',
  QUEUE_SUPERVISION_ANSWER: 'QUEUE_SUPERVISION_ANSWER',
  QUEUE_SUPERVISION_REVIEW: 'QUEUE_SUPERVISION_REVIEW',
  CASE_FLAGGED: 'CASE_FLAGGED',
  // --- #16 the public side ---
  PUBLIC_SUGGESTION: 'PUBLIC_SUGGESTION',
} as const;
export type NotificationKind = ValueOf<typeof NotificationKind>;

export const NotificationKindLabel: Readonly<Record<NotificationKind, string>> = {
  DEADLINE_WARNING: '时限预警',
  DEADLINE_ESCALATION: '超期升级',
  DEADLINE_BREACHED: '时限超期',
  RESULT_FEEDBACK: '办理结果反馈',
  WEBHOOK_DISABLED: '状态推送地址已停用',
  // --- i11: work arriving in a queue, flagged cases ---
  QUEUE_RECEIVE: '待签收',
  QUEUE_APPROVE: '待审批',
  QUEUE_REPLY: '待回复',
  QUEUE_FOLLOW_UP: '待回访',
  QUEUE_SUPERVISION_ANSWER: '督办待答复',
  QUEUE_SUPERVISION_REVIEW: '督办答复待审核',
  CASE_FLAGGED: '重点案件提醒',
  // --- #16 the public side ---
  PUBLIC_SUGGESTION: '意见箱留言',
};

// --- i11: the work queues (我的待办) ---
/** Cases waiting on the actor's unit for one kind of step. */
export const CaseWorkQueue = {
  RECEIVE: 'RECEIVE',
  APPROVE: 'APPROVE',
  REPLY: 'REPLY',
  FOLLOW_UP: 'FOLLOW_UP',
} as const;
export type CaseWorkQueue = ValueOf<typeof CaseWorkQueue>;
export const CaseWorkQueueLabel: Readonly<Record<CaseWorkQueue, string>> = {
  RECEIVE: '待签收',
  APPROVE: '待审批',
  REPLY: '待回复',
  FOLLOW_UP: '待回访',
};

/** Supervision items waiting on the actor's unit: to answer (target) or to review (issuer). */
export const SupervisionWorkQueue = { ANSWER: 'ANSWER', REVIEW: 'REVIEW' } as const;
export type SupervisionWorkQueue = ValueOf<typeof SupervisionWorkQueue>;
export const SupervisionWorkQueueLabel: Readonly<Record<SupervisionWorkQueue, string>> = {
  ANSWER: '督办待答复',
  REVIEW: '督办答复待审核',
};

/** The case flags (重点标记) a list can filter by; each is a boolean column of the case. */
export const CaseFlag = {
  MAJOR_URGENT: 'MAJOR_URGENT',
  GROUP_COMPLAINT: 'GROUP_COMPLAINT',
  MEDIA_ATTENTION: 'MEDIA_ATTENTION',
} as const;
export type CaseFlag = ValueOf<typeof CaseFlag>;
export const CaseFlagLabel: Readonly<Record<CaseFlag, string>> = {
  MAJOR_URGENT: '重大紧急',
  GROUP_COMPLAINT: '群体投诉',
  MEDIA_ATTENTION: '媒体关注',
};
