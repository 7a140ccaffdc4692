import { Args, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { KPI_DEFINITIONS, Permission } from '@weiquan/shared';
import { type Actor, AppError } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import {
  KpiBoardInput,
  StatDimensionInput,
  StatFilterInput,
  StatGroupBy,
  StatTableInput,
  toStatFilter,
} from './statistics.input';
import { StatisticsTablesService } from './statistics-tables.service';
import {
  KpiBoardModel,
  KpiDefinitionModel,
  KpiMonthModel,
  KpiTrendPointModel,
  StatCasePage,
  StatCountModel,
  StatFigureModel,
  StatHotspotModel,
  StatRespondentRankModel,
  StatTableRowModel,
  toKpiBoardModel,
  toKpiMonthModel,
  toKpiDefinitionModel,
  toStatCaseRowModel,
} from './statistics.model';
import { registerBookFilter, StatisticsQueryService } from './statistics-query.service';

const unitOf = (v: string | null | undefined) => (v == null ? null : parseId(v, 'input.unitId'));

@Resolver()
export class StatisticsResolver {
  constructor(
    private readonly stats: StatisticsQueryService,
    private readonly tables: StatisticsTablesService,
  ) {}

  @Query(() => [KpiDefinitionModel], { description: '指标口径字典' })
  @Allow(Permission.STATS_READ)
  kpiDefinitions(): KpiDefinitionModel[] {
    return KPI_DEFINITIONS.map(toKpiDefinitionModel);
  }

  @Query(() => KpiBoardModel, { description: '指标看板（本人可见范围内）' })
  @Allow(Permission.STATS_READ)
  async kpiBoard(@CurrentActor() actor: Actor, @Args('input') input: KpiBoardInput): Promise<KpiBoardModel> {
    return toKpiBoardModel(await this.stats.board(actor, unitOf(input.unitId), input.from, input.to));
  }

  @Query(() => KpiMonthModel, { description: '月报：月末冻结的数字与今日重算并列（可见变化）' })
  @Allow(Permission.STATS_READ)
  async kpiMonth(
    @CurrentActor() actor: Actor,
    @Args('month', { description: 'YYYY-MM' }) month: string,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string | null,
  ): Promise<KpiMonthModel> {
    return toKpiMonthModel(await this.stats.month(actor, unitOf(unitId), month));
  }

  @Query(() => [KpiTrendPointModel], { description: '指标走势：按月（或按日）' })
  @Allow(Permission.STATS_READ)
  async kpiTrend(
    @CurrentActor() actor: Actor,
    @Args('input') input: KpiBoardInput,
    @Args('byDay', { defaultValue: false }) byDay: boolean,
  ): Promise<KpiTrendPointModel[]> {
    return this.stats.trend(actor, unitOf(input.unitId), input.from, input.to, byDay);
  }

  @Query(() => StatFigureModel, { description: '按统计口径计数（与 statCases 的 total、导出行数一致）' })
  @Allow(Permission.STATS_READ)
  async statFigure(@CurrentActor() actor: Actor, @Args('filter') filter: StatFilterInput): Promise<StatFigureModel> {
    return this.stats.figure(actor, toStatFilter(filter));
  }

  @Query(() => [StatCountModel], { description: '按维度分组计数与金额' })
  @Allow(Permission.STATS_READ)
  async statCounts(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: StatFilterInput,
    @Args('by', { type: () => StatGroupBy }) by: StatGroupBy,
  ): Promise<StatCountModel[]> {
    return this.stats.counts(actor, toStatFilter(filter), by);
  }

  @Query(() => StatCasePage, { description: '数字下钻：该数字背后的诉求明细' })
  @Allow(Permission.STATS_READ)
  async statCases(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: StatFilterInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<StatCasePage> {
    const p = page ?? new PageInput();
    const res = await this.stats.cases(actor, toStatFilter(filter), p.offset, p.limit);
    return { items: res.items.map(toStatCaseRowModel), total: res.total, offset: p.offset, limit: p.limit };
  }

  @Query(() => StatCasePage, {
    description: '登记簿：期间内收到并已办结的投诉，按时间顺序（即投诉“办结数”背后的明细，与导出一致）',
  })
  @Allow(Permission.STATS_READ)
  async statRegisterBook(
    @CurrentActor() actor: Actor,
    @Args('input') input: KpiBoardInput,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<StatCasePage> {
    const p = page ?? new PageInput();
    const f = registerBookFilter(input.from, input.to, unitOf(input.unitId));
    const res = await this.stats.cases(actor, f, p.offset, p.limit, true);
    return { items: res.items.map(toStatCaseRowModel), total: res.total, offset: p.offset, limit: p.limit };
  }

  @Query(() => [StatTableRowModel], { description: '统计表（行：维度取值；列：统计项）' })
  @Allow(Permission.STATS_READ)
  async statTable(@CurrentActor() actor: Actor, @Args('input') input: StatTableInput): Promise<StatTableRowModel[]> {
    const base = { from: input.from, to: input.to, unitId: unitOf(input.unitId), kind: input.kind ?? null };
    return this.tables.table(actor, base, input.rowsBy, input.metrics);
  }

  @Query(() => [StatRespondentRankModel], {
    description: '被投诉方排名：按统计项（如 RECEIVED 登记数）计数，由多到少',
  })
  @Allow(Permission.STATS_READ)
  async statRespondents(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: StatFilterInput,
    @Args('limit', { type: () => Int, defaultValue: 20 }) limit: number,
  ): Promise<StatRespondentRankModel[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw AppError.badInput('limit', '条数应为 1–100');
    return this.tables.respondents(actor, toStatFilter(filter), limit);
  }

  @Query(() => [StatHotspotModel], {
    description: '热点：本期件数不少于 5 件且不低于此前 3 个等长期间平均数的 2 倍的类别、行业等',
  })
  @Allow(Permission.STATS_READ)
  async statHotspots(
    @CurrentActor() actor: Actor,
    @Args('filter') filter: StatFilterInput,
    @Args('by', { type: () => StatDimensionInput }) by: StatDimensionInput,
  ): Promise<StatHotspotModel[]> {
    return this.tables.hotspots(actor, toStatFilter(filter), by);
  }
}
