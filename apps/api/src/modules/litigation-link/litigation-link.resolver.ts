import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { ExpertService } from './expert.service';
import { LinkageService } from './linkage.service';
import { LitigationLinkQueueService } from './litigation-link-queue.service';
import { LitigationLinkQueueSort } from './litigation-link.enums';
import {
  AcknowledgeLinkageMessageInput,
  CreateExpertInput,
  CreateExpertSeminarInput,
  ExpertFilter,
  ExpertSeminarFilter,
  LinkageMessageFilter,
  SendLinkageMessageInput,
  UpdateExpertInput,
  UpdateExpertSeminarInput,
} from './litigation-link.input';
import {
  ExpertModel,
  ExpertPage,
  ExpertSeminarModel,
  ExpertSeminarPage,
  LinkageMessageModel,
  LinkageMessagePage,
  LitigationLinkWorkQueuePage,
  toExpertModel,
  toExpertSeminarModel,
  toLinkageMessageModel,
} from './litigation-link.model';

/** 诉调对接 of a unit: expert roster and seminars, linkage with county centers and stations, the work queue. */
@Resolver()
export class LitigationLinkResolver {
  constructor(
    private readonly roster: ExpertService,
    private readonly linkage: LinkageService,
    private readonly queue: LitigationLinkQueueService,
  ) {}

  @Query(() => LitigationLinkWorkQueuePage, {
    description: '诉调对接待办：本单位（工作室所在中心）在办的移送、联办移交和待签收的联动消息，按剩余时间排序',
  })
  @Allow(Permission.CASE_READ)
  litigationLinkWorkQueue(
    @CurrentActor() actor: Actor,
    @Args('sort', {
      type: () => LitigationLinkQueueSort,
      nullable: true,
      defaultValue: LitigationLinkQueueSort.TIME_LEFT,
    })
    sort?: LitigationLinkQueueSort,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LitigationLinkWorkQueuePage> {
    return this.queue.queue(actor, sort ?? LitigationLinkQueueSort.TIME_LEFT, page ?? new PageInput());
  }

  @Query(() => ExpertPage, { description: '消费维权专家库' })
  @Allow(Permission.CASE_READ)
  async experts(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => ExpertFilter, nullable: true }) filter?: ExpertFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<ExpertPage> {
    const res = await this.roster.experts(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toExpertModel) };
  }

  @Query(() => ExpertModel)
  @Allow(Permission.CASE_READ)
  async expert(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ExpertModel> {
    return toExpertModel(await this.roster.expert(actor, id));
  }

  @Mutation(() => ExpertModel, { description: '专家入库（属于当前用户所在中心）' })
  @Allow(Permission.CASE_HANDLE)
  async createExpert(@CurrentActor() actor: Actor, @Args('input') input: CreateExpertInput): Promise<ExpertModel> {
    return toExpertModel(await this.roster.createExpert(actor, input));
  }

  @Mutation(() => ExpertModel, { description: '修改专家信息，或移出专家库（active: false）' })
  @Allow(Permission.CASE_HANDLE)
  async updateExpert(@CurrentActor() actor: Actor, @Args('input') input: UpdateExpertInput): Promise<ExpertModel> {
    return toExpertModel(await this.roster.updateExpert(actor, input));
  }

  @Query(() => ExpertSeminarPage, { description: '消费维权专家研讨会' })
  @Allow(Permission.CASE_READ)
  async expertSeminars(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => ExpertSeminarFilter, nullable: true }) filter?: ExpertSeminarFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<ExpertSeminarPage> {
    const res = await this.roster.seminars(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toExpertSeminarModel) };
  }

  @Query(() => ExpertSeminarModel)
  @Allow(Permission.CASE_READ)
  async expertSeminar(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ExpertSeminarModel> {
    return toExpertSeminarModel(await this.roster.seminar(actor, id));
  }

  @Mutation(() => ExpertSeminarModel, { description: '登记专家研讨会（主题、日期、专家、纪要、热点问题及关联案件）' })
  @Allow(Permission.CASE_HANDLE)
  async createExpertSeminar(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateExpertSeminarInput,
  ): Promise<ExpertSeminarModel> {
    return toExpertSeminarModel(await this.roster.createSeminar(actor, input));
  }

  @Mutation(() => ExpertSeminarModel, { description: '修改研讨会（如补充会议纪要）；给出的列表整体替换' })
  @Allow(Permission.CASE_HANDLE)
  async updateExpertSeminar(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateExpertSeminarInput,
  ): Promise<ExpertSeminarModel> {
    return toExpertSeminarModel(await this.roster.updateSeminar(actor, input));
  }

  @Query(() => LinkageMessagePage, { description: '本单位收到的联动消息（上级下发的指示、下级上报的情况）' })
  @Allow(Permission.CASE_READ)
  async linkageInbox(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => LinkageMessageFilter, nullable: true }) filter?: LinkageMessageFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LinkageMessagePage> {
    const res = await this.linkage.inbox(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toLinkageMessageModel) };
  }

  @Query(() => LinkageMessagePage, { description: '本单位发出的联动消息及签收情况' })
  @Allow(Permission.CASE_READ)
  async linkageOutbox(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => LinkageMessageFilter, nullable: true }) filter?: LinkageMessageFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<LinkageMessagePage> {
    const res = await this.linkage.outbox(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toLinkageMessageModel) };
  }

  @Query(() => LinkageMessageModel)
  @Allow(Permission.CASE_READ)
  async linkageMessage(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LinkageMessageModel> {
    return toLinkageMessageModel(await this.linkage.get(actor, id));
  }

  @Mutation(() => LinkageMessageModel, { description: '向下级县级中心、站点下发指示，或向上级中心上报情况' })
  @Allow(Permission.CASE_HANDLE)
  async sendLinkageMessage(
    @CurrentActor() actor: Actor,
    @Args('input') input: SendLinkageMessageInput,
  ): Promise<LinkageMessageModel> {
    return toLinkageMessageModel(await this.linkage.send(actor, input));
  }

  @Mutation(() => LinkageMessageModel, { description: '接收单位签收联动消息（只能签收一次）' })
  @Allow(Permission.CASE_HANDLE)
  async acknowledgeLinkageMessage(
    @CurrentActor() actor: Actor,
    @Args('input') input: AcknowledgeLinkageMessageInput,
  ): Promise<LinkageMessageModel> {
    return toLinkageMessageModel(await this.linkage.acknowledge(actor, input));
  }
}
