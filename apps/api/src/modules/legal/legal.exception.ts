import { AppError, LitigationStatusLabel, type LitigationStatus } from '@weiquan/core';

/** Codes of the legal-service workroom (extensions.code), with their zh-CN messages below. */
export const LegalErrorCode = {
  STATUS_TRANSITION: 'LITIGATION_STATUS_TRANSITION',
  CLOSED: 'LITIGATION_CLOSED',
  OPEN_EXISTS: 'LITIGATION_OPEN_EXISTS',
  CASE_KIND: 'LITIGATION_CASE_KIND',
  PARTY_MISSING: 'LITIGATION_PARTY_MISSING',
  CONSUMER_CONFIDENTIAL: 'LITIGATION_CONSUMER_CONFIDENTIAL',
  ASKER_REQUIRED: 'LEGAL_ASKER_REQUIRED',
  OUTSIDE_SCOPE: 'LEGAL_UNIT_OUTSIDE_SCOPE',
  VOLUNTEER_OTHER_UNIT: 'LEGAL_VOLUNTEER_OTHER_UNIT',
  NOT_AN_ATTENDEE: 'LEGAL_NOT_AN_ATTENDEE',
  TRAINING_NOT_HELD: 'LEGAL_TRAINING_NOT_HELD',
  DUTY_PERSON: 'LEGAL_DUTY_PERSON',
  DUTY_TAKEN: 'LEGAL_DUTY_TAKEN',
  RANGE_TOO_LONG: 'LEGAL_RANGE_TOO_LONG',
} as const;

export const LegalError = {
  stale: (what: string, current: number, seen: number) =>
    AppError.conflict(`${what}已被他人修改（当前版本 ${current}，您看到的是 ${seen}），请刷新后重试`, 'input.version'),
  transition: (from: LitigationStatus, to: LitigationStatus) =>
    new AppError(
      LegalErrorCode.STATUS_TRANSITION,
      `诉讼支持不能从「${LitigationStatusLabel[from]}」改为「${LitigationStatusLabel[to]}」`,
      'input.status',
    ),
  closed: () => new AppError(LegalErrorCode.CLOSED, '该诉讼支持已结束，不能再修改', 'input.id'),
  openExists: () =>
    new AppError(LegalErrorCode.OPEN_EXISTS, '该案件已有未结束的诉讼支持，请在原申请上继续办理', 'input.caseId'),
  caseKind: () =>
    new AppError(
      LegalErrorCode.CASE_KIND,
      '举报人身份保密，举报件不提供诉讼支持；消费者起诉请以投诉登记',
      'input.caseId',
    ),
  partyMissing: (what: string) =>
    new AppError(LegalErrorCode.PARTY_MISSING, `案件缺少${what}，无法生成起诉状，请先补全案件信息`, 'id'),
  consumerConfidential: () =>
    new AppError(LegalErrorCode.CONSUMER_CONFIDENTIAL, '匿名诉求不能生成载有原告信息的起诉状', 'id'),
  askerRequired: () =>
    new AppError(LegalErrorCode.ASKER_REQUIRED, '未关联案件的咨询须填写咨询人姓名', 'input.askerName'),
  outsideScope: () => new AppError(LegalErrorCode.OUTSIDE_SCOPE, '该事项所属的法律服务工作室不在您的数据范围内'),
  volunteerOtherUnit: (field: string) =>
    new AppError(LegalErrorCode.VOLUNTEER_OTHER_UNIT, '只能选择本工作室的志愿者', field),
  notAnAttendee: (field: string) =>
    new AppError(LegalErrorCode.NOT_AN_ATTENDEE, '该志愿者不在本次培训的参训名单中', field),
  trainingNotHeld: () =>
    new AppError(LegalErrorCode.TRAINING_NOT_HELD, '培训尚未举行，不能登记出勤', 'input.trainingId'),
  dutyPerson: (field: string, message: string) => new AppError(LegalErrorCode.DUTY_PERSON, message, field),
  dutyTaken: () => new AppError(LegalErrorCode.DUTY_TAKEN, '此人该班次已在值班表中', 'input.date'),
  rangeTooLong: (days: number) => new AppError(LegalErrorCode.RANGE_TOO_LONG, `查询区间最长 ${days} 天`, 'to'),
};
