import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const NOT_BLANK = /\S/;

@InputType({ description: '新增投诉问题类别' })
export class CreateProblemTypeInput {
  @Field({ description: '名称，如「质量」（不可与现有类别重名）' })
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写名称' })
  @MaxLength(50, { message: '名称最多 50 个字符' })
  name: string;
  @Field(() => Int, { nullable: true, description: '排序（小的在前）；缺省排在最后' })
  @IsOptional()
  @IsInt({ message: '排序应为整数' })
  @Min(0, { message: '排序不能为负数' })
  @Max(100_000, { message: '排序过大' })
  sortOrder?: number | null;
}

@InputType({ description: '修改投诉问题类别：改名、排序、停用或启用（已使用的类别不能删除，只能停用）' })
export class UpdateProblemTypeInput {
  @Field(() => ID) @IsString() @MaxLength(32) code: string;
  @Field(() => Int, { description: '读取时的版本：他人已修改则拒绝（请刷新后重试）' })
  @IsInt({ message: '版本不正确' })
  version: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: '请填写名称' })
  @MaxLength(50, { message: '名称最多 50 个字符' })
  name?: string | null;
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: '排序应为整数' })
  @Min(0, { message: '排序不能为负数' })
  @Max(100_000, { message: '排序过大' })
  sortOrder?: number | null;
  @Field(() => Boolean, { nullable: true, description: '是否启用：停用后登记时不能再选，历史案件和统计不受影响' })
  @IsOptional()
  @IsBoolean()
  active?: boolean | null;
}
