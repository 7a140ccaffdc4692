import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, SupervisionQueryService } from '@weiquan/core';
import { CurrentActor } from '../../common/permission.decorator';
import { CaseModel } from '../case/case.model';
import { SupervisionModel, toSupervisionModel } from './supervision.model';

/** Shows a case's supervision items on the case (督办 shows on the case). */
@Resolver(() => CaseModel)
export class CaseSupervisionResolver {
  constructor(private readonly queries: SupervisionQueryService) {}

  @ResolveField(() => [SupervisionModel], { description: '该案件的催办、督办、挂牌督办' })
  async supervisions(@Parent() c: CaseModel, @CurrentActor() actor: Actor): Promise<SupervisionModel[]> {
    const page = await this.queries.list(actor, { caseId: c.id }, { offset: 0, limit: 100 });
    return page.items.map(toSupervisionModel);
  }
}
