import { AppError } from '../errors/app-error';

/** Codes of the supervision module (extensions.code), with their zh-CN messages below. */
export const SupervisionErrorCode = {
  ALREADY_RESPONDED: 'SUPERVISION_ALREADY_RESPONDED',
  NOT_OPEN: 'SUPERVISION_NOT_OPEN',
  NOT_TARGET_UNIT: 'SUPERVISION_NOT_TARGET_UNIT',
  ESCALATE_NOT_ALLOWED: 'SUPERVISION_ESCALATE_NOT_ALLOWED',
  NO_PARENT_UNIT: 'SUPERVISION_NO_PARENT_UNIT',
  CASE_CLOSED: 'SUPERVISION_CASE_CLOSED',
  REVIEW_NOT_ALLOWED: 'SUPERVISION_REVIEW_NOT_ALLOWED',
  NOT_RESPONDED: 'SUPERVISION_NOT_RESPONDED',
} as const;

const STATUS_TEXT: Record<string, string> = { RESPONDED: '已答复', ESCALATED: '已升级', CLOSED: '已关闭' };

export const SupervisionError = {
  alreadyResponded: () =>
    new AppError(SupervisionErrorCode.ALREADY_RESPONDED, '该督办已答复，不能重复答复', 'input.id'),
  notOpen: (status: string) =>
    new AppError(SupervisionErrorCode.NOT_OPEN, `该督办${STATUS_TEXT[status] ?? '已结束'}，不能再办理`, 'input.id'),
  notTargetUnit: () =>
    new AppError(SupervisionErrorCode.NOT_TARGET_UNIT, '只有被督办单位（或其工作室）可以答复督办', 'input.id'),
  escalateNotAllowed: () =>
    new AppError(
      SupervisionErrorCode.ESCALATE_NOT_ALLOWED,
      '只有督办发起方或被督办单位的上级单位可以升级督办',
      'input.id',
    ),
  noParentUnit: () =>
    new AppError(SupervisionErrorCode.NO_PARENT_UNIT, '被督办单位已是最高一级，无法继续升级', 'input.id'),
  reviewNotAllowed: () =>
    new AppError(
      SupervisionErrorCode.REVIEW_NOT_ALLOWED,
      '只有督办发起方或被督办单位的上级单位可以审核答复',
      'input.id',
    ),
  notResponded: (status: string) =>
    new AppError(
      SupervisionErrorCode.NOT_RESPONDED,
      status === 'OPEN' ? '该督办尚未答复，不能审核' : `该督办${STATUS_TEXT[status] ?? '已结束'}，不能审核`,
      'input.id',
    ),
  caseClosed: () => new AppError(SupervisionErrorCode.CASE_CLOSED, '案件已归档，不能督办', 'input.caseId'),
  stale: (current: number, seen: number) =>
    AppError.conflict(`督办已被他人修改（当前版本 ${current}，您看到的是 ${seen}），请刷新后重试`, 'input.version'),
  pastDue: (field: string) => AppError.badInput(field, '答复期限须晚于当前时间'),
};
