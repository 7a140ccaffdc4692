import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { Actor } from '@weiquan/core';
import { CurrentActor } from '../../common/permission.decorator';
import { CaseModel } from '../case/case.model';
import { LegalConsultationModel, LitigationSupportModel, toLegalConsultationModel, toLitigationSupportModel } from './legal.model';
import { LegalConsultationService } from './legal-consultation.service';
import { LitigationSupportService } from './litigation-support.service';

/** Shows a case's legal consultations and litigation supports on the case (reached through CaseAccess). */
@Resolver(() => CaseModel)
export class CaseLegalResolver {
  constructor(
    private readonly consultations: LegalConsultationService,
    private readonly litigation: LitigationSupportService,
  ) {}

  @ResolveField(() => [LegalConsultationModel], { description: '该案件的法律咨询' })
  async legalConsultations(@Parent() c: CaseModel, @CurrentActor() actor: Actor): Promise<LegalConsultationModel[]> {
    return (await this.consultations.forCase(c.id)).map((v) => toLegalConsultationModel(v, actor));
  }

  @ResolveField(() => [LitigationSupportModel], { description: '该案件的诉讼支持' })
  async litigationSupports(@Parent() c: CaseModel): Promise<LitigationSupportModel[]> {
    return (await this.litigation.forCase(c.id)).map(toLitigationSupportModel);
  }
}
