import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { AddCalendarOverrideInput } from './calendar.input';
import {
  CalendarArrangementModel,
  CalendarDayModel,
  CalendarOverrideModel,
  CalendarStatusModel,
  toCalendarArrangementModel,
  toCalendarDayModel,
  toCalendarOverrideModel,
} from './calendar.model';
import { CalendarAdminService, MAX_CALENDAR_DAYS } from './calendar.service';

const APPLIES_TO_NEW = '只影响此后新起算的时限，正在计时的时限不会被悄悄改动。';

@Resolver()
export class CalendarResolver {
  constructor(private readonly service: CalendarAdminService) {}

  @Query(() => [CalendarDayModel], {
    description: `工作日历：from 至 to（含两端，上海日期 YYYY-MM-DD）每天是否为工作日及原因，最多 ${MAX_CALENDAR_DAYS} 天`,
  })
  @Allow(Permission.ORG_READ)
  async calendarDays(@Args('from') from: string, @Args('to') to: string): Promise<CalendarDayModel[]> {
    return (await this.service.days(from, to)).map(toCalendarDayModel);
  }

  @Query(() => CalendarStatusModel, { description: '工作日历的版本、覆盖年度和给管理员的提醒' })
  @Allow(Permission.ORG_READ)
  async calendarStatus(): Promise<CalendarStatusModel> {
    const s = await this.service.status();
    return { ...s, importedYears: s.imports.map((a) => a.year), imports: s.imports.map(toCalendarArrangementModel) };
  }

  @Query(() => [CalendarOverrideModel], { description: '本地日历设置（放假日 / 工作日），可按年份筛选' })
  @Allow(Permission.ORG_READ)
  async calendarOverrides(
    @Args('year', { type: () => Int, nullable: true }) year?: number | null,
  ): Promise<CalendarOverrideModel[]> {
    return (await this.service.overrides(year)).map(toCalendarOverrideModel);
  }

  @Mutation(() => CalendarOverrideModel, { description: `新增本地放假日或工作日（每个日期一条）。${APPLIES_TO_NEW}` })
  @Allow(Permission.RULES_MANAGE)
  async addCalendarOverride(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddCalendarOverrideInput,
  ): Promise<CalendarOverrideModel> {
    return toCalendarOverrideModel(await this.service.addOverride(actor, input));
  }

  @Mutation(() => Boolean, { description: `删除一条本地日历设置。${APPLIES_TO_NEW}` })
  @Allow(Permission.RULES_MANAGE)
  removeCalendarOverride(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.service.removeOverride(actor, id);
  }

  @Mutation(() => CalendarArrangementModel, {
    description:
      '导入某一年的国务院办公厅节假日安排（JSON：{ "year": 2027, "source": "国办发明电〔…〕…号", "days": [{ "date": "2027-01-01", "kind": "HOLIDAY", "name": "元旦" }, …] }，' +
      'WORKDAY 为调休上班，须为周六或周日）。一次列出全部错误；同一年再次导入会替换上一次导入，并替换数据包中该年的数据。' +
      APPLIES_TO_NEW,
  })
  @Allow(Permission.RULES_MANAGE)
  async importCalendarArrangement(
    @CurrentActor() actor: Actor,
    @Args('json') json: string,
  ): Promise<CalendarArrangementModel> {
    return toCalendarArrangementModel(await this.service.importArrangement(actor, json));
  }

  @Mutation(() => Boolean, { description: `撤销某一年的导入，该年恢复使用数据包中的安排（若有）。${APPLIES_TO_NEW}` })
  @Allow(Permission.RULES_MANAGE)
  removeCalendarArrangement(
    @CurrentActor() actor: Actor,
    @Args('year', { type: () => Int }) year: number,
  ): Promise<boolean> {
    return this.service.removeArrangement(actor, year);
  }
}
