import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CalendarArrangementEntity, CalendarOverrideEntity } from '@weiquan/core';
import type { DayInfo, DayReason, OverrideKind } from '@weiquan/shared';

/** Why a day is (not) a working day — the values of `DayReason` in libs/shared. */
export const CalendarDayReason = {
  WORKDAY: 'WORKDAY',
  WEEKEND: 'WEEKEND',
  HOLIDAY: 'HOLIDAY',
  MAKEUP_WORKDAY: 'MAKEUP_WORKDAY',
  OVERRIDE_HOLIDAY: 'OVERRIDE_HOLIDAY',
  OVERRIDE_WORKDAY: 'OVERRIDE_WORKDAY',
  OUT_OF_RANGE_WORKDAY: 'OUT_OF_RANGE_WORKDAY',
  OUT_OF_RANGE_WEEKEND: 'OUT_OF_RANGE_WEEKEND',
} as const satisfies Record<DayReason, DayReason>;
export type CalendarDayReason = DayReason;

export const CalendarDayKind = { HOLIDAY: 'HOLIDAY', WORKDAY: 'WORKDAY' } as const satisfies Record<
  OverrideKind,
  OverrideKind
>;
export type CalendarDayKind = OverrideKind;

registerEnumType(CalendarDayReason, {
  name: 'CalendarDayReason',
  description: '工作日判定依据',
  valuesMap: {
    WORKDAY: { description: '周一至周五，无节假日安排' },
    WEEKEND: { description: '周六、周日（休息日）' },
    HOLIDAY: { description: '国务院办公厅节假日安排：放假' },
    MAKEUP_WORKDAY: { description: '国务院办公厅节假日安排：调休上班（周末上班）' },
    OVERRIDE_HOLIDAY: { description: '管理员设置的本地放假日' },
    OVERRIDE_WORKDAY: { description: '管理员设置的本地工作日' },
    OUT_OF_RANGE_WORKDAY: { description: '该年度无节假日安排数据，暂按周一至周五计为工作日' },
    OUT_OF_RANGE_WEEKEND: { description: '该年度无节假日安排数据，暂按周末计为休息日' },
  },
});
registerEnumType(CalendarDayKind, {
  name: 'CalendarDayKind',
  description: 'HOLIDAY 放假；WORKDAY 上班（调休上班须为周六或周日）',
});

const APPLIES_TO_NEW = '修改只影响此后新起算的时限；正在计时的时限不会被悄悄改动（由时限模块预览并确认后重新计算）。';

@ObjectType('CalendarDay', { description: '工作日历中的一天（上海日期）' })
export class CalendarDayModel {
  @Field({ description: '日期 YYYY-MM-DD' }) date: string;
  @Field({ description: '是否为工作日' }) working: boolean;
  @Field(() => CalendarDayReason) reason: CalendarDayReason;
  @Field(() => String, { nullable: true, description: '节日或本地设置的名称，如「春节」' }) name: string | null;
}

export function toCalendarDayModel(d: DayInfo): CalendarDayModel {
  return { date: d.date, working: d.working, reason: d.reason, name: d.name ?? null };
}

@ObjectType('CalendarOverride', {
  description: `管理员设置的本地放假日或工作日，优先于国务院节假日安排。${APPLIES_TO_NEW}`,
})
export class CalendarOverrideModel {
  @Field(() => ID) id: string;
  @Field({ description: '日期 YYYY-MM-DD' }) date: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field() name: string;
  @Field(() => ID, { nullable: true }) createdById: string | null;
  @Field() createdAt: Date;
}

export function toCalendarOverrideModel(e: CalendarOverrideEntity): CalendarOverrideModel {
  return {
    id: String(e.id),
    date: e.date,
    kind: e.kind,
    name: e.name,
    createdById: e.createdById == null ? null : String(e.createdById),
    createdAt: e.createdAt,
  };
}

@ObjectType('CalendarArrangementDay', { description: '导入的节假日安排中的一天' })
export class CalendarArrangementDayModel {
  @Field() date: string;
  @Field(() => CalendarDayKind) kind: CalendarDayKind;
  @Field() name: string;
}

@ObjectType('CalendarArrangement', {
  description: `管理员导入的某一年国务院办公厅节假日安排（chinese-days 包尚未收录时使用），替换包内该年数据。${APPLIES_TO_NEW}`,
})
export class CalendarArrangementModel {
  @Field(() => ID) id: string;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true, description: '通知文号，如「国办发明电〔2026〕…号」' }) source: string | null;
  @Field(() => [CalendarArrangementDayModel]) days: CalendarArrangementDayModel[];
  @Field(() => ID, { nullable: true }) importedById: string | null;
  @Field() importedAt: Date;
}

export function toCalendarArrangementModel(e: CalendarArrangementEntity): CalendarArrangementModel {
  return {
    id: String(e.id),
    year: e.year,
    source: e.source,
    days: e.days.map((d) => ({ date: d.date, kind: d.kind, name: d.name })),
    importedById: e.importedById == null ? null : String(e.importedById),
    importedAt: e.importedAt,
  };
}

@ObjectType('CalendarStatus', { description: `工作日历当前状态。${APPLIES_TO_NEW}` })
export class CalendarStatusModel {
  @Field({ description: '日历版本（数据包版本 + 导入年度 + 本地设置指纹），写入每个时限的说明' }) version: string;
  @Field(() => Int, { description: '有节假日安排的第一年' }) firstYear: number;
  @Field(() => Int, { description: '有节假日安排的最后一年' }) lastYear: number;
  @Field(() => String, {
    nullable: true,
    description: '覆盖年度即将或已经用尽时给管理员的提醒（自最后覆盖年度的 11 月 1 日起）；正常时为空',
  })
  warning: string | null;
  @Field(() => Int, { description: '本地设置（放假日 / 工作日）条数' }) overrideCount: number;
  @Field(() => Int, {
    description: '暂定的在办计时数（计时跨入尚未导入节假日安排的年度）；导入该年度安排后经预览重新计算',
  })
  provisionalDeadlines: number;
  @Field(() => [Int], { description: '管理员导入的年度' }) importedYears: number[];
  @Field(() => [CalendarArrangementModel], { description: '管理员导入的节假日安排' })
  imports: CalendarArrangementModel[];
}
