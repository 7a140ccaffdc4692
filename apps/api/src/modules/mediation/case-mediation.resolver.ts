import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CaseModel } from '../case/case.model';
import { byCase, LoaderContext } from '../workroom/case-field.loader';
import { MediationQueryService } from './mediation-query.service';
import {
  InvestigationModel,
  MediationAgreementModel,
  MediationSessionModel,
  TestingCommissionModel,
  toInvestigationModel,
  toMediationAgreementModel,
  toMediationSessionModel,
  toTestingCommissionModel,
} from './mediation.model';

type Ctx = LoaderContext;

/** Shows the 维权服务 records on the case (the parent case was loaded through the case scope). */
@Resolver(() => CaseModel)
export class CaseMediationResolver {
  constructor(private readonly queries: MediationQueryService) {}

  @ResolveField(() => [MediationSessionModel], { description: '调解记录' })
  mediationSessions(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<MediationSessionModel[]> {
    return byCase(ctx, 'case.mediationSessions', c.id, async (ids) =>
      (await this.queries.sessions(ids)).map((v) => [v.session.caseId, toMediationSessionModel(v)]),
    );
  }

  @ResolveField(() => [InvestigationModel], { description: '现场调查记录' })
  investigations(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<InvestigationModel[]> {
    return byCase(ctx, 'case.investigations', c.id, async (ids) =>
      (await this.queries.investigations(ids)).map((v) => [v.investigation.caseId, toInvestigationModel(v)]),
    );
  }

  @ResolveField(() => [TestingCommissionModel], { description: '检测鉴定委托' })
  testingCommissions(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<TestingCommissionModel[]> {
    return byCase(ctx, 'case.testingCommissions', c.id, async (ids) =>
      (await this.queries.commissions(ids)).map((t) => [t.caseId, toTestingCommissionModel(t)]),
    );
  }

  @ResolveField(() => [MediationAgreementModel], { description: '调解协议及履行情况' })
  agreements(@Parent() c: CaseModel, @Context() ctx: Ctx): Promise<MediationAgreementModel[]> {
    return byCase(ctx, 'case.agreements', c.id, async (ids) =>
      (await this.queries.agreements(ids)).map((a) => [a.caseId, toMediationAgreementModel(a)]),
    );
  }
}
