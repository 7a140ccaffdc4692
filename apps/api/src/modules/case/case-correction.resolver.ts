import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { toCaseModel } from './case.mapper';
import { CaseModel } from './case.model';
import { CorrectCaseInput } from './case-correction.input';
import { CaseCorrectionService } from './case-correction.service';

@Resolver(() => CaseModel)
export class CaseCorrectionResolver {
  constructor(private readonly corrections: CaseCorrectionService) {}

  @Mutation(() => CaseModel, { description: '更正登记信息（办结前；日志记录更正前后的值）' })
  @Allow(Permission.CASE_HANDLE)
  async correctCase(@CurrentActor() a: Actor, @Args('input') i: CorrectCaseInput): Promise<CaseModel> {
    return toCaseModel(await this.corrections.correct(a, i));
  }
}
