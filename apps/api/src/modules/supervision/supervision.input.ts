import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
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
  registerDecorator,
  ValidationArguments,
} from 'class-validator';
import { SupervisionLevel } from '@weiquan/shared';
import { SupervisionStatus } from '@weiquan/core';
import './supervision.model';

const NOT_BLANK = /\S/;

/** On `caseId`: exactly one of caseId / targetUnitId is given (runs even when caseId is absent). */
function IsExactlyOneTarget() {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isExactlyOneTarget',
      target: target.constructor,
      propertyName,
      options: { message: '请指定督办的案件或被督办单位（二者只能选其一）' },
      validator: {
        validate: (_: unknown, args: ValidationArguments) => {
          const o = args.object as OpenSupervisionInput;
          return (o.caseId == null) !== (o.targetUnitId == null);
        },
      },
    });
}

@InputType()
export class OpenSupervisionInput {
  @Field(() => ID, {
    nullable: true,
    description: '督办的案件（与 targetUnitId 二选一）；被督办单位为案件当前所在单位',
  })
  @IsExactlyOneTarget()
  caseId?: string;
  @Field(() => ID, { nullable: true, description: '被督办单位（与 caseId 二选一）' })
  @IsOptional()
  @IsString()
  targetUnitId?: string;
  @Field(() => SupervisionLevel) @IsEnum(SupervisionLevel, { message: '督办级别不正确' }) level: SupervisionLevel;
  @Field()
  @IsString()
  @Matches(NOT_BLANK, { message: '督办内容不能为空' })
  @MaxLength(2000, { message: '督办内容最多 2000 字' })
  content: string;
  @Field({ description: '答复期限，须晚于现在' }) @IsDate({ message: '答复期限格式不正确' }) responseDueAt: Date;
}

@InputType()
export class RespondSupervisionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field({ description: '书面答复' })
  @IsString()
  @Matches(NOT_BLANK, { message: '答复内容不能为空' })
  @MaxLength(5000, { message: '答复内容最多 5000 字' })
  response: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
}

@InputType()
export class ReviewSupervisionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field({ description: '采纳答复（关闭督办）；否则退回重新答复' })
  @IsBoolean({ message: '请选择采纳或退回' })
  accepted: boolean;
  @Field(() => String, { nullable: true, description: '审核意见；退回时必填' })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: '审核意见最多 2000 字' })
  note?: string;
  @Field(() => Date, { nullable: true, description: '退回时新的答复期限，须晚于现在' })
  @IsOptional()
  @IsDate({ message: '答复期限格式不正确' })
  responseDueAt?: Date;
  @Field(() => Int) @IsInt() @Min(1) version: number;
}

@InputType()
export class EscalateSupervisionInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field(() => String, { nullable: true, description: '缺省沿用原督办内容' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '督办内容不能为空' })
  @MaxLength(2000, { message: '督办内容最多 2000 字' })
  content?: string;
  @Field(() => Date, { nullable: true, description: '缺省为现在起按原督办的答复时长（至少 1 天）' })
  @IsOptional()
  @IsDate({ message: '答复期限格式不正确' })
  responseDueAt?: Date;
  @Field(() => SupervisionLevel, { nullable: true, description: '缺省沿用原级别；不能降低' })
  @IsOptional()
  @IsEnum(SupervisionLevel, { message: '督办级别不正确' })
  level?: SupervisionLevel;
  @Field(() => Int) @IsInt() @Min(1) version: number;
}

@InputType()
export class SupervisionFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() caseId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() targetUnitId?: string;
  @Field({ nullable: true, defaultValue: true, description: '与 targetUnitId 同用：含下级单位' })
  @IsOptional()
  @IsBoolean()
  includeSubtree?: boolean;
  @Field(() => SupervisionStatus, { nullable: true })
  @IsOptional()
  @IsEnum(SupervisionStatus)
  status?: SupervisionStatus;
  @Field(() => SupervisionLevel, { nullable: true }) @IsOptional() @IsEnum(SupervisionLevel) level?: SupervisionLevel;
  @Field({ nullable: true, description: '只看待答复且已超期的' }) @IsOptional() @IsBoolean() overdueOnly?: boolean;
}
