import { registerEnumType } from '@nestjs/graphql';
import {
  CaseAction,
  CaseFlag,
  CaseKind,
  CaseState,
  Channel,
  ContactMethod,
  DispatchMode,
  DispatchTargetType,
  FollowUpResult,
  Outcome,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
} from '@weiquan/shared';

// GraphQL enums come from the same `as const` objects the state machine and the console use.
registerEnumType(CaseKind, { name: 'CaseKind', description: '诉求类型：咨询、投诉、举报、建议' });
registerEnumType(Channel, { name: 'Channel', description: '受理渠道' });
registerEnumType(CaseState, { name: 'CaseState', description: '案件状态（见 docs/state-machine.md）' });
registerEnumType(CaseAction, { name: 'CaseAction', description: '案件操作' });
registerEnumType(DispatchMode, { name: 'DispatchMode', description: '分流方式：即办、代办、协办' });
registerEnumType(DispatchTargetType, { name: 'DispatchTargetType', description: '分流对象类型' });
registerEnumType(RejectGround, { name: 'RejectGround', description: '不予受理情形（7种）' });
registerEnumType(TerminationGround, { name: 'TerminationGround', description: '终止调解情形（8种）' });
registerEnumType(Outcome, { name: 'Outcome', description: '办结结果' });
registerEnumType(SuspendReason, { name: 'SuspendReason', description: '中止事由' });
registerEnumType(Satisfaction, { name: 'Satisfaction', description: '满意度' });
registerEnumType(FollowUpResult, { name: 'FollowUpResult', description: '回访结果' });
registerEnumType(ContactMethod, { name: 'ContactMethod', description: '联系方式' });

export enum CaseSort {
  RECEIVED_DESC = 'RECEIVED_DESC',
  RECEIVED_ASC = 'RECEIVED_ASC',
  DUE_ASC = 'DUE_ASC',
  UPDATED_DESC = 'UPDATED_DESC',
}
registerEnumType(CaseSort, { name: 'CaseSort' });

export enum CaseQueue {
  /** 首问负责: registered by me and not yet taken by a handler, or handled by me. */
  MINE = 'MINE',
}
registerEnumType(CaseQueue, { name: 'CaseQueue' });

// --- i11: flags ---
registerEnumType(CaseFlag, { name: 'CaseFlag', description: '重点标记：重大紧急、群体投诉、媒体关注' });
