import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { PublicPublicationService } from './public-publication.service';

/** Staff side of 公示: an administrator withdraws a published complaint (reason kept, audited). */
@Resolver()
export class PublicationAdminResolver {
  constructor(private readonly publication: PublicPublicationService) {}

  @Mutation(() => Boolean, { description: '撤回投诉信息公示（仅系统管理员，须说明理由，记入审计日志）' })
  @Allow(Permission.ORG_MANAGE)
  withdrawPublication(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('reason') reason: string,
  ): Promise<boolean> {
    return this.publication.withdraw(actor, caseId, String(reason).slice(0, 500));
  }
}
