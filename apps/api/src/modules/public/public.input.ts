import { Field, Float, InputType, registerEnumType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PublicRequestKind, PublicSatisfaction } from '@weiquan/shared';
import { IsContactPhone, IsCreditCode } from '../case/case.validators';

registerEnumType(PublicRequestKind, { name: 'PublicRequestKind', description: '网上诉求类型：投诉、举报、咨询' });
registerEnumType(PublicSatisfaction, { name: 'PublicSatisfaction', description: '回访评价：满意、基本满意、不满意' });

const SUMMARY_MAX = 2000; // smaller than staff registration: a phone form, not a scanned letter
const SHORT = 100;

@InputType({ description: '网上投诉、举报、咨询' })
export class PublicSubmissionInput {
  @Field(() => PublicRequestKind) @IsEnum(PublicRequestKind, { message: '请选择诉求类型' }) kind: PublicRequestKind;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '姓名最多 50 个字' })
  name?: string;
  @Field({ description: '手机号码：接收受理回执和查询码' })
  @IsString()
  @IsNotEmpty({ message: '请填写手机号码' })
  @IsContactPhone()
  phone: string;
  @Field(() => String, { nullable: true, description: '被投诉（举报）经营者名称' })
  @IsOptional()
  @IsString()
  @MaxLength(SHORT, { message: `经营者名称最多 ${SHORT} 个字` })
  respondentName?: string;
  @Field(() => String, { nullable: true, description: '统一社会信用代码（18位，可不填）' })
  @IsOptional()
  @IsCreditCode()
  respondentCreditCode?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '经营者地址最多 200 个字' })
  respondentAddress?: string;
  @Field(() => String, { nullable: true, description: '商品或服务类别' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string;
  @Field(() => Float, { nullable: true, description: '涉及金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '金额最多两位小数' })
  @Min(0, { message: '金额不能为负数' })
  @Max(99_999_999, { message: '金额过大' })
  amountInvolved?: number;
  @Field({ description: '事情经过' })
  @IsString()
  @IsNotEmpty({ message: '请填写事情经过' })
  @MaxLength(SUMMARY_MAX, { message: `事情经过最多 ${SUMMARY_MAX} 个字` })
  summary: string;
  @Field(() => String, { nullable: true, description: '您的诉求' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '诉求最多 500 个字' })
  demand?: string;
  @Field({ defaultValue: false, description: '同意在办结后公示投诉信息（不含您的个人信息）' })
  @IsOptional()
  @IsBoolean()
  consentPublication?: boolean;
  @Field({ defaultValue: false, description: '同意委托消费者协会调解' })
  @IsOptional()
  @IsBoolean()
  consentEntrustedMediation?: boolean;
  @Field(() => String, { nullable: true, description: '短信验证码（同一手机当天再次提交时需要）' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  smsCode?: string;
}

@InputType({ description: '凭案件编号和查询码，或案件编号、手机号码后四位和短信验证码查询' })
export class PublicLookupInput {
  @Field({ description: '案件编号' })
  @IsString()
  @IsNotEmpty({ message: '请填写案件编号' })
  @MaxLength(40)
  caseNo: string;
  @Field(() => String, { nullable: true, description: '查询码' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  queryCode?: string;
  @Field(() => String, { nullable: true, description: '手机号码后四位（不用查询码时）' })
  @IsOptional()
  @Matches(/^\d{4}$/, { message: '请填写手机号码后四位数字' })
  phoneLast4?: string;
  @Field(() => String, { nullable: true, description: '短信验证码（不用查询码时）' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: '验证码为 6 位数字' })
  smsCode?: string;
}

@InputType({ description: '获取查询验证码：案件编号和登记的手机号码后四位' })
export class PublicLookupCodeInput {
  @Field({ description: '案件编号' })
  @IsString()
  @IsNotEmpty({ message: '请填写案件编号' })
  @MaxLength(40)
  caseNo: string;
  @Field({ description: '手机号码后四位' })
  @Matches(/^\d{4}$/, { message: '请填写手机号码后四位数字' })
  phoneLast4: string;
}

@InputType({ description: '回访评价' })
export class PublicFollowUpInput extends PublicLookupInput {
  @Field(() => PublicSatisfaction)
  @IsEnum(PublicSatisfaction, { message: '请选择评价' })
  satisfaction: PublicSatisfaction;
  @Field(() => String, { nullable: true, description: '意见和建议' })
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: '意见最多 500 个字' })
  comment?: string;
}

@InputType({ description: '下载送达的文书' })
export class PublicDocumentLinkInput extends PublicLookupInput {
  @Field({ description: '文书标识（查询结果中的 documents.ref）' })
  @IsString()
  @Matches(/^[0-9a-f]{20}$/, { message: '文书不存在' })
  documentRef: string;
}

@InputType({ description: '意见箱留言' })
export class PublicSuggestionInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请填写留言内容' })
  @MaxLength(1000, { message: '留言最多 1000 个字' })
  content: string;
  @Field(() => String, { nullable: true, description: '联系方式（可不填）' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  contact?: string;
}
