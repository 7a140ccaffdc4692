import { registerEnumType } from '@nestjs/graphql';
import {
  CourtReferralStatus,
  CourtReferralType,
  DepartmentHandlingMode,
  DepartmentHandlingStatus,
  LinkageMessageKind,
} from '@weiquan/core';

// 诉调对接工作室 vocabulary. Labels follow seed 002 (五、诉调对接工作室工作职责): 行政调解、消费者协会调解与
// 司法诉讼对接; 与政府其他行政部门消费维权联动协调; 消费维权专家研讨会; 与各县区中心及乡镇、村站点联动协调.

type ValueOf<T> = T[keyof T];

export const LitigationLinkWorkItemKind = {
  COURT_REFERRAL: 'COURT_REFERRAL',
  DEPARTMENT_HANDLING: 'DEPARTMENT_HANDLING',
  LINKAGE_MESSAGE: 'LINKAGE_MESSAGE',
} as const;
export type LitigationLinkWorkItemKind = ValueOf<typeof LitigationLinkWorkItemKind>;
export const LitigationLinkWorkItemKindLabel: Readonly<Record<LitigationLinkWorkItemKind, string>> = {
  COURT_REFERRAL: '移送法院',
  DEPARTMENT_HANDLING: '部门联办、移交',
  LINKAGE_MESSAGE: '待签收的联动消息',
};

export const LitigationLinkQueueSort = { TIME_LEFT: 'TIME_LEFT', NEWEST: 'NEWEST' } as const;
export type LitigationLinkQueueSort = ValueOf<typeof LitigationLinkQueueSort>;

registerEnumType(CourtReferralType, {
  name: 'CourtReferralType',
  description: '移送法院类型：诉前调解、调解协议司法确认',
});
registerEnumType(CourtReferralStatus, {
  name: 'CourtReferralStatus',
  description: '移送状态：已移送、法院已受理、诉前调解成功、已司法确认、不予受理/不予确认/调解不成、已撤回',
});
registerEnumType(DepartmentHandlingMode, {
  name: 'DepartmentHandlingMode',
  description: '与其他部门联办（JOINT）或移交（TRANSFER）',
});
registerEnumType(DepartmentHandlingStatus, {
  name: 'DepartmentHandlingStatus',
  description: '联办、移交状态：办理中、已办结、已撤销',
});
registerEnumType(LinkageMessageKind, {
  name: 'LinkageMessageKind',
  description: '联动消息：INSTRUCTION 向下级中心、站点下发指示；REPORT 向上级中心上报情况',
});
registerEnumType(LitigationLinkWorkItemKind, {
  name: 'LitigationLinkWorkItemKind',
  description: '诉调对接待办事项类型',
});
registerEnumType(LitigationLinkQueueSort, {
  name: 'LitigationLinkQueueSort',
  description: 'TIME_LEFT：按剩余时间（最紧的在前，无期限的在后）；NEWEST：最新的在前',
});
