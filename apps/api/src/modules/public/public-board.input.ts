import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsContactPhone } from '../case/case.validators';

@InputType({ description: '人员状态公示栏：新增（不带 id）或修改一名人员' })
export class SaveStaffCardInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() id?: string;
  @Field(() => ID) @IsString() unitId: string;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请填写姓名' })
  @MaxLength(50, { message: '姓名最多 50 个字' })
  name: string;
  @Field({ description: '岗位' })
  @IsString()
  @IsNotEmpty({ message: '请填写岗位' })
  @MaxLength(50, { message: '岗位最多 50 个字' })
  post: string;
  @Field(() => String, { nullable: true, description: '工号' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{0,30}$/, { message: '工号只能是字母、数字和短横线，最多 30 位' })
  workNo?: string;
  @Field({ description: '在岗' }) @IsBoolean() onDuty: boolean;
  @Field(() => Int, { nullable: true, description: '排序（小的在前）' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(999)
  sortOrder?: number;
  @Field(() => Int, { nullable: true, description: '修改时必填：读取时的版本' })
  @IsOptional()
  @IsInt()
  version?: number;
}

@InputType({ description: '办事公开：单位的地址、电话和办公时间' })
export class SetServicePointInput {
  @Field(() => ID) @IsString() unitId: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200, { message: '地址最多 200 个字' })
  address?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsContactPhone() phone?: string | null;
  @Field(() => String, { nullable: true, description: '办公时间，如：周一至周五 8:30-12:00，14:30-17:30' })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: '办公时间最多 100 个字' })
  officeHours?: string | null;
}
