import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseWorkQueue, SupervisionWorkQueue } from '@weiquan/shared';

registerEnumType(CaseWorkQueue, {
  name: 'CaseWorkQueue',
  description: '案件待办：待签收、待审批（延期、立案决定）、待回复、待回访',
});
registerEnumType(SupervisionWorkQueue, {
  name: 'SupervisionWorkQueue',
  description: '督办待办：待答复（本单位被督办）、待审核（本单位发起、已答复）',
});

@ObjectType('WorkQueueCounts', { description: '我的待办：各队列的件数（菜单角标）' })
export class WorkQueueCountsModel {
  @Field(() => Int, { description: '待签收：分流/上报至本单位、尚未签收' }) receive: number;
  @Field(() => Int, { description: '待审批：待主任审批的延期申请和立案决定' }) approve: number;
  @Field(() => Int, { description: '待回复：本单位受理、已办结（或不予受理、不予立案）待告知消费者' }) reply: number;
  @Field(() => Int, { description: '待回访：本单位受理、已回复待回访' }) followUp: number;
  @Field(() => Int, { description: '督办待答复' }) supervisionAnswer: number;
  @Field(() => Int, { description: '督办答复待审核' }) supervisionReview: number;
  @Field(() => Int, { description: '合计' }) total: number;
}
