import { AppError } from '@weiquan/core';
import { CaseStateLabel, type CaseState } from '@weiquan/shared';

/** Codes of the 维权服务 workroom (extensions.code), with their zh-CN messages below. */
export const MediationErrorCode = {
  CASE_NOT_IN_HANDLING: 'CASE_NOT_IN_HANDLING',
  STAFF_TOO_FEW: 'MEDIATION_STAFF_TOO_FEW',
  STAFF_NOT_FOUND: 'STAFF_NOT_FOUND',
  STAFF_INACTIVE: 'STAFF_INACTIVE',
  STAFF_RECUSED: 'STAFF_RECUSED',
  CONSENT_REQUIRED: 'MEDIATION_CONSENT_REQUIRED',
  PARTY_REQUIRED: 'MEDIATION_PARTY_REQUIRED',
  TIME_IN_FUTURE: 'TIME_IN_FUTURE',
  EVIDENCE_NOT_ON_CASE: 'EVIDENCE_NOT_ON_CASE',
  TESTING_NOT_AGREED: 'TESTING_NOT_AGREED',
  TESTING_ALREADY_COMPLETED: 'TESTING_ALREADY_COMPLETED',
  TESTING_RUNNING: 'TESTING_RUNNING',
  AGREEMENT_ALREADY_FULFILLED: 'AGREEMENT_ALREADY_FULFILLED',
  SESSION_NOT_ON_CASE: 'SESSION_NOT_ON_CASE',
} as const;

const C = MediationErrorCode;

export const MediationError = {
  caseNotInHandling: (state: CaseState, what: string) =>
    new AppError(
      C.CASE_NOT_IN_HANDLING,
      `案件当前为「${CaseStateLabel[state] ?? state}」，不在办理中，不能${what}`,
      'input.caseId',
    ),
  staffTooFew: (field: string) =>
    new AppError(C.STAFF_TOO_FEW, '调解应由两名以上工作人员参加；只有一名工作人员的，请勾选“简易调解”', field),
  staffNotFound: (field: string) => new AppError(C.STAFF_NOT_FOUND, '工作人员不存在或不在您的数据范围内', field),
  staffInactive: (name: string, field: string) => new AppError(C.STAFF_INACTIVE, `工作人员「${name}」已停用`, field),
  staffRecused: (name: string, field: string) =>
    new AppError(C.STAFF_RECUSED, `工作人员「${name}」已对本案申报回避，不能参加`, field),
  consentRequired: () =>
    new AppError(
      C.CONSENT_REQUIRED,
      '调解须经双方当事人同意（电话、视频、短信、现场调解均同）',
      'input.partiesConsented',
    ),
  partyRequired: (field: string) => new AppError(C.PARTY_REQUIRED, '请至少填写一名当事人（消费者或经营者代表）', field),
  timeInFuture: (field: string) => new AppError(C.TIME_IN_FUTURE, '时间不能晚于当前时间', field),
  evidenceNotOnCase: () => new AppError(C.EVIDENCE_NOT_ON_CASE, '所选证据材料不属于本案件', 'input.evidenceIds'),
  testingNotAgreed: () =>
    new AppError(
      C.TESTING_NOT_AGREED,
      '委托检测鉴定须双方当事人对检测机构和费用承担协商一致；无法协商一致的可终止调解',
      'input.partiesAgreed',
    ),
  testingRunning: (n: number) =>
    new AppError(
      C.TESTING_RUNNING,
      `尚有 ${n} 项检测鉴定未出具结果，不能恢复办理；登记全部结果后案件自动恢复`,
      'input.caseId',
    ),
  testingAlreadyCompleted: () =>
    new AppError(C.TESTING_ALREADY_COMPLETED, '该检测鉴定已出具结果，不能重复登记', 'input.id'),
  agreementAlreadyFulfilled: () =>
    new AppError(C.AGREEMENT_ALREADY_FULFILLED, '该调解协议已履行，不能再更改履行情况', 'input.id'),
  sessionNotOnCase: () => new AppError(C.SESSION_NOT_ON_CASE, '所选调解记录不属于本案件', 'input.sessionId'),
  stale: (current: number, seen: number) =>
    AppError.conflict(`记录已被他人修改（当前版本 ${current}，您看到的是 ${seen}），请刷新后重试`, 'input.version'),
};
