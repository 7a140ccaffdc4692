import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor, Public } from '../../common/permission.decorator';
import { PageInput } from '../../common/paging';
import { PublicTypicalCase, PublicTypicalCasePage } from './public-typical-case.model';
import { PublicTypicalCaseService } from './public-typical-case.service';
import {
  SaveTypicalCaseInput,
  TypicalCase,
  TypicalCaseFilter,
  TypicalCasePage,
  WithdrawTypicalCaseInput,
} from './typical-case.model';
import { TypicalCaseService } from './typical-case.service';

/** 典型案例: written, published and withdrawn in the console (scoped); read by anyone on the public site. */
@Resolver()
export class TypicalCaseResolver {
  constructor(
    private readonly cases: TypicalCaseService,
    private readonly published: PublicTypicalCaseService,
  ) {}

  @Query(() => TypicalCasePage, { description: '典型案例（本单位及下级撰写的）' })
  @Allow(Permission.TYPICAL_CASE_MANAGE)
  typicalCases(
    @CurrentActor() actor: Actor,
    @Args('filter', { nullable: true }) filter?: TypicalCaseFilter,
    @Args('page', { nullable: true }) page?: PageInput,
  ) {
    return this.cases.list(actor, filter ?? null, page ?? new PageInput());
  }

  @Query(() => TypicalCase, { description: '一篇典型案例' })
  @Allow(Permission.TYPICAL_CASE_MANAGE)
  typicalCase(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.cases.get(actor, id);
  }

  @Mutation(() => TypicalCase, { description: '新增或修改典型案例' })
  @Allow(Permission.TYPICAL_CASE_MANAGE)
  saveTypicalCase(@CurrentActor() actor: Actor, @Args('input') input: SaveTypicalCaseInput) {
    return this.cases.save(actor, input);
  }

  @Mutation(() => TypicalCase, { description: '发布典型案例（在公众网站公开）' })
  @Allow(Permission.TYPICAL_CASE_MANAGE)
  publishTypicalCase(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ) {
    return this.cases.publish(actor, id, version);
  }

  @Mutation(() => TypicalCase, { description: '撤回已发布的典型案例（须说明理由，记入审计日志）' })
  @Allow(Permission.TYPICAL_CASE_MANAGE)
  withdrawTypicalCase(@CurrentActor() actor: Actor, @Args('input') input: WithdrawTypicalCaseInput) {
    return this.cases.withdraw(actor, input);
  }

  @Query(() => PublicTypicalCasePage, { description: '典型案例：最新在前，可按标题或正文关键字查找' })
  @Public()
  publicTypicalCases(
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string | null,
    @Args('offset', { type: () => Int, defaultValue: 0 }) offset = 0,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit = 10,
  ): Promise<PublicTypicalCasePage> {
    return this.published.list(keyword, offset, limit);
  }

  @Query(() => PublicTypicalCase, { description: '一篇已发布的典型案例' })
  @Public()
  publicTypicalCase(@Args('ref') ref: string): Promise<PublicTypicalCase> {
    return this.published.get(String(ref).slice(0, 32));
  }
}
