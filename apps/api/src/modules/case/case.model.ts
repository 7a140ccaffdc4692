import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  CaseAction,
  CaseKind,
  CaseState,
  Channel,
  DispatchMode,
  DispatchTargetType,
  Outcome,
  RejectGround,
  Satisfaction,
  SuspendReason,
  TerminationGround,
  WorkroomCode,
} from '@weiquan/shared';
import { PageOf } from '../../common/paging';
import './case-enums.graphql';

@ObjectType('Consumer', { description: '消费者/举报人；电话、证件号对不需要的角色脱敏，举报人身份保密' })
export class ConsumerModel {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) idNumber: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field() anonymous: boolean;
  @Field({ description: 'true when any field above is masked' }) masked: boolean;
}

@ObjectType('Respondent', { description: '被投诉（举报）经营者' })
export class RespondentModel {
  @Field(() => String, { nullable: true }) name: string | null;
  @Field(() => String, { nullable: true, description: '统一社会信用代码' }) creditCode: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) region: string | null;
  @Field(() => String, { nullable: true }) industry: string | null;
}

@ObjectType('CaseFlags')
export class CaseFlagsModel {
  @Field({ description: '重大紧急' }) majorUrgent: boolean;
  @Field({ description: '群体投诉' }) groupComplaint: boolean;
  @Field({ description: '媒体关注' }) mediaAttention: boolean;
  @Field({ description: '同意公示投诉信息' }) consentPublication: boolean;
  @Field({ description: '同意委托调解' }) consentEntrustedMediation: boolean;
}

@ObjectType('CaseDispatch', { description: '分流记录（每一跳）' })
export class CaseDispatchModel {
  @Field(() => ID) id: string;
  @Field(() => Int) hop: number;
  @Field(() => ID) fromUnitId: string;
  @Field(() => DispatchTargetType) targetType: DispatchTargetType;
  @Field(() => ID, { nullable: true }) toUnitId: string | null;
  @Field(() => WorkroomCode, { nullable: true }) workroom: WorkroomCode | null;
  @Field(() => ID, { nullable: true }) externalAgencyId: string | null;
  @Field(() => DispatchMode) mode: DispatchMode;
  @Field(() => String, { nullable: true }) instructions: string | null;
  @Field() dispatchedAt: Date;
  @Field(() => Date, { nullable: true }) receivedAt: Date | null;
  @Field(() => Date, { nullable: true }) returnedAt: Date | null;
  @Field(() => String, { nullable: true }) returnReason: string | null;
}

@ObjectType('CaseEvent', { description: '案件日志（只增不改）' })
export class CaseEventModel {
  @Field(() => ID) id: string;
  @Field() action: string;
  @Field(() => CaseState, { nullable: true }) fromState: CaseState | null;
  @Field(() => CaseState, { nullable: true }) toState: CaseState | null;
  @Field() actorName: string;
  @Field() actorKind: string;
  @Field(() => ID, { nullable: true }) actorUnitId: string | null;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the step-specific detail' }) detail: string | null;
}

@ObjectType('AllowedAction', { description: '当前用户此刻可执行的操作（按钮置灰依据）' })
export class AllowedActionModel {
  @Field(() => CaseAction) action: CaseAction;
  @Field() label: string;
  @Field() allowed: boolean;
  @Field(() => String, { nullable: true }) reasonCode: string | null;
  @Field(() => String, { nullable: true }) reason: string | null;
}

@ObjectType('SharedContactSignal', { description: '多名投诉人共用同一电话或地址（职业索赔迹象）' })
export class SharedContactSignalModel {
  @Field(() => Int, { description: '使用同一电话的不同投诉人数' }) namesSharingPhone: number;
  @Field(() => Int, { description: '使用同一地址的不同投诉人数' }) namesSharingAddress: number;
  @Field(() => Int, { description: '同一电话近一年的诉求件数' }) casesWithPhoneLastYear: number;
}

@ObjectType('CaseExtension')
export class CaseExtensionModel {
  @Field(() => ID) id: string;
  @Field() reason: string;
  @Field(() => Int) days: number;
  @Field() status: string;
  @Field() requestedAt: Date;
  @Field(() => Date, { nullable: true }) decidedAt: Date | null;
  @Field(() => String, { nullable: true }) decisionNote: string | null;
}

@ObjectType('CaseFollowUp')
export class CaseFollowUpModel {
  @Field(() => Int) attempt: number;
  @Field() at: Date;
  @Field() result: string;
  @Field(() => Satisfaction, { nullable: true }) satisfaction: Satisfaction | null;
  @Field(() => String, { nullable: true }) note: string | null;
}

@ObjectType('Case', { description: '诉求（咨询、投诉、举报、建议）' })
export class CaseModel {
  @Field(() => ID) id: string;
  @Field({ description: '案件编号，如 WQ-2026-000123' }) caseNo: string;
  @Field(() => CaseKind) kind: CaseKind;
  @Field(() => Channel) channel: Channel;
  @Field(() => CaseState) state: CaseState;
  @Field(() => Int, { description: 'Optimistic-concurrency version; every mutation must send the one it saw' })
  version: number;
  @Field(() => Int, { description: '第几轮（回访不满意重新受理）' }) round: number;
  @Field(() => ID, { nullable: true }) previousRoundId: string | null;
  @Field(() => ID, { nullable: true }) nextRoundId: string | null;
  @Field({ description: '收到时间（计时起点）' }) receivedAt: Date;
  @Field() registeredAt: Date;
  @Field(() => ID, { nullable: true }) registeredById: string | null;
  @Field(() => ID) intakeUnitId: string;
  @Field(() => ID) ownerUnitId: string;
  @Field(() => ID, { nullable: true }) assignedUnitId: string | null;
  @Field(() => ID, { nullable: true }) handlerId: string | null;
  @Field(() => ConsumerModel) consumer: ConsumerModel;
  @Field(() => RespondentModel) respondent: RespondentModel;
  @Field(() => Date, { nullable: true }) occurredAt: Date | null;
  @Field(() => String, { nullable: true }) occurredPlace: string | null;
  @Field(() => String, { nullable: true, description: '商品或服务类别' }) category: string | null;
  @Field(() => Float, { nullable: true }) amountInvolved: number | null;
  @Field() summary: string;
  @Field(() => String, { nullable: true }) demand: string | null;
  @Field(() => CaseFlagsModel) flags: CaseFlagsModel;
  @Field(() => ID, { nullable: true, description: '疑似重复件：关联的前一件' }) repeatOfId: string | null;
  @Field(() => ID, { nullable: true, description: '已并案至' }) mergedIntoId: string | null;
  @Field(() => [String], { description: '一次性告知的需补正材料' }) missingItems: string[];
  @Field(() => RejectGround, { nullable: true }) rejectGround: RejectGround | null;
  @Field(() => String, { nullable: true }) referralAuthority: string | null;
  @Field(() => String, { nullable: true }) referralPhone: string | null;
  @Field(() => Boolean, { nullable: true, description: '举报：是否立案' }) filed: boolean | null;
  @Field(() => DispatchTargetType, { nullable: true }) dispatchTargetType: DispatchTargetType | null;
  @Field(() => DispatchMode, { nullable: true }) dispatchMode: DispatchMode | null;
  @Field(() => SuspendReason, { nullable: true }) suspendReason: SuspendReason | null;
  @Field() pendingExtension: boolean;
  @Field({ description: '有待领导审批的调查中止申请' }) pendingSuspension: boolean;
  @Field(() => Outcome, { nullable: true }) outcome: Outcome | null;
  @Field(() => TerminationGround, { nullable: true }) terminationGround: TerminationGround | null;
  @Field(() => String, { nullable: true }) agreementText: string | null;
  @Field(() => Float, { nullable: true, description: '挽回经济损失（元）' }) amountRecovered: number | null;
  @Field(() => Date, { nullable: true }) concludedAt: Date | null;
  @Field(() => String, { nullable: true }) replyContent: string | null;
  @Field(() => Date, { nullable: true }) repliedAt: Date | null;
  @Field(() => Int) followUpAttempts: number;
  @Field() followUpDone: boolean;
  @Field(() => Satisfaction, { nullable: true }) satisfaction: Satisfaction | null;
  @Field() overdue: boolean;
  @Field(() => Date, { nullable: true }) dueAt: Date | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field() updatedAt: Date;
}

@ObjectType('CasePage')
export class CasePage extends PageOf(CaseModel, 'CasePageBase') {
  @Field({
    description:
      'true when a keyword search matched more cases than it counts exactly (KEYWORD_TOTAL_BOUND): total is then that bound and the console shows “超过 N 条”',
  })
  totalIsLowerBound: boolean;
}
