import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Matches, MaxLength, registerDecorator } from 'class-validator';
import { isIsoDate } from '@weiquan/shared';
import { CalendarDayKind } from './calendar.model';

export const DATE_MESSAGE = '日期格式应为 YYYY-MM-DD，且须为真实日期';
const NOT_BLANK = /\S/;

/** A real calendar date 'YYYY-MM-DD' between 2000 and 2100 (the years an arrangement may cover). */
export function isCalendarDate(value: unknown): value is string {
  return isIsoDate(value) && value >= '2000-01-01' && value <= '2100-12-31';
}

function IsCalendarDate() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: DATE_MESSAGE },
      validator: { validate: (v: unknown) => isCalendarDate(v) },
    });
}

@InputType()
export class AddCalendarOverrideInput {
  @Field({ description: '日期 YYYY-MM-DD（每个日期只能有一条本地设置）' }) @IsCalendarDate() date: string;
  @Field(() => CalendarDayKind, { description: 'HOLIDAY 本地放假；WORKDAY 本地上班' })
  @IsEnum(CalendarDayKind, { message: '类型须为 HOLIDAY 或 WORKDAY' })
  kind: CalendarDayKind;
  @Field({ description: '名称或原因，如「市庆日」' })
  @IsString()
  @Matches(NOT_BLANK, { message: '名称不能为空' })
  @MaxLength(50, { message: '名称最多 50 个字符' })
  name: string;
}
