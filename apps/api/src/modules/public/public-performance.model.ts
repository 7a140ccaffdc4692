import { Field, Int, ObjectType } from '@nestjs/graphql';

// 服务成效 (listed in public-allow-list.spec.ts): aggregate figures of a unit's month, no person anywhere.

@ObjectType({ description: '可选的单位（市中心和各县区中心）' })
export class PublicPerformanceUnit {
  @Field({ description: '单位标识' }) ref: string;
  @Field() name: string;
}

@ObjectType({ description: '服务成效的可选单位和月份（最近 12 个已结束的月份）' })
export class PublicPerformanceOptions {
  @Field(() => [PublicPerformanceUnit]) units: PublicPerformanceUnit[];
  @Field(() => [String], { description: '月份，如 2026-11，最近的在前' }) months: string[];
}

@ObjectType({ description: '一项服务指标' })
export class PublicPerformanceFigure {
  @Field() name: string;
  @Field(() => String, { nullable: true, description: '百分比，如 96.5%；当月没有应计件数时为空' })
  rate: string | null;
  @Field(() => Int, { description: '分子件数' }) numerator: number;
  @Field(() => Int, { description: '分母件数' }) denominator: number;
  @Field({ description: '分子的含义' }) numeratorLabel: string;
  @Field({ description: '分母的含义' }) denominatorLabel: string;
  @Field({ description: '指标的含义（计算方法和承诺）' }) explanation: string;
}

@ObjectType({ description: '服务成效：单位某月的指标' })
export class PublicPerformance {
  @Field() unitName: string;
  @Field({ description: '月份，如 2026-11' }) month: string;
  @Field({ description: '月末定格的数据（否则为按当前记录重算）' }) frozen: boolean;
  @Field(() => [PublicPerformanceFigure]) figures: PublicPerformanceFigure[];
}
