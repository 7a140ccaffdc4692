import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@weiquan/core';
import { CurrentActor } from '../../common/permission.decorator';
import { CaseModel } from '../case/case.model';
import { byCase, LoaderContext } from '../workroom/case-field.loader';
import {
  LegalConsultationModel,
  LitigationSupportModel,
  toLegalConsultationModel,
  toLitigationSupportModel,
} from './legal.model';
import { LegalConsultationService } from './legal-consultation.service';
import { LitigationSupportService } from './litigation-support.service';

/** Shows a case's legal consultations and litigation supports on the case (reached through CaseAccess), batched per page. */
@Resolver(() => CaseModel)
export class CaseLegalResolver {
  constructor(
    private readonly consultations: LegalConsultationService,
    private readonly litigation: LitigationSupportService,
  ) {}

  @ResolveField(() => [LegalConsultationModel], { description: '该案件的法律咨询' })
  legalConsultations(
    @Parent() c: CaseModel,
    @CurrentActor() actor: Actor,
    @Context() ctx: LoaderContext,
  ): Promise<LegalConsultationModel[]> {
    return byCase(ctx, 'case.legalConsultations', c.id, async (ids) =>
      (await this.consultations.forCases(ids)).map((v) => [v.item.caseId!, toLegalConsultationModel(v, actor)]),
    );
  }

  @ResolveField(() => [LitigationSupportModel], { description: '该案件的诉讼支持' })
  litigationSupports(@Parent() c: CaseModel, @Context() ctx: LoaderContext): Promise<LitigationSupportModel[]> {
    return byCase(ctx, 'case.litigationSupports', c.id, async (ids) =>
      (await this.litigation.forCases(ids)).map((v) => [v.item.caseId, toLitigationSupportModel(v)]),
    );
  }
}
