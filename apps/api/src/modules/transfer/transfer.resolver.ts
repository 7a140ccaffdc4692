import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { TransferCaseInput } from './transfer.input';
import { TransferModel, TransferPage, TransferResultModel } from './transfer.model';
import { TransferService } from './transfer.service';

/** The surface of other government systems: transfer a case in, read back its own transfers. */
@Resolver(() => TransferModel)
export class TransferResolver {
  constructor(private readonly service: TransferService) {}

  @Mutation(() => TransferResultModel, {
    description: '转办登记（外部系统）：按客户端的渠道登记；同一工单编号或幂等键重发时返回原案件，不会重复登记',
  })
  @Allow(Permission.CASE_TRANSFER)
  transferCase(@CurrentActor() actor: Actor, @Args('input') input: TransferCaseInput): Promise<TransferResultModel> {
    return this.service.transferIn(actor, input);
  }

  @Query(() => TransferModel, { description: '按对方工单编号查询本系统转办的案件' })
  @Allow(Permission.TRANSFER_READ)
  transfer(@CurrentActor() actor: Actor, @Args('externalRef') externalRef: string): Promise<TransferModel> {
    return this.service.byExternalRef(actor, externalRef);
  }

  @Query(() => TransferPage, { description: '本系统转办的案件（新的在前）' })
  @Allow(Permission.TRANSFER_READ)
  transfers(
    @CurrentActor() actor: Actor,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<TransferPage> {
    return this.service.list(actor, page ?? new PageInput());
  }
}
