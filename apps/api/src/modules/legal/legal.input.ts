import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
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
import { LitigationStatus } from '@weiquan/core';
import { IsContactPhone } from '../case/case.validators';
import { NOT_BLANK } from '../workroom/workroom.validators';
import './legal.model';

const TEXT = 5000;
const LAWS_MAX = 20;
const DOCUMENTS_MAX = 20;

@InputType()
export class CreateLegalConsultationInput {
  @Field(() => ID, { nullable: true, description: '关联的案件（可选）；关联后记入案件日志' })
  @IsOptional()
  @IsString()
  caseId?: string;
  @Field(() => String, { nullable: true, description: '咨询人姓名；未关联案件时必填' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '咨询人姓名不能为空' })
  @MaxLength(50, { message: '咨询人姓名最多 50 个字符' })
  askerName?: string;
  @Field(() => String, { nullable: true, description: '咨询人电话' })
  @IsOptional()
  @IsContactPhone()
  askerPhone?: string;
  @Field({ description: '咨询的问题' })
  @IsString()
  @Matches(NOT_BLANK, { message: '咨询问题不能为空' })
  @MaxLength(TEXT, { message: `咨询问题最多 ${TEXT} 字` })
  question: string;
  @Field(() => Date, { nullable: true, description: '咨询时间，缺省为现在；不能晚于现在' })
  @IsOptional()
  @IsDate({ message: '咨询时间格式不正确' })
  askedAt?: Date;
  @Field(() => String, { nullable: true, description: '当场答复的法律意见' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '答复内容不能为空' })
  @MaxLength(TEXT, { message: `答复内容最多 ${TEXT} 字` })
  answer?: string;
  @Field(() => [String], { nullable: true, description: '引用的法律法规条文，如「消费者权益保护法第二十四条」' })
  @IsOptional()
  @IsArray({ message: '引用法条须为列表' })
  @ArrayMaxSize(LAWS_MAX, { message: `引用法条最多 ${LAWS_MAX} 条` })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: '引用法条不能为空' })
  @MaxLength(200, { each: true, message: '每条引用法条最多 200 个字符' })
  lawsCited?: string[];
}

@InputType()
export class UpdateLegalConsultationInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定咨询记录' }) id: string;
  @Field(() => Int, { description: '乐观锁版本，原样传回' })
  @IsInt({ message: '版本号须为整数' })
  @Min(1, { message: '版本号须为正整数' })
  version: number;
  @Field(() => String, { nullable: true, description: '不传为不变' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '咨询人姓名不能为空' })
  @MaxLength(50, { message: '咨询人姓名最多 50 个字符' })
  askerName?: string;
  @Field(() => String, { nullable: true, description: '不传为不变；传 null 清除' })
  @IsOptional()
  @IsContactPhone()
  askerPhone?: string | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '咨询问题不能为空' })
  @MaxLength(TEXT, { message: `咨询问题最多 ${TEXT} 字` })
  question?: string;
  @Field(() => String, { nullable: true, description: '答复（首次填写即为答复）' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '答复内容不能为空' })
  @MaxLength(TEXT, { message: `答复内容最多 ${TEXT} 字` })
  answer?: string;
  @Field(() => [String], { nullable: true, description: '不传为不变；传入即整体替换' })
  @IsOptional()
  @IsArray({ message: '引用法条须为列表' })
  @ArrayMaxSize(LAWS_MAX, { message: `引用法条最多 ${LAWS_MAX} 条` })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: '引用法条不能为空' })
  @MaxLength(200, { each: true, message: '每条引用法条最多 200 个字符' })
  lawsCited?: string[];
}

@InputType()
export class LegalConsultationFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() caseId?: string;
  @Field(() => Boolean, { nullable: true, description: 'true 已答复 / false 待答复' })
  @IsOptional()
  @IsBoolean()
  answered?: boolean;
  @Field(() => ID, { nullable: true, description: '该单位及下级' }) @IsOptional() @IsString() unitId?: string;
}

@InputType()
export class RequestLitigationSupportInput {
  @Field(() => ID, { description: '须起诉的消费者的案件' })
  @IsString()
  @IsNotEmpty({ message: '请选择案件' })
  caseId: string;
  @Field({ description: '消费者的诉讼支持需求' })
  @IsString()
  @Matches(NOT_BLANK, { message: '诉讼支持需求不能为空' })
  @MaxLength(TEXT, { message: `诉讼支持需求最多 ${TEXT} 字` })
  request: string;
}

@InputType()
export class UpdateLitigationSupportInput {
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请指定诉讼支持' }) id: string;
  @Field(() => Int, { description: '乐观锁版本，原样传回' })
  @IsInt({ message: '版本号须为整数' })
  @Min(1, { message: '版本号须为正整数' })
  version: number;
  @Field(() => LitigationStatus, {
    nullable: true,
    description: '只能向前：已申请 → 材料已准备 → 已立案 → 已结束（随时可结束）',
  })
  @IsOptional()
  @IsEnum(LitigationStatus, { message: '诉讼支持状态不正确' })
  status?: LitigationStatus;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '诉讼支持需求不能为空' })
  @MaxLength(TEXT, { message: `诉讼支持需求最多 ${TEXT} 字` })
  request?: string;
  @Field(() => [String], { nullable: true, description: '已准备的诉讼材料（如 民事起诉状、证据目录）；传入即整体替换' })
  @IsOptional()
  @IsArray({ message: '诉讼材料须为列表' })
  @ArrayMaxSize(DOCUMENTS_MAX, { message: `诉讼材料最多 ${DOCUMENTS_MAX} 项` })
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: '诉讼材料名称不能为空' })
  @MaxLength(100, { each: true, message: '每项诉讼材料名称最多 100 个字符' })
  documents?: string[];
  @Field(() => String, { nullable: true, description: '受理法院；立案时必填' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '受理法院不能为空' })
  @MaxLength(100, { message: '受理法院最多 100 个字符' })
  court?: string;
  @Field(() => Date, { nullable: true, description: '立案日期，缺省为现在' })
  @IsOptional()
  @IsDate({ message: '立案日期格式不正确' })
  filedAt?: Date;
  @Field(() => String, { nullable: true, description: '诉讼结果；结束时必填' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '诉讼结果不能为空' })
  @MaxLength(TEXT, { message: `诉讼结果最多 ${TEXT} 字` })
  outcome?: string;
}

@InputType()
export class LitigationSupportFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() caseId?: string;
  @Field(() => [LitigationStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(LitigationStatus, { each: true, message: '诉讼支持状态不正确' })
  statuses?: LitigationStatus[];
  @Field(() => ID, { nullable: true, description: '该单位及下级' }) @IsOptional() @IsString() unitId?: string;
}
