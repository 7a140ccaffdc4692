import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CreateProblemTypeInput, UpdateProblemTypeInput } from './problem-type.input';
import { ProblemTypeModel, toProblemTypeModel } from './problem-type.model';
import { ProblemTypeService } from './problem-type.service';

@Resolver()
export class ProblemTypeResolver {
  constructor(private readonly service: ProblemTypeService) {}

  @Query(() => [ProblemTypeModel], { description: '投诉问题类别（登记时选择；includeInactive 含已停用的）' })
  @Allow(Permission.CASE_READ)
  async problemTypes(
    @Args('includeInactive', { defaultValue: false }) includeInactive: boolean,
  ): Promise<ProblemTypeModel[]> {
    return (await this.service.list(includeInactive)).map((r) => toProblemTypeModel(r.entry, r.inUse));
  }

  @Mutation(() => ProblemTypeModel, { description: '新增投诉问题类别' })
  @Allow(Permission.RULES_MANAGE)
  async createProblemType(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProblemTypeInput,
  ): Promise<ProblemTypeModel> {
    return toProblemTypeModel(await this.service.create(actor, input), false);
  }

  @Mutation(() => ProblemTypeModel, { description: '修改投诉问题类别（改名、排序、停用或启用）' })
  @Allow(Permission.RULES_MANAGE)
  async updateProblemType(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateProblemTypeInput,
  ): Promise<ProblemTypeModel> {
    const e = await this.service.update(actor, input);
    return toProblemTypeModel(e, await this.service.inUse(e.code));
  }

  @Mutation(() => Boolean, { description: '删除投诉问题类别：仅限已停用且没有案件使用的' })
  @Allow(Permission.RULES_MANAGE)
  deleteProblemType(@CurrentActor() actor: Actor, @Args('code', { type: () => ID }) code: string): Promise<boolean> {
    return this.service.remove(actor, code);
  }
}
