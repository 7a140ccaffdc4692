import { registerEnumType } from '@nestjs/graphql';

// 维权服务工作室 vocabulary. Labels follow seed 002 (四、维权服务工作室工作职责): 现场调查, 调解视不同情况
// 采取电话、视频、短信、现场调解等方式, 调解完毕后及时向受理接待工作室反馈办理结果.

type ValueOf<T> = T[keyof T];

export const MediationMode = { PHONE: 'PHONE', VIDEO: 'VIDEO', SMS: 'SMS', ON_SITE: 'ON_SITE' } as const;
export type MediationMode = ValueOf<typeof MediationMode>;
export const MediationModeLabel: Readonly<Record<MediationMode, string>> = {
  PHONE: '电话调解',
  VIDEO: '视频调解',
  SMS: '短信调解',
  ON_SITE: '现场调解',
};

export const MediationResult = { AGREED: 'AGREED', NOT_AGREED: 'NOT_AGREED', ADJOURNED: 'ADJOURNED' } as const;
export type MediationResult = ValueOf<typeof MediationResult>;
export const MediationResultLabel: Readonly<Record<MediationResult, string>> = {
  AGREED: '达成调解协议',
  NOT_AGREED: '未达成协议',
  ADJOURNED: '择期继续调解',
};

export const MediationPartyRole = { CONSUMER: 'CONSUMER', BUSINESS: 'BUSINESS', OTHER: 'OTHER' } as const;
export type MediationPartyRole = ValueOf<typeof MediationPartyRole>;
export const MediationPartyRoleLabel: Readonly<Record<MediationPartyRole, string>> = {
  CONSUMER: '消费者（投诉人）',
  BUSINESS: '经营者代表（被投诉人）',
  OTHER: '其他参加人',
};

export const TestingCostParty = {
  CONSUMER: 'CONSUMER',
  BUSINESS: 'BUSINESS',
  SHARED: 'SHARED',
  CENTER: 'CENTER',
} as const;
export type TestingCostParty = ValueOf<typeof TestingCostParty>;
export const TestingCostPartyLabel: Readonly<Record<TestingCostParty, string>> = {
  CONSUMER: '消费者',
  BUSINESS: '经营者',
  SHARED: '双方分担',
  CENTER: '维权中心',
};

export const TestingStatus = { RUNNING: 'RUNNING', COMPLETED: 'COMPLETED' } as const;
export type TestingStatus = ValueOf<typeof TestingStatus>;
export const TestingStatusLabel: Readonly<Record<TestingStatus, string>> = {
  RUNNING: '检测鉴定中',
  COMPLETED: '已出具结果',
};

export const AgreementPerformance = { PENDING: 'PENDING', FULFILLED: 'FULFILLED', UNFULFILLED: 'UNFULFILLED' } as const;
export type AgreementPerformance = ValueOf<typeof AgreementPerformance>;
export const AgreementPerformanceLabel: Readonly<Record<AgreementPerformance, string>> = {
  PENDING: '待履行',
  FULFILLED: '已履行',
  UNFULFILLED: '未履行',
};

export const MediationQueueSort = { TIME_LEFT: 'TIME_LEFT', RECEIVED: 'RECEIVED' } as const;
export type MediationQueueSort = ValueOf<typeof MediationQueueSort>;

registerEnumType(MediationMode, {
  name: 'MediationMode',
  description: '调解方式：电话、视频、短信、现场（须经双方当事人同意）',
});
registerEnumType(MediationResult, { name: 'MediationResult', description: '调解结果' });
registerEnumType(MediationPartyRole, { name: 'MediationPartyRole', description: '调解参加人身份（非工作人员）' });
registerEnumType(TestingCostParty, { name: 'TestingCostParty', description: '检测鉴定费用垫付或承担方' });
registerEnumType(TestingStatus, { name: 'TestingStatus', description: '检测鉴定委托状态' });
registerEnumType(AgreementPerformance, { name: 'AgreementPerformance', description: '调解协议履行情况' });
registerEnumType(MediationQueueSort, {
  name: 'MediationQueueSort',
  description: 'TIME_LEFT：按最早到期计时的剩余时间（最紧的在前，没有运行中计时的在后）；RECEIVED：按收到时间',
});
