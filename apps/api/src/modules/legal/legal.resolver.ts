import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import {
  CreateLegalConsultationInput,
  LegalConsultationFilter,
  LitigationSupportFilter,
  RequestLitigationSupportInput,
  UpdateLegalConsultationInput,
  UpdateLitigationSupportInput,
} from './legal.input';
import {
  LegalArchivePage,
  LegalConsultationModel,
  LegalConsultationPage,
  LegalItemKind,
  LegalWorkItemPage,
  LegalWorkQueueSort,
  LitigationSupportModel,
  LitigationSupportPage,
  toLegalConsultationModel,
  toLitigationSupportModel,
} from './legal.model';
import { LegalConsultationService } from './legal-consultation.service';
import { LegalWorkService } from './legal-work.service';
import { LitigationSupportService } from './litigation-support.service';

/** 法律服务工作室: free legal consultations, litigation support, the archive and the work queue. */
@Resolver()
export class LegalResolver {
  constructor(
    private readonly consultations: LegalConsultationService,
    private readonly litigation: LitigationSupportService,
    private readonly work: LegalWorkService,
  ) {}

  @Query(() => LegalConsultationPage, { description: '法律咨询列表（按数据范围过滤，分页含总数）' })
  @Allow(Permission.CASE_READ)
  async legalConsultations(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => LegalConsultationFilter, nullable: true }) filter?: LegalConsultationFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LegalConsultationPage> {
    const res = await this.consultations.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map((v) => toLegalConsultationModel(v, actor)) };
  }

  @Query(() => LegalConsultationModel)
  @Allow(Permission.CASE_READ)
  async legalConsultation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LegalConsultationModel> {
    return toLegalConsultationModel(await this.consultations.get(actor, id), actor);
  }

  @Mutation(() => LegalConsultationModel, { description: '登记免费法律咨询（可当场答复）；关联案件的记入案件日志' })
  @Allow(Permission.CASE_HANDLE)
  async createLegalConsultation(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateLegalConsultationInput,
  ): Promise<LegalConsultationModel> {
    return toLegalConsultationModel(await this.consultations.create(actor, input), actor);
  }

  @Mutation(() => LegalConsultationModel, { description: '修改法律咨询或作出答复' })
  @Allow(Permission.CASE_HANDLE)
  async updateLegalConsultation(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateLegalConsultationInput,
  ): Promise<LegalConsultationModel> {
    return toLegalConsultationModel(await this.consultations.update(actor, input), actor);
  }

  @Query(() => LitigationSupportPage, { description: '诉讼支持列表（按数据范围过滤，分页含总数）' })
  @Allow(Permission.CASE_READ)
  async litigationSupports(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => LitigationSupportFilter, nullable: true }) filter?: LitigationSupportFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LitigationSupportPage> {
    const res = await this.litigation.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toLitigationSupportModel) };
  }

  @Query(() => LitigationSupportModel)
  @Allow(Permission.CASE_READ)
  async litigationSupport(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LitigationSupportModel> {
    return toLitigationSupportModel(await this.litigation.get(actor, id));
  }

  @Mutation(() => LitigationSupportModel, { description: '为需要诉讼解决的消费者申请诉讼支持（须关联案件）' })
  @Allow(Permission.CASE_HANDLE)
  async requestLitigationSupport(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestLitigationSupportInput,
  ): Promise<LitigationSupportModel> {
    return toLitigationSupportModel(await this.litigation.request(actor, input));
  }

  @Mutation(() => LitigationSupportModel, { description: '办理诉讼支持：材料准备、立案起诉、结束（填写结果）' })
  @Allow(Permission.CASE_HANDLE)
  async updateLitigationSupport(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateLitigationSupportInput,
  ): Promise<LitigationSupportModel> {
    return toLitigationSupportModel(await this.litigation.update(actor, input));
  }

  @Query(() => LegalArchivePage, { description: '法律服务档案：按关键词检索可见范围内的法律咨询和诉讼支持' })
  @Allow(Permission.CASE_READ)
  legalArchive(
    @CurrentActor() actor: Actor,
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string,
    @Args('kind', { type: () => LegalItemKind, nullable: true }) kind?: LegalItemKind,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LegalArchivePage> {
    return this.work.archive(actor, keyword, kind, page ?? new PageInput());
  }

  @Query(() => LegalWorkItemPage, {
    description: '本人所在法律服务工作室的待办（待答复的咨询、未结束的诉讼支持），可按剩余时间排序',
  })
  @Allow(Permission.CASE_READ)
  legalWorkQueue(
    @CurrentActor() actor: Actor,
    @Args('sort', { type: () => LegalWorkQueueSort, nullable: true, defaultValue: LegalWorkQueueSort.TIME_LEFT_ASC })
    sort: LegalWorkQueueSort,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LegalWorkItemPage> {
    return this.work.workQueue(actor, sort ?? LegalWorkQueueSort.TIME_LEFT_ASC, page ?? new PageInput());
  }
}
