import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { loader } from '../../common/loaders';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CaseModel } from '../case/case.model';
import {
  CaseDeadlineModel,
  CaseDeadlinePage,
  StaffViolationSummaryModel,
  UnitViolationSummaryModel,
  ViolationPage,
} from './deadline.model';
import { DeadlineQueryService } from './deadline-query.service';

@Resolver(() => CaseModel)
export class DeadlineResolver {
  constructor(private readonly query: DeadlineQueryService) {}

  @ResolveField(() => [CaseDeadlineModel], { description: '该案件的全部计时（含剩余时间与计算依据）' })
  deadlines(@Parent() c: CaseModel, @Context() ctx: { req: object }): Promise<CaseDeadlineModel[]> {
    return loader<string, CaseDeadlineModel[]>(ctx.req, 'case.deadlines', async (ids) => {
      const byCase = await this.query.forCases(ids);
      return ids.map((id) => byCase.get(id) ?? []);
    }).load(c.id);
  }

  @Query(() => CaseDeadlinePage, { description: '即将到期（默认48小时内）的计时，按到期时间排序' })
  @Allow(Permission.CASE_READ)
  dueSoon(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('withinHours', { type: () => Int, nullable: true, defaultValue: 48 }) withinHours?: number,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<CaseDeadlinePage> {
    return this.query.list(
      actor,
      { unitId, withinHours: Math.min(Math.max(withinHours ?? 48, 1), 24 * 60) },
      page ?? new PageInput(),
    );
  }

  @Query(() => CaseDeadlinePage, { description: '已超期且未办结的计时' })
  @Allow(Permission.CASE_READ)
  overdueDeadlines(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<CaseDeadlinePage> {
    return this.query.list(actor, { unitId, overdue: true }, page ?? new PageInput());
  }

  @Query(() => ViolationPage, { description: '违诺记录' })
  @Allow(Permission.CASE_READ)
  violations(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('userId', { type: () => ID, nullable: true }) userId?: string,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<ViolationPage> {
    return this.query.violations(actor, { year, unitId, userId }, page ?? new PageInput());
  }

  @Query(() => [StaffViolationSummaryModel], { description: '工作人员年度违诺次数（1次、2次、3次及以上）' })
  @Allow(Permission.CASE_READ)
  staffViolationSummary(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<StaffViolationSummaryModel[]> {
    return this.query.staffSummary(actor, year);
  }

  @Query(() => [UnitViolationSummaryModel], { description: '单位年度违诺次数' })
  @Allow(Permission.CASE_READ)
  unitViolationSummary(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<UnitViolationSummaryModel[]> {
    return this.query.unitSummary(actor, year);
  }
}
