import { Field, Float, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsDate,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { PlausibleDate } from '../../common/input-rules';
import { CaseRefInput } from './case.input';
import { IsContactPhone, IsCreditCode, IsIdNumber } from './case.validators';

const TEXT = 5000;
const NOTE = 2000;
// An empty string clears an optional field; a non-empty one must be valid.
const filled = (_: object, v: unknown) => typeof v === 'string' && v.trim() !== '';

/** 更正: the new values of a registered case's details; a field left out stays as it is, "" clears it. */
@InputType()
export class CorrectCaseInput extends CaseRefInput {
  @Field({ description: '更正理由（记入案件日志）' })
  @IsString()
  @IsNotEmpty({ message: '请说明更正理由' })
  @MaxLength(500, { message: '更正理由最多 500 个字符' })
  reason: string;

  @Field(() => String, { nullable: true, description: '消费者姓名' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  consumerName?: string | null;
  @Field(() => String, { nullable: true, description: '消费者电话' })
  @IsOptional()
  @ValidateIf(filled)
  @IsContactPhone()
  consumerPhone?: string | null;
  @Field(() => String, { nullable: true, description: '消费者身份证号' })
  @IsOptional()
  @ValidateIf(filled)
  @IsIdNumber()
  consumerIdNumber?: string | null;
  @Field(() => String, { nullable: true, description: '消费者地址' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字符' })
  consumerAddress?: string | null;
  @Field(() => String, { nullable: true, description: '经营者名称' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '经营者名称最多 100 个字符' })
  respondentName?: string | null;
  @Field(() => String, { nullable: true, description: '经营者统一社会信用代码' })
  @IsOptional()
  @ValidateIf(filled)
  @IsCreditCode()
  respondentCreditCode?: string | null;
  @Field(() => String, { nullable: true, description: '经营者地址' })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字符' })
  respondentAddress?: string | null;
  @Field(() => Date, { nullable: true, description: '发生时间' })
  @IsOptional()
  @IsDate({ message: '发生时间格式不正确' })
  @PlausibleDate({ pastDays: 20 * 365, futureDays: 0 })
  occurredAt?: Date | null;
  @Field(() => String, { nullable: true, description: '发生地点' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  occurredPlace?: string | null;
  @Field(() => String, { nullable: true, description: '商品或服务类别' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  category?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '投诉问题类别代码（见 problemTypes，须为启用的类别；空字符串表示清除）',
  })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  problemType?: string | null;
  @Field(() => Float, { nullable: true, description: '涉及金额（元）' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 }, { message: '金额最多两位小数' })
  @Min(0, { message: '金额不能为负数' })
  @Max(999_999_999_999, { message: '金额过大' })
  amountInvolved?: number | null;
  @Field(() => String, { nullable: true, description: '事情经过' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT, { message: `事情经过最多 ${TEXT} 个字符` })
  summary?: string | null;
  @Field(() => String, { nullable: true, description: '具体诉求' })
  @IsOptional()
  @IsString()
  @MaxLength(NOTE, { message: `诉求最多 ${NOTE} 个字符` })
  demand?: string | null;
  @Field(() => Boolean, { nullable: true, description: '重大紧急' }) @IsOptional() @IsBoolean() majorUrgent?:
    | boolean
    | null;
  @Field(() => Boolean, { nullable: true, description: '群体投诉' })
  @IsOptional()
  @IsBoolean()
  groupComplaint?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '媒体关注' })
  @IsOptional()
  @IsBoolean()
  mediaAttention?: boolean | null;
}
