import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { toCaseModel } from '../case/case.mapper';
import { CaseModel } from '../case/case.model';
import { InvestigationService } from './investigation.service';
import { MediationAgreementService } from './mediation-agreement.service';
import { MediationQueryService } from './mediation-query.service';
import { MediationSessionService } from './mediation-session.service';
import { MediationQueueSort } from './mediation.enums';
import * as I from './mediation.input';
import {
  InvestigationModel,
  MediationAgreementModel,
  MediationQueuePage,
  MediationSessionModel,
  TestingCommissionModel,
  toInvestigationModel,
  toMediationAgreementModel,
  toMediationQueueItemModel,
  toMediationSessionModel,
  toTestingCommissionModel,
} from './mediation.model';
import { TestingCommissionService } from './testing-commission.service';

// 维权服务工作室. Thin: parse, authorise (decorator here, case unit and state in the services), delegate.
@Resolver()
export class MediationResolver {
  constructor(
    private readonly sessionService: MediationSessionService,
    private readonly investigationService: InvestigationService,
    private readonly testingService: TestingCommissionService,
    private readonly agreementService: MediationAgreementService,
    private readonly queries: MediationQueryService,
  ) {}

  @Query(() => MediationQueuePage, {
    description: '维权服务工作队列：本站点或本中心维权服务工作室在办的案件及其最早到期的计时，可按剩余时间排序',
  })
  @Allow(Permission.CASE_READ)
  async mediationWorkQueue(
    @CurrentActor() actor: Actor,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
    @Args('sort', { type: () => MediationQueueSort, nullable: true, defaultValue: MediationQueueSort.TIME_LEFT })
    sort?: MediationQueueSort,
  ): Promise<MediationQueuePage> {
    const res = await this.queries.workQueue(actor, sort ?? MediationQueueSort.TIME_LEFT, page ?? new PageInput());
    return { ...res, items: res.items.map(toMediationQueueItemModel) };
  }

  @Query(() => [MediationSessionModel], { description: '案件的调解记录' })
  @Allow(Permission.CASE_READ)
  async mediationSessions(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<MediationSessionModel[]> {
    return (await this.queries.sessions([await this.queries.readableCaseId(actor, caseId)])).map(
      toMediationSessionModel,
    );
  }

  @Query(() => [InvestigationModel], { description: '案件的现场调查记录' })
  @Allow(Permission.CASE_READ)
  async investigations(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<InvestigationModel[]> {
    return (await this.queries.investigations([await this.queries.readableCaseId(actor, caseId)])).map(
      toInvestigationModel,
    );
  }

  @Query(() => [TestingCommissionModel], { description: '案件的检测鉴定委托' })
  @Allow(Permission.CASE_READ)
  async testingCommissions(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<TestingCommissionModel[]> {
    return (await this.queries.commissions([await this.queries.readableCaseId(actor, caseId)])).map(
      toTestingCommissionModel,
    );
  }

  @Query(() => [MediationAgreementModel], { description: '案件的调解协议及履行情况' })
  @Allow(Permission.CASE_READ)
  async mediationAgreements(
    @CurrentActor() actor: Actor,
    @Args('caseId', { type: () => ID }) caseId: string,
  ): Promise<MediationAgreementModel[]> {
    return (await this.queries.agreements([await this.queries.readableCaseId(actor, caseId)])).map(
      toMediationAgreementModel,
    );
  }

  @Mutation(() => MediationSessionModel, {
    description: '记录调解（电话、视频、短信、现场）；一般两名以上工作人员参加，简易调解可一名',
  })
  @Allow(Permission.CASE_HANDLE)
  async recordMediationSession(
    @CurrentActor() a: Actor,
    @Args('input') i: I.RecordMediationSessionInput,
  ): Promise<MediationSessionModel> {
    return toMediationSessionModel(await this.sessionService.record(a, i));
  }

  @Mutation(() => MediationSessionModel, { description: '修改调解记录' })
  @Allow(Permission.CASE_HANDLE)
  async updateMediationSession(
    @CurrentActor() a: Actor,
    @Args('input') i: I.UpdateMediationSessionInput,
  ): Promise<MediationSessionModel> {
    return toMediationSessionModel(await this.sessionService.update(a, i));
  }

  @Mutation(() => InvestigationModel, { description: '记录现场调查' })
  @Allow(Permission.CASE_HANDLE)
  async recordInvestigation(
    @CurrentActor() a: Actor,
    @Args('input') i: I.RecordInvestigationInput,
  ): Promise<InvestigationModel> {
    return toInvestigationModel(await this.investigationService.record(a, i));
  }

  @Mutation(() => InvestigationModel, { description: '修改现场调查记录' })
  @Allow(Permission.CASE_HANDLE)
  async updateInvestigation(
    @CurrentActor() a: Actor,
    @Args('input') i: I.UpdateInvestigationInput,
  ): Promise<InvestigationModel> {
    return toInvestigationModel(await this.investigationService.update(a, i));
  }

  @Mutation(() => TestingCommissionModel, { description: '委托检测鉴定；办理中的案件随即中止，计时暂停' })
  @Allow(Permission.CASE_HANDLE)
  async commissionTesting(
    @CurrentActor() a: Actor,
    @Args('input') i: I.CommissionTestingInput,
  ): Promise<TestingCommissionModel> {
    return toTestingCommissionModel(await this.testingService.commission(a, i));
  }

  @Mutation(() => TestingCommissionModel, { description: '登记检测鉴定结果；没有其他在检项目时案件恢复办理、计时继续' })
  @Allow(Permission.CASE_HANDLE)
  async recordTestingResult(
    @CurrentActor() a: Actor,
    @Args('input') i: I.RecordTestingResultInput,
  ): Promise<TestingCommissionModel> {
    return toTestingCommissionModel(await this.testingService.recordResult(a, i));
  }

  @Mutation(() => MediationAgreementModel, { description: '记录调解协议' })
  @Allow(Permission.CASE_HANDLE)
  async recordAgreement(
    @CurrentActor() a: Actor,
    @Args('input') i: I.RecordAgreementInput,
  ): Promise<MediationAgreementModel> {
    return toMediationAgreementModel(await this.agreementService.record(a, i));
  }

  @Mutation(() => MediationAgreementModel, {
    description: '登记调解协议履行情况；案件办结后未履行的，自动督办受理单位',
  })
  @Allow(Permission.CASE_HANDLE)
  async updateAgreementPerformance(
    @CurrentActor() a: Actor,
    @Args('input') i: I.UpdateAgreementPerformanceInput,
  ): Promise<MediationAgreementModel> {
    return toMediationAgreementModel(await this.agreementService.updatePerformance(a, i));
  }

  @Mutation(() => CaseModel, { description: '调解完毕后向受理接待工作室反馈办理结果（记入案件日志并通知受理人员）' })
  @Allow(Permission.CASE_HANDLE)
  async feedBackResult(@CurrentActor() a: Actor, @Args('input') i: I.FeedBackResultInput): Promise<CaseModel> {
    return toCaseModel(await this.sessionService.feedBackResult(a, i));
  }
}
