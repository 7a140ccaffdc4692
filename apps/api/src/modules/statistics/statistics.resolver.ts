import { Args, Query, Resolver } from '@nestjs/graphql';
import { KPI_DEFINITIONS, Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
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
  KpiTrendPointModel,
  StatCasePage,
  StatCountModel,
  StatFigureModel,
  StatHotspotModel,
  StatTableRowModel,
  toKpiBoardModel,
  toKpiDefinitionModel,
  toStatCaseRowModel,
} from './statistics.model';
import { StatisticsQueryService } from './statistics-query.service';

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

  @Query(() => [StatTableRowModel], { description: '统计表（行：维度取值；列：统计项）' })
  @Allow(Permission.STATS_READ)
  async statTable(@CurrentActor() actor: Actor, @Args('input') input: StatTableInput): Promise<StatTableRowModel[]> {
    const base = { from: input.from, to: input.to, unitId: unitOf(input.unitId), kind: input.kind ?? null };
    return this.tables.table(actor, base, input.rowsBy, input.metrics);
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
