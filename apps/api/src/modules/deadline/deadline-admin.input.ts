import { Field, Float, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

@InputType()
export class ReviseDeadlineRuleInput {
  @Field() @IsString() @IsNotEmpty() @MaxLength(40) ruleSetCode: string;
  @Field() @IsString() @IsNotEmpty() @MaxLength(40) ruleCode: string;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1, { message: '时限至少为 1' })
  @Max(3650)
  amount?: number;
  @Field(() => String, { nullable: true, description: 'HOURS / CALENDAR_DAYS / WORKING_DAYS' })
  @IsOptional()
  @IsIn(['HOURS', 'CALENDAR_DAYS', 'WORKING_DAYS'], { message: '计时单位不正确' })
  unit?: 'HOURS' | 'CALENDAR_DAYS' | 'WORKING_DAYS';
  @Field(() => [Float], { nullable: true, description: '预警比例，如 [0.5, 0.8]' })
  @IsOptional()
  @ArrayMaxSize(5)
  @IsNumber({}, { each: true })
  @Min(0.05, { each: true, message: '预警比例须在 0.05–0.99 之间' })
  @Max(0.99, { each: true, message: '预警比例须在 0.05–0.99 之间' })
  warnFractions?: number[];
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) hardMaxAmount?: number | null;
  @Field(() => String, { nullable: true, description: '新版本生效日期 YYYY-MM-DD（缺省沿用）' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  effectiveFrom?: string;
  @Field({ description: '修订理由（记入审计）' })
  @IsString()
  @IsNotEmpty({ message: '请填写修订理由' })
  @MaxLength(200)
  reason: string;
}
