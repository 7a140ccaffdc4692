import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
} from 'class-validator';
import {
  CourtReferralStatus,
  CourtReferralType,
  DepartmentHandlingMode,
  DepartmentHandlingStatus,
  LinkageMessageKind,
} from '@weiquan/core';
import { IsContactPhone } from '../case/case.validators';
import { IsDay, NOT_BLANK } from '../workroom/workroom.validators';
import './litigation-link.enums';

const ID_LIKE = /^\d{1,10}$/;
const TEXT = 5000;
const Version = () => (target: object, key: string) => {
  Field(() => Int, { description: '乐观锁版本，原样传回' })(target, key);
  IsInt({ message: '版本号须为整数' })(target, key);
  Min(1, { message: '版本号须为正整数' })(target, key);
};

// ---- 移送法院 ----

@InputType()
export class ReferCaseToCourtInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field(() => CourtReferralType)
  @IsEnum(CourtReferralType, { message: '移送类型须为诉前调解或司法确认' })
  type: CourtReferralType;
  @Field(() => ID, { description: '法院（外部机构中类型为 COURT 的）' })
  @IsString()
  @IsNotEmpty({ message: '请选择法院' })
  courtId: string;
  @Field({ description: '移送事由及说明' })
  @IsString()
  @Matches(NOT_BLANK, { message: '移送事由不能为空' })
  @MaxLength(TEXT, { message: `移送事由最多 ${TEXT} 字` })
  matter: string;
}

@InputType()
export class UpdateCourtReferralInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Version() version: number;
  @Field(() => CourtReferralStatus, { nullable: true, description: '新状态；缺省不变' })
  @IsOptional()
  @IsEnum(CourtReferralStatus, { message: '移送状态不正确' })
  status?: CourtReferralStatus;
  @Field(() => String, { nullable: true, description: '法院案号' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '法院案号最多 50 个字符' })
  courtCaseNo?: string;
  @Field(() => String, { nullable: true, description: '法院反馈或办理情况' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `说明最多 ${TEXT} 字` })
  note?: string;
}

@InputType()
export class CourtReferralFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() caseId?: string;
  @Field(() => CourtReferralType, { nullable: true }) @IsOptional() @IsEnum(CourtReferralType) type?: CourtReferralType;
  @Field(() => [CourtReferralStatus], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6, { message: '移送状态最多 6 项' })
  @IsEnum(CourtReferralStatus, { each: true, message: '移送状态不正确' })
  statuses?: CourtReferralStatus[];
}

// ---- 联办、移交 ----

@InputType()
export class StartDepartmentHandlingInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择案件' }) caseId: string;
  @Field(() => ID, { description: '部门（外部机构中类型为 DEPARTMENT 的）' })
  @IsString()
  @IsNotEmpty({ message: '请选择部门' })
  departmentId: string;
  @Field(() => DepartmentHandlingMode)
  @IsEnum(DepartmentHandlingMode, { message: '方式须为联办或移交' })
  mode: DepartmentHandlingMode;
  @Field({ description: '共同协商提出的办理期限 YYYY-MM-DD（当日 24 时前），须晚于今天' })
  @IsDay()
  agreedDeadline: string;
  @Field({ description: '联办、移交事项' })
  @IsString()
  @Matches(NOT_BLANK, { message: '事项不能为空' })
  @MaxLength(TEXT, { message: `事项最多 ${TEXT} 字` })
  matter: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '联系人最多 50 个字符' })
  contactPerson?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() contactPhone?: string;
}

@InputType()
export class UpdateDepartmentHandlingInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Version() version: number;
  @Field(() => String, { nullable: true, description: '重新商定的办理期限 YYYY-MM-DD；计时随之调整' })
  @IsOptional()
  @IsDay()
  agreedDeadline?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '事项不能为空' })
  @MaxLength(TEXT, { message: `事项最多 ${TEXT} 字` })
  matter?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '联系人最多 50 个字符' })
  contactPerson?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() contactPhone?: string;
  @Field(() => String, { nullable: true, description: '修改原因（写入案件日志）' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '原因最多 500 字' })
  reason?: string;
}

@InputType()
export class CloseDepartmentHandlingInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Version() version: number;
  @Field({ description: '办理结果（办结）或撤销原因' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写办理结果或原因' })
  @MaxLength(TEXT, { message: `最多 ${TEXT} 字` })
  result: string;
}

@InputType()
export class DepartmentHandlingFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() caseId?: string;
  @Field(() => DepartmentHandlingMode, { nullable: true })
  @IsOptional()
  @IsEnum(DepartmentHandlingMode)
  mode?: DepartmentHandlingMode;
  @Field(() => DepartmentHandlingStatus, { nullable: true })
  @IsOptional()
  @IsEnum(DepartmentHandlingStatus)
  status?: DepartmentHandlingStatus;
}

// ---- 专家库与专家研讨会 ----

@InputType()
export class CreateExpertInput {
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  name: string;
  @Field({ description: '专业领域（如 家用电器、商品房、法律）' })
  @IsString()
  @Matches(NOT_BLANK, { message: '专业领域不能为空' })
  @MaxLength(100, { message: '专业领域最多 100 个字符' })
  field: string;
  @Field(() => String, { nullable: true, description: '所在单位' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '所在单位最多 100 个字符' })
  organisation?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() phone?: string;
}

@InputType()
export class UpdateExpertInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Version() version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  name?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '专业领域不能为空' })
  @MaxLength(100, { message: '专业领域最多 100 个字符' })
  field?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '所在单位最多 100 个字符' })
  organisation?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() phone?: string;
  @Field(() => Boolean, { nullable: true, description: 'false：移出专家库（历史研讨会仍保留）' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

@InputType()
export class ExpertFilter {
  @Field(() => String, { nullable: true, description: '姓名、领域或所在单位' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键词最多 50 个字符' })
  keyword?: string;
  @Field({ nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() activeOnly?: boolean;
}

const TAG_MESSAGE = '热点问题标签每个最多 30 个字符，且不能为空';

@InputType()
export class CreateExpertSeminarInput {
  @Field({ description: '研讨主题' })
  @IsString()
  @Matches(NOT_BLANK, { message: '研讨主题不能为空' })
  @MaxLength(200, { message: '研讨主题最多 200 个字符' })
  topic: string;
  @Field({ description: '召开日期 YYYY-MM-DD' }) @IsDay() heldOn: string;
  @Field(() => [ID], { description: '参加的专家' })
  @ArrayMaxSize(50, { message: '参加专家最多 50 名' })
  @Matches(ID_LIKE, { each: true, message: '专家编号格式不正确' })
  expertIds: string[];
  @Field(() => String, { nullable: true, description: '会议纪要' })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: '会议纪要最多 20000 字' })
  minutes?: string;
  @Field(() => [String], { defaultValue: [], description: '研讨的热点、难点问题（标签）' })
  @ArrayMaxSize(20, { message: '热点问题标签最多 20 个' })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: TAG_MESSAGE })
  @MaxLength(30, { each: true, message: TAG_MESSAGE })
  hotIssueTags: string[];
  @Field(() => [ID], { defaultValue: [], description: '研讨涉及的案件（须为本人可见的案件）' })
  @ArrayMaxSize(50, { message: '关联案件最多 50 件' })
  @Matches(ID_LIKE, { each: true, message: '案件编号格式不正确' })
  caseIds: string[];
}

@InputType()
export class UpdateExpertSeminarInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Version() version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '研讨主题不能为空' })
  @MaxLength(200, { message: '研讨主题最多 200 个字符' })
  topic?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDay() heldOn?: string;
  @Field(() => [ID], { nullable: true, description: '替换参加的专家' })
  @IsOptional()
  @ArrayMaxSize(50, { message: '参加专家最多 50 名' })
  @Matches(ID_LIKE, { each: true, message: '专家编号格式不正确' })
  expertIds?: string[];
  @Field(() => String, { nullable: true, description: '会议纪要' })
  @IsOptional()
  @IsString()
  @MaxLength(20000, { message: '会议纪要最多 20000 字' })
  minutes?: string;
  @Field(() => [String], { nullable: true, description: '替换热点问题标签' })
  @IsOptional()
  @ArrayMaxSize(20, { message: '热点问题标签最多 20 个' })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: TAG_MESSAGE })
  @MaxLength(30, { each: true, message: TAG_MESSAGE })
  hotIssueTags?: string[];
  @Field(() => [ID], { nullable: true, description: '替换关联案件（本人不可见的已关联案件保留不变）' })
  @IsOptional()
  @ArrayMaxSize(50, { message: '关联案件最多 50 件' })
  @Matches(ID_LIKE, { each: true, message: '案件编号格式不正确' })
  caseIds?: string[];
}

@InputType()
export class ExpertSeminarFilter {
  @Field(() => String, { nullable: true, description: '主题或纪要中的关键字' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键词最多 50 个字符' })
  keyword?: string;
  @Field(() => String, { nullable: true, description: '热点问题标签（精确）' })
  @IsOptional()
  @IsString()
  @MaxLength(30, { message: '标签最多 30 个字符' })
  tag?: string;
  @Field(() => ID, { nullable: true, description: '关联了该案件的研讨会' }) @IsOptional() @IsString() caseId?: string;
  @Field(() => ID, { nullable: true, description: '该专家参加的研讨会' }) @IsOptional() @IsString() expertId?: string;
}

// ---- 联动：下发指示、上报情况 ----

@InputType()
export class SendLinkageMessageInput {
  @Field(() => LinkageMessageKind)
  @IsEnum(LinkageMessageKind, { message: '类型须为下发指示或上报情况' })
  kind: LinkageMessageKind;
  @Field(() => ID, { description: '接收单位：指示为下级县级中心或站点，上报为上级中心' })
  @IsString()
  @IsNotEmpty({ message: '请选择接收单位' })
  targetUnitId: string;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '标题不能为空' })
  @MaxLength(200, { message: '标题最多 200 个字符' })
  title: string;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '内容不能为空' })
  @MaxLength(TEXT, { message: `内容最多 ${TEXT} 字` })
  content: string;
  @Field(() => Date, { nullable: true, description: '要求签收或反馈的期限，须晚于现在' })
  @IsOptional()
  @IsDate({ message: '期限格式不正确' })
  dueAt?: Date;
}

@InputType()
export class AcknowledgeLinkageMessageInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定记录' }) id: string;
  @Field(() => String, { nullable: true, description: '签收意见' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '签收意见最多 2000 字' })
  note?: string;
}

@InputType()
export class LinkageMessageFilter {
  @Field(() => LinkageMessageKind, { nullable: true })
  @IsOptional()
  @IsEnum(LinkageMessageKind)
  kind?: LinkageMessageKind;
  @Field({ nullable: true, description: 'true：只看已签收的；false：只看未签收的' })
  @IsOptional()
  @IsBoolean()
  acknowledged?: boolean;
}
