import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { WorkOrder12345Input, WorkOrderReply12345Model, WorkOrderResult12345Model } from './work-order.input';
import { WorkOrderService } from './work-order.service';

/** The 12345 hotline's exchange adapter over GraphQL: its work orders in, its reply fields back. */
@Resolver()
export class WorkOrderResolver {
  constructor(private readonly service: WorkOrderService) {}

  @Mutation(() => WorkOrderResult12345Model, {
    description: '12345 工单转办（热线字段）：同一工单编号重发时返回原案件；答复含热线反馈字段',
  })
  @Allow(Permission.CASE_TRANSFER)
  receiveWorkOrder12345(@CurrentActor() actor: Actor, @Args('input') input: WorkOrder12345Input) {
    return this.service.receive(actor, input);
  }

  @Query(() => WorkOrderReply12345Model, { description: '按工单编号查询 12345 反馈字段（办理状态、办结与回访结果）' })
  @Allow(Permission.TRANSFER_READ)
  workOrderReply12345(@CurrentActor() actor: Actor, @Args('gdbh') gdbh: string) {
    return this.service.byWorkOrderNo(actor, gdbh);
  }
}
