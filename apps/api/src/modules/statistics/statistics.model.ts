import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { KpiDefinition, KpiValue } from '@weiquan/shared';
import { PageOf } from '../../common/paging';
import type { KpiBoard, KpiMonth, KpiUnitRow, StatCaseRow } from './statistics-query.service';

@ObjectType('KpiDefinition', { description: '指标口径（数据字典）：随数字一并展示和导出' })
export class KpiDefinitionModel {
  @Field() code: string;
  @Field() name: string;
  @Field({ description: 'UPPER 上级通报指标 | CENTER 中心承诺指标 | COUNT 数量金额' }) group: string;
  @Field({ description: 'RATE | COUNT | AMOUNT' }) type: string;
  @Field() numerator: string;
  @Field() numeratorLabel: string;
  @Field(() => String, { nullable: true }) denominator: string | null;
  @Field(() => String, { nullable: true }) denominatorLabel: string | null;
  @Field() period: string;
  @Field() exclusions: string;
  @Field() definition: string;
  @Field(() => Int) version: number;
  @Field(() => String, { nullable: true }) source: string | null;
}
export const toKpiDefinitionModel = (k: KpiDefinition): KpiDefinitionModel => ({
  ...k,
  denominator: k.denominator ?? null,
  denominatorLabel: k.denominatorLabel ?? null,
  source: k.source ?? null,
});

@ObjectType('KpiValue')
export class KpiValueModel {
  @Field() code: string;
  @Field(() => Float) numerator: number;
  @Field(() => Int, { nullable: true }) denominator: number | null;
  @Field(() => Float, { nullable: true, description: '比率（0–1）、件数或金额（元）；分母为 0 时为空' })
  value: number | null;
}
const toValue = (v: KpiValue): KpiValueModel => v;

@ObjectType('KpiUnitRow')
export class KpiUnitRowModel {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => [KpiValueModel]) values: KpiValueModel[];
}
const toRow = (r: KpiUnitRow): KpiUnitRowModel => ({ ...r, unitId: String(r.unitId), values: r.values.map(toValue) });

@ObjectType('KpiBoard', { description: '指标看板：本单位（含下级）合计、环比、同比、各直属下级单位' })
export class KpiBoardModel {
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field() from: string;
  @Field() to: string;
  @Field(() => KpiUnitRowModel) total: KpiUnitRowModel;
  @Field(() => [KpiValueModel], { description: '上一期（等长）' }) previous: KpiValueModel[];
  @Field(() => [KpiValueModel], { description: '上年同期' }) lastYear: KpiValueModel[];
  @Field(() => [KpiUnitRowModel]) children: KpiUnitRowModel[];
}
export const toKpiBoardModel = (b: KpiBoard): KpiBoardModel => ({
  ...b,
  unitId: String(b.unitId),
  total: toRow(b.total),
  previous: b.previous.map(toValue),
  lastYear: b.lastYear.map(toValue),
  children: b.children.map(toRow),
});

@ObjectType('KpiTrendPoint')
export class KpiTrendPointModel {
  @Field({ description: 'YYYY-MM 或 YYYY-MM-DD' }) period: string;
  @Field(() => [KpiValueModel]) values: KpiValueModel[];
}

@ObjectType('StatFigure')
export class StatFigureModel {
  @Field(() => Int) n: number;
  @Field(() => Float, { description: '金额合计（元）' }) amount: number;
}

@ObjectType('StatCount')
export class StatCountModel {
  @Field() key: string;
  @Field(() => Int) n: number;
  @Field(() => Float) amount: number;
}

@ObjectType('StatCaseRow', { description: '指标明细：一行为一件诉求对该数字的一次计数' })
export class StatCaseRowModel {
  @Field(() => ID) caseId: string;
  @Field({ description: '案件现属单位不在本人可见范围时为 false，仅计数不显示详情' }) visible: boolean;
  @Field(() => String, { nullable: true }) caseNo: string | null;
  @Field(() => String, { nullable: true }) kind: string | null;
  @Field(() => String, { nullable: true }) channel: string | null;
  @Field(() => String, { nullable: true }) state: string | null;
  @Field(() => Date, { nullable: true }) receivedAt: Date | null;
  @Field({ description: '计入的日期' }) day: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => String, { nullable: true }) respondentName: string | null;
  @Field(() => String, { nullable: true, description: '已脱敏' }) consumerName: string | null;
  @Field(() => String, { nullable: true, description: '已脱敏' }) consumerPhone: string | null;
  @Field(() => String, { nullable: true }) category: string | null;
  @Field(() => String, { nullable: true }) outcome: string | null;
  @Field(() => Float) amount: number;
  @Field(() => String, { nullable: true, description: '投诉问题类别（名称）' }) problemTypeName: string | null;
  @Field(() => Date, { nullable: true }) concludedAt: Date | null;
  @Field(() => Float, { nullable: true, description: '挽回经济损失（元）' }) amountRecovered: number | null;
}
export const toStatCaseRowModel = (r: StatCaseRow): StatCaseRowModel => ({ ...r, unitId: String(r.unitId) });

@ObjectType('StatCasePage')
export class StatCasePage extends PageOf(StatCaseRowModel, 'StatCasePage') {}

@ObjectType('StatCell')
export class StatCellModel {
  @Field() metric: string;
  @Field(() => Int) n: number;
  @Field(() => Float) amount: number;
}

@ObjectType('StatTableRow', { description: '统计表的一行：按维度取值，每个统计项一格' })
export class StatTableRowModel {
  @Field({ description: '维度取值；空字符串为未填写' }) key: string;
  @Field({ description: '行标题（中文名称，与导出一致）' }) label: string;
  @Field(() => [StatCellModel]) cells: StatCellModel[];
}

@ObjectType('StatHotspot', {
  description: '热点：本期件数不少于 5 件且不低于此前 3 个等长期间平均数的 2 倍',
})
export class StatHotspotModel {
  @Field() key: string;
  @Field(() => Int) n: number;
  @Field(() => Float, { description: '此前 3 个等长期间的平均件数' }) baseline: number;
}

@ObjectType('KpiMonth', { description: '月报：月末冻结的数字与今日重算并列' })
export class KpiMonthModel {
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
  @Field(() => Date, { nullable: true, description: '冻结时间；尚未冻结为空' }) frozenAt: Date | null;
  @Field(() => [KpiValueModel], { nullable: true, description: '月末冻结的数字；尚未冻结为空' })
  frozen: KpiValueModel[] | null;
  @Field(() => [KpiValueModel], { description: '按今日数据重算的同一月份' }) current: KpiValueModel[];
}
export const toKpiMonthModel = (m: KpiMonth): KpiMonthModel => ({
  ...m,
  unitId: String(m.unitId),
  frozen: m.frozen?.map(toValue) ?? null,
  current: m.current.map(toValue),
});

@ObjectType('StatRespondentRank', { description: '被投诉方排名的一行' })
export class StatRespondentRankModel {
  @Field({ description: '被投诉方名称；案件现属单位在本人范围外的合为「（范围外）」' }) name: string;
  @Field() visible: boolean;
  @Field(() => Int) n: number;
  @Field(() => Float, { description: '金额合计（元）' }) amount: number;
}
