import type { CaseKind, CaseState } from '../case/case-enums';

/**
 * What a consumer reads about their case: the stage in plain words (电子查询台), never a state code.
 * `unitName` is the unit now handling it (the assigned unit once dispatched, else the intake unit).
 */
export function publicStage(s: {
  state: CaseState;
  kind: CaseKind;
  unitName: string;
  mediating?: boolean;
  rejected?: boolean;
}): { stage: string; explanation: string } {
  const u = s.unitName || '承办单位';
  switch (s.state) {
    case 'REGISTERED':
      return { stage: '已收到，待受理', explanation: '我们已收到您的诉求，将在规定时间内决定是否受理。' };
    case 'MATERIALS_PENDING':
      return { stage: '待补充材料', explanation: '请按短信告知的清单补充材料，材料补齐后开始计算受理时限。' };
    case 'ACCEPTED':
      return { stage: '已受理', explanation: '您的诉求已受理，正在安排承办单位。' };
    case 'REJECTED':
      return { stage: '不予受理', explanation: '经审查不予受理，理由和其他解决途径将以短信告知。' };
    case 'FILED':
      return { stage: '已立案', explanation: '您的举报已立案，正在安排办理。' };
    case 'NOT_FILED':
      return { stage: '不予立案', explanation: '经审查不予立案，结果将以短信告知。' };
    case 'DISPATCHED':
      return { stage: `已分送${u}处理`, explanation: `您的诉求已分送${u}，待其签收办理。` };
    case 'RETURNED':
      return { stage: '重新分送中', explanation: '正在重新安排承办单位。' };
    case 'IN_PROGRESS':
      return s.mediating
        ? { stage: '调解中', explanation: `${u}正在组织调解。` }
        : { stage: `${u}办理中`, explanation: `${u}正在联系、调查处理。` };
    case 'SUSPENDED':
      return { stage: '暂停办理', explanation: '因检测鉴定、补充材料或调查等原因暂停，期间不计入办理时限。' };
    case 'CONCLUDED':
      return { stage: '已办结，待答复', explanation: '已办结，将向您答复处理结果。' };
    case 'REPLIED':
      return s.kind === 'COMPLAINT' || s.kind === 'REPORT'
        ? { stage: '待回访', explanation: '处理结果已答复您，请对办理情况作出评价。' }
        : { stage: '已答复', explanation: '已答复您的诉求。' };
    case 'FOLLOWED_UP':
      return { stage: '已回访', explanation: '感谢您的评价。' };
    case 'CLOSED':
    case 'ARCHIVED':
      return s.rejected
        ? { stage: '不予受理', explanation: '经审查不予受理，理由和其他解决途径已以短信告知。' }
        : { stage: '已办结', explanation: '您的诉求已办结。' };
  }
}

/** The steps a consumer sees on the progress page (everything else on the timeline is internal). */
export const PublicStepLabel: Readonly<Record<string, string>> = {
  registerCase: '收到诉求',
  requestMaterials: '告知补充材料',
  supplyMaterials: '材料已补齐',
  acceptCase: '受理',
  rejectCase: '不予受理',
  decideFiling: '作出立案决定',
  dispatchCase: '分送承办单位',
  receiveCase: '承办单位签收',
  suspendCase: '暂停办理',
  resumeCase: '恢复办理',
  concludeCase: '办结',
  replyCase: '答复',
  recordFollowUp: '回访',
};

/** The kinds of request the public may submit online. */
export const PublicRequestKind = { COMPLAINT: 'COMPLAINT', REPORT: 'REPORT', CONSULTATION: 'CONSULTATION' } as const;
export type PublicRequestKind = (typeof PublicRequestKind)[keyof typeof PublicRequestKind];
export const PublicRequestKindLabel: Readonly<Record<PublicRequestKind, string>> = {
  COMPLAINT: '投诉',
  REPORT: '举报',
  CONSULTATION: '咨询',
};

/** The consumer's answer to the follow-up (回访). */
export const PublicSatisfaction = { SATISFIED: 'SATISFIED', BASIC: 'BASIC', UNSATISFIED: 'UNSATISFIED' } as const;
export type PublicSatisfaction = (typeof PublicSatisfaction)[keyof typeof PublicSatisfaction];
export const PublicSatisfactionLabel: Readonly<Record<PublicSatisfaction, string>> = {
  SATISFIED: '满意',
  BASIC: '基本满意',
  UNSATISFIED: '不满意',
};
