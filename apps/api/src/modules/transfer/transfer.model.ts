import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CaseKind, CaseState, Channel, Outcome, RejectGround, Satisfaction } from '@weiquan/shared';
import { PageOf } from '../../common/paging';

@ObjectType('TransferStep', { description: '转办案件的办理节点（仅状态变化，不含内部记录）' })
export class TransferStepModel {
  @Field() action: string;
  @Field() label: string;
  @Field(() => CaseState, { nullable: true }) fromState: CaseState | null;
  @Field(() => CaseState, { nullable: true }) toState: CaseState | null;
  @Field() at: Date;
}

/**
 * What a sending system may read back about a case it transferred in: status, dates, result and reply —
 * no consumer details, no internal notes, no staff names.
 */
@ObjectType('Transfer', { description: '本系统转办的案件（办理状态与结果）' })
export class TransferModel {
  @Field(() => ID) caseId: string;
  @Field() caseNo: string;
  @Field({ description: '对方工单编号' }) externalRef: string;
  @Field(() => CaseKind) kind: CaseKind;
  @Field(() => Channel) channel: Channel;
  @Field(() => CaseState) state: CaseState;
  @Field({ description: '状态（中文）' }) stateLabel: string;
  @Field() isOpen: boolean;
  @Field({ description: '当前办理单位' }) ownerUnitName: string;
  @Field() receivedAt: Date;
  @Field() registeredAt: Date;
  @Field(() => Date, { nullable: true, description: '当前办理时限' }) dueAt: Date | null;
  @Field() overdue: boolean;
  @Field(() => RejectGround, { nullable: true }) rejectGround: RejectGround | null;
  @Field(() => Outcome, { nullable: true }) outcome: Outcome | null;
  @Field(() => Date, { nullable: true }) concludedAt: Date | null;
  @Field(() => String, { nullable: true, description: '答复内容' }) replyContent: string | null;
  @Field(() => Date, { nullable: true }) repliedAt: Date | null;
  @Field(() => Satisfaction, { nullable: true, description: '回访满意度' }) satisfaction: Satisfaction | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => [TransferStepModel]) steps: TransferStepModel[];
}

@ObjectType('TransferPage')
export class TransferPage extends PageOf(TransferModel, 'TransferPageBase') {}

@ObjectType('TransferResult', { description: '转办登记的结果' })
export class TransferResultModel {
  @Field(() => TransferModel) transfer: TransferModel;
  @Field({ description: '为 false 表示此前已登记过同一工单（重发），返回的是原案件' }) created: boolean;
}
