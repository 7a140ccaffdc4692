import { Args, Query, Resolver } from '@nestjs/graphql';
import { CaseWorkQueue, Permission, SupervisionWorkQueue } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { toCaseModel } from '../case/case.mapper';
import { CasePage } from '../case/case.model';
import { SupervisionPage, toSupervisionModel } from '../supervision/supervision.model';
import { WorkQueueCountsModel } from './work-queue.model';
import { WorkQueueService } from './work-queue.service';

@Resolver()
export class WorkQueueResolver {
  constructor(private readonly queues: WorkQueueService) {}

  @Query(() => WorkQueueCountsModel, { description: '我的待办各队列件数（本单位；工作室人员含所属中心）' })
  @Allow(Permission.CASE_READ)
  async myQueues(@CurrentActor() actor: Actor): Promise<WorkQueueCountsModel> {
    const c = await this.queues.counts(actor);
    return { ...c, total: Object.values(c).reduce((a, b) => a + b, 0) };
  }

  @Query(() => CasePage, { description: '一个案件待办队列（剩余时间少的在前，分页含总数）' })
  @Allow(Permission.CASE_READ)
  async myCaseQueue(
    @CurrentActor() actor: Actor,
    @Args('queue', { type: () => CaseWorkQueue }) queue: CaseWorkQueue,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<CasePage> {
    const res = await this.queues.cases(actor, queue, page ?? new PageInput());
    return { ...res, items: res.items.map(toCaseModel), totalIsLowerBound: false };
  }

  @Query(() => SupervisionPage, { description: '一个督办待办队列（答复期限近的在前，分页含总数）' })
  @Allow(Permission.CASE_READ)
  async mySupervisionQueue(
    @CurrentActor() actor: Actor,
    @Args('queue', { type: () => SupervisionWorkQueue }) queue: SupervisionWorkQueue,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<SupervisionPage> {
    const res = await this.queues.supervisions(actor, queue, page ?? new PageInput());
    return { ...res, items: res.items.map(toSupervisionModel) };
  }
}
