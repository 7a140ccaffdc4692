import { AppError, CourtReferralStatusLabel, type CourtReferralStatus } from '@weiquan/core';
import { CaseStateLabel, type CaseState } from '@weiquan/shared';

/** Codes of the 诉调对接 workroom (extensions.code), with their zh-CN messages below. */
export const LitigationLinkErrorCode = {
  CASE_NOT_REFERABLE: 'CASE_NOT_REFERABLE',
  NO_MEDIATION_AGREEMENT: 'NO_MEDIATION_AGREEMENT',
  REFERRAL_ALREADY_OPEN: 'REFERRAL_ALREADY_OPEN',
  REFERRAL_STATUS_INVALID: 'REFERRAL_STATUS_INVALID',
  AGENCY_KIND_MISMATCH: 'AGENCY_KIND_MISMATCH',
  NOT_HANDLING_UNIT: 'LITIGATION_LINK_NOT_HANDLING_UNIT',
  CASE_NOT_IN_HANDLING: 'CASE_NOT_IN_HANDLING',
  DEPARTMENT_HANDLING_EXISTS: 'DEPARTMENT_HANDLING_EXISTS',
  DEPARTMENT_HANDLING_CLOSED: 'DEPARTMENT_HANDLING_CLOSED',
  AGREED_DEADLINE_NOT_FUTURE: 'AGREED_DEADLINE_NOT_FUTURE',
  LINKAGE_TARGET_NOT_SUBORDINATE: 'LINKAGE_TARGET_NOT_SUBORDINATE',
  LINKAGE_TARGET_NOT_SUPERIOR: 'LINKAGE_TARGET_NOT_SUPERIOR',
  LINKAGE_NOT_RECIPIENT: 'LINKAGE_NOT_RECIPIENT',
  LINKAGE_ALREADY_ACKNOWLEDGED: 'LINKAGE_ALREADY_ACKNOWLEDGED',
  NO_UNIT: 'LITIGATION_LINK_NO_UNIT',
} as const;

const C = LitigationLinkErrorCode;

export const LitigationLinkError = {
  caseNotReferable: (state: CaseState) =>
    new AppError(C.CASE_NOT_REFERABLE, `案件处于“${CaseStateLabel[state]}”状态，不能移送法院`, 'input.caseId'),
  complaintOnly: () => new AppError(C.CASE_NOT_REFERABLE, '只有投诉可以移送法院诉前调解或申请司法确认', 'input.caseId'),
  noMediationAgreement: () =>
    new AppError(C.NO_MEDIATION_AGREEMENT, '申请司法确认须先达成调解协议（案件调解成功或诉前调解成功）', 'input.type'),
  referralAlreadyOpen: () =>
    new AppError(C.REFERRAL_ALREADY_OPEN, '该案件已有同类移送正在法院办理，请勿重复移送', 'input.type'),
  referralStatusInvalid: (from: CourtReferralStatus, to: CourtReferralStatus) =>
    new AppError(
      C.REFERRAL_STATUS_INVALID,
      `移送处于“${CourtReferralStatusLabel[from]}”，不能改为“${CourtReferralStatusLabel[to]}”`,
      'input.status',
    ),
  agencyKindMismatch: (field: string, what: string) => new AppError(C.AGENCY_KIND_MISMATCH, `请选择${what}`, field),
  notHandlingUnit: () => new AppError(C.NOT_HANDLING_UNIT, '只有发起单位（或其上级单位）可以办理此事项', 'input.id'),
  caseNotInHandling: (state: CaseState) =>
    new AppError(
      C.CASE_NOT_IN_HANDLING,
      `案件处于“${CaseStateLabel[state]}”状态，不能联办或移交其他部门`,
      'input.caseId',
    ),
  departmentHandlingExists: () =>
    new AppError(C.DEPARTMENT_HANDLING_EXISTS, '该案件已与该部门联办或移交，尚未办结', 'input.departmentId'),
  departmentHandlingClosed: () =>
    new AppError(C.DEPARTMENT_HANDLING_CLOSED, '该联办、移交事项已办结或已撤销，不能再修改', 'input.id'),
  agreedDeadlineNotFuture: (field: string) =>
    new AppError(C.AGREED_DEADLINE_NOT_FUTURE, '商定的办理期限须晚于今天', field),
  targetNotSubordinate: () =>
    new AppError(C.LINKAGE_TARGET_NOT_SUBORDINATE, '指示只能下发给本单位下级的县级中心或站点', 'input.targetUnitId'),
  targetNotSuperior: () =>
    new AppError(C.LINKAGE_TARGET_NOT_SUPERIOR, '情况只能上报给本单位的上级中心', 'input.targetUnitId'),
  notRecipient: () => new AppError(C.LINKAGE_NOT_RECIPIENT, '只有接收单位的人员可以签收', 'input.id'),
  alreadyAcknowledged: (at: Date) =>
    new AppError(
      C.LINKAGE_ALREADY_ACKNOWLEDGED,
      `该消息已于 ${at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })} 签收，不能重复签收`,
      'input.id',
    ),
  noUnit: () => new AppError(C.NO_UNIT, '须由机构工作人员办理', undefined),
  stale: (what: string, current: number, seen: number) =>
    AppError.conflict(`${what}已被他人修改（当前版本 ${current}，您看到的是 ${seen}），请刷新后重试`, 'input.version'),
};
