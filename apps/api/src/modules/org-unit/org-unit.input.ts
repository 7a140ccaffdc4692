import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { OrgUnitType, WorkroomCode } from '@weiquan/shared';

export const UNIT_CODE = /^[A-Z][A-Z0-9-]{1,31}$/;
const PHONE = /^[0-9-]{3,40}$/;

@InputType({ description: '新建机构（站点、县级中心或工作室）' })
export class CreateOrgUnitInput {
  @Field(() => ID, { description: '上级机构' }) @IsString() @IsNotEmpty({ message: '请选择上级机构' }) parentId: string;
  @Field(() => OrgUnitType) @IsEnum(OrgUnitType, { message: '机构类型不正确' }) type: OrgUnitType;
  @Field({
    description: '机构编码：大写字母、数字和连字符，2–32 位；县级中心的编码（2–8 个大写字母）也是其案件编号前缀',
  })
  @IsString()
  @Matches(UNIT_CODE, { message: '机构编码须以大写字母开头，2–32 位大写字母、数字或连字符' })
  code: string;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '机构名称不能为空' })
  @MaxLength(100, { message: '机构名称最多 100 个字符' })
  name: string;
  @Field(() => WorkroomCode, { nullable: true, description: '工作室类别（仅工作室）' })
  @IsOptional()
  @IsEnum(WorkroomCode, { message: '工作室类别不正确' })
  workroom?: WorkroomCode;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: '电话号码格式不正确' })
  phone?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字符' })
  address?: string;
}

@InputType({ description: '修改机构名称、电话、地址（编码、类型和上级不可改：案件编号和数据范围依赖它们）' })
export class UpdateOrgUnitInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '机构名称不能为空' })
  @MaxLength(100, { message: '机构名称最多 100 个字符' })
  name?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(PHONE, { message: '电话号码格式不正确' }) phone?:
    | string
    | null;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字符' })
  address?: string | null;
}
