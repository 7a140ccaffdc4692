import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { StatFilter } from '@weiquan/shared';
import { parseId } from '../../common/ids';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
// StatMetric values, or a clock's DUE:<rule> / ONTIME:<rule>
const METRIC = /^([A-Z][A-Z0-9_]{1,30}|(DUE|ONTIME):[A-Z][A-Z0-9_]{1,36})$/;

export enum StatGroupBy {
  kind = 'kind',
  channel = 'channel',
  category = 'category',
  industry = 'industry',
  outcome = 'outcome',
  problemType = 'problemType',
  unit = 'unit',
  month = 'month',
}
registerEnumType(StatGroupBy, {
  name: 'StatGroupBy',
  description: '按维度分组：类别、渠道、商品服务类别、行业、结果、投诉问题类别、单位、月份',
});

@InputType({ description: '统计口径：数字、明细（下钻）和导出共用同一过滤条件' })
export class StatFilterInput {
  @Field({ description: '计数项（见 kpiDefinitions 的 numerator/denominator），如 RECEIVED、DUE:STAT_MEDIATION' })
  @Matches(METRIC, { message: '统计项不正确' })
  metric: string;
  @Field({ description: '开始日期（含），YYYY-MM-DD，北京时间' })
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  from: string;
  @Field({ description: '结束日期（含）' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to: string;
  @Field(() => ID, { nullable: true, description: '单位（含下级）；缺省为本人可见范围' })
  @IsOptional()
  @IsString()
  unitId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(16) kind?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(24) channel?: string | null;
  @Field(() => String, { nullable: true, description: '商品或服务类别；空字符串表示未填写' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string | null;
  @Field(() => String, { nullable: true, description: '被投诉方行业；空字符串表示未填写' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  industry?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(24) outcome?: string | null;
  @Field(() => String, { nullable: true, description: '投诉问题类别代码（见 problemTypes）；空字符串表示未填写' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  problemType?: string | null;
}

@InputType()
export class KpiBoardInput {
  @Field(() => ID, { nullable: true, description: '单位（含下级）；缺省为本人可见范围' })
  @IsOptional()
  @IsString()
  unitId?: string | null;
  @Field({ description: '开始日期（含），YYYY-MM-DD' })
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' })
  from: string;
  @Field({ description: '结束日期（含）' }) @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to: string;
}

/** The shared filter from its GraphQL (or query-string) form. */
export function toStatFilter(f: StatFilterInput, field = 'filter'): StatFilter {
  return {
    metric: f.metric,
    from: f.from,
    to: f.to,
    unitId: f.unitId == null ? null : parseId(f.unitId, `${field}.unitId`),
    kind: f.kind ?? null,
    channel: f.channel ?? null,
    category: f.category ?? null,
    industry: f.industry ?? null,
    outcome: f.outcome ?? null,
    problemType: f.problemType ?? null,
  };
}

export enum StatDimensionInput {
  kind = 'kind',
  channel = 'channel',
  category = 'category',
  industry = 'industry',
  outcome = 'outcome',
  problemType = 'problemType',
}
registerEnumType(StatDimensionInput, { name: 'StatDimension', description: '统计维度' });

/** The standard tables' titles by their row dimension (seed 000 附件3; issue 14 item 3). */
export const STAT_TABLE_TITLES: Partial<Record<StatDimensionInput, string>> = {
  industry: '受理和处理消费者投诉情况汇总表',
  problemType: '消费者投诉处理情况表',
};

/** The query string of a table's Excel export: the statTable input, metrics comma-separated. */
export class StatTableExportQuery {
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) from: string;
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to: string;
  @IsOptional() @IsString() unitId?: string;
  @IsOptional() @IsString() @MaxLength(16) kind?: string;
  @IsEnum(StatDimensionInput, { message: '维度不正确' }) rowsBy: StatDimensionInput;
  @Matches(new RegExp(`^(${METRIC.source.slice(1, -1)})(,(${METRIC.source.slice(1, -1)})){0,19}$`), {
    message: '统计项不正确',
  })
  metrics: string;
}

@InputType({ description: '统计表：按一个维度分行，每个统计项一列（如按被投诉方行业的受理和处理情况汇总表）' })
export class StatTableInput extends KpiBoardInput {
  @Field(() => StatDimensionInput) @IsEnum(StatDimensionInput, { message: '维度不正确' }) rowsBy: StatDimensionInput;
  @Field(() => [String])
  @ArrayMinSize(1, { message: '至少选择一个统计项' })
  @ArrayMaxSize(20, { message: '统计项最多 20 个' })
  @Matches(METRIC, { each: true, message: '统计项不正确' })
  metrics: string[];
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(16) kind?: string | null;
}

/** 登记簿 export: the period and unit of statRegisterBook, `unmask=1` as for the case list. */
export class RegisterBookQuery {
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) from: string;
  @Matches(DATE, { message: '日期格式应为 YYYY-MM-DD' }) to: string;
  @IsOptional() @IsString() unitId?: string;
  @IsOptional() @IsIn(['0', '1'], { message: '参数不正确' }) unmask?: string;
}

export class MonthQuery {
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '月份格式应为 YYYY-MM' }) month: string;
  @IsOptional() @IsString() unitId?: string;
}
