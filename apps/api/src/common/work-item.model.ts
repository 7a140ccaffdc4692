import { Field, Float, InterfaceType } from '@nestjs/graphql';

/**
 * The one shape every workroom's queue item shares (维权服务、法律服务、诉调对接): its deadline, the time left
 * on it in one unit and one field, and whether it is overdue — so a client (and the console's shared queue
 * table) reads each queue's urgency the same way, whatever else an item carries.
 */
@InterfaceType('WorkroomWorkItem', { description: '各工作室待办的共同部分：期限、剩余时间、是否超期' })
export abstract class WorkroomWorkItem {
  @Field(() => Date, { nullable: true, description: '期限（无期限为空）' }) dueAt: Date | null;
  @Field(() => Float, { nullable: true, description: '剩余毫秒（负数为已超期；无期限为空）——各工作室待办同一字段' })
  timeLeftMs: number | null;
  @Field({ description: '已超期' }) overdue: boolean;
}
