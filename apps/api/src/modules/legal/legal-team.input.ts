import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { DutyShift } from '@weiquan/core';
import { IsContactPhone } from '../case/case.validators';
import { IsDay, NOT_BLANK } from '../workroom/workroom.validators';
import './legal-team.model';

const SPECIALITIES_MAX = 10;
const ATTENDEES_MAX = 200;

function Specialities() {
  return (target: object, propertyName: string) => {
    IsArray({ message: '专长须为列表' })(target, propertyName);
    ArrayMaxSize(SPECIALITIES_MAX, { message: `专长最多 ${SPECIALITIES_MAX} 项` })(target, propertyName);
    IsString({ each: true })(target, propertyName);
    Matches(NOT_BLANK, { each: true, message: '专长不能为空' })(target, propertyName);
    MaxLength(30, { each: true, message: '每项专长最多 30 个字符' })(target, propertyName);
  };
}

function AttendeeIds() {
  return (target: object, propertyName: string) => {
    IsArray({ message: '参训志愿者须为列表' })(target, propertyName);
    ArrayMaxSize(ATTENDEES_MAX, { message: `参训志愿者最多 ${ATTENDEES_MAX} 人` })(target, propertyName);
    IsString({ each: true, message: '志愿者编号格式不正确' })(target, propertyName);
  };
}

@InputType()
export class CreateLegalVolunteerInput {
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  name: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() phone?: string;
  @Field(() => String, { nullable: true, description: '工作单位，如律师事务所' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '工作单位最多 100 个字符' })
  organization?: string;
  @Field(() => [String], { defaultValue: [], description: '专长' })
  @IsOptional()
  @Specialities()
  specialities?: string[];
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '备注最多 2000 字' })
  note?: string;
}

@InputType()
export class UpdateLegalVolunteerInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定志愿者' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号须为整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  name?: string;
  @Field(() => String, { nullable: true, description: '不传为不变；传 null 清除' })
  @IsOptional()
  @IsContactPhone()
  phone?: string | null;
  @Field(() => String, { nullable: true, description: '不传为不变；传 null 清除' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '工作单位最多 100 个字符' })
  organization?: string | null;
  @Field(() => [String], { nullable: true, description: '传入即整体替换' })
  @IsOptional()
  @Specialities()
  specialities?: string[];
  @Field(() => Boolean, { nullable: true, description: 'false 为退出志愿者队伍（记录保留）' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @Field(() => String, { nullable: true, description: '不传为不变；传 null 清除' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '备注最多 2000 字' })
  note?: string | null;
}

@InputType()
export class LegalVolunteerFilter {
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => String, { nullable: true, description: '具备该专长' })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: '专长最多 30 个字符' })
  speciality?: string;
  @Field(() => String, { nullable: true, description: '姓名、电话或工作单位' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键词最多 50 个字符' })
  keyword?: string;
  @Field(() => ID, { nullable: true, description: '该单位及下级' }) @IsOptional() @IsString() unitId?: string;
}

@InputType()
export class CreateLegalTrainingInput {
  @Field({ description: '培训主题' })
  @IsString()
  @Matches(NOT_BLANK, { message: '培训主题不能为空' })
  @MaxLength(200, { message: '培训主题最多 200 个字符' })
  topic: string;
  @Field({ description: '培训日期 YYYY-MM-DD' }) @IsDay() heldOn: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地点最多 200 个字符' })
  location?: string;
  @Field(() => String, { nullable: true, description: '授课人' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '授课人最多 100 个字符' })
  trainer?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '备注最多 2000 字' })
  note?: string;
  @Field(() => [ID], { defaultValue: [], description: '参训志愿者（本工作室在册志愿者）' })
  @IsOptional()
  @AttendeeIds()
  attendeeIds?: string[];
}

@InputType()
export class UpdateLegalTrainingInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定培训' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号须为整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '培训主题不能为空' })
  @MaxLength(200, { message: '培训主题最多 200 个字符' })
  topic?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDay() heldOn?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地点最多 200 个字符' })
  location?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '授课人最多 100 个字符' })
  trainer?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '备注最多 2000 字' })
  note?: string | null;
  @Field(() => [ID], { nullable: true, description: '传入即整体替换参训名单（留下的人保留已登记的出勤）' })
  @IsOptional()
  @AttendeeIds()
  attendeeIds?: string[];
}

@InputType()
export class TrainingAttendanceInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定志愿者' }) volunteerId: string;
  @Field({ description: 'true 出席 / false 缺席' }) @IsBoolean({ message: '出勤须为是或否' }) attended: boolean;
}

@InputType()
export class RecordTrainingAttendanceInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定培训' }) trainingId: string;
  @Field(() => Int) @IsInt({ message: '版本号须为整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => [TrainingAttendanceInput])
  @IsArray({ message: '出勤须为列表' })
  @ArrayMinSize(1, { message: '请至少登记一人的出勤' })
  @ArrayMaxSize(ATTENDEES_MAX, { message: `一次最多登记 ${ATTENDEES_MAX} 人` })
  @ValidateNested({ each: true })
  @Type(() => TrainingAttendanceInput)
  attendance: TrainingAttendanceInput[];
}

@InputType()
export class LegalTrainingFilter {
  @Field(() => String, { nullable: true, description: '培训日期起 YYYY-MM-DD（含）' })
  @IsOptional()
  @IsDay()
  from?: string;
  @Field(() => String, { nullable: true, description: '培训日期止 YYYY-MM-DD（含）' })
  @IsOptional()
  @IsDay()
  to?: string;
  @Field(() => ID, { nullable: true, description: '只看该志愿者参加的' })
  @IsOptional()
  @IsString()
  volunteerId?: string;
  @Field(() => ID, { nullable: true, description: '该单位及下级' }) @IsOptional() @IsString() unitId?: string;
}

@InputType()
export class AddLegalDutyInput {
  @Field({ description: '值班日期 YYYY-MM-DD' }) @IsDay() date: string;
  @Field(() => DutyShift) @IsEnum(DutyShift, { message: '值班班次不正确' }) shift: DutyShift;
  @Field(() => ID, { nullable: true, description: '值班的工作人员（与 volunteerId 二选一）' })
  @IsOptional()
  @IsString()
  userId?: string;
  @Field(() => ID, { nullable: true, description: '值班的志愿者（与 userId 二选一）' })
  @IsOptional()
  @IsString()
  volunteerId?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '备注最多 200 个字符' })
  note?: string;
}

@InputType()
export class UpdateLegalDutyInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定值班' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号须为整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDay() date?: string;
  @Field(() => DutyShift, { nullable: true })
  @IsOptional()
  @IsEnum(DutyShift, { message: '值班班次不正确' })
  shift?: DutyShift;
  @Field(() => String, { nullable: true, description: '不传为不变；传 null 清除' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '备注最多 200 个字符' })
  note?: string | null;
}

@InputType()
export class RemoveLegalDutyInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定值班' }) id: string;
  @Field(() => Int) @IsInt({ message: '版本号须为整数' }) @Min(1, { message: '版本号须为正整数' }) version: number;
}
