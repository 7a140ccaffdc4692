import { Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { DataScope, Role } from '@weiquan/shared';
import { passwordProblem } from '@weiquan/core';

const USERNAME = /^[A-Za-z][A-Za-z0-9_.-]{2,63}$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** The password policy (libs/core password-policy) on a new user's password, against the username beside it. */
function IsAcceptablePassword() {
  return ValidateBy({
    name: 'isAcceptablePassword',
    validator: {
      validate: (value, args) => passwordProblem(value, usernameOf(args)) === null,
      defaultMessage: (args) => passwordProblem(args?.value, usernameOf(args)) ?? '',
    },
  });
}
const usernameOf = (args?: ValidationArguments) => (args?.object as { username?: unknown })?.username as string;

@InputType()
export class CreateUserInput {
  @Field()
  @IsString()
  @MaxLength(64, { message: '用户名最多 64 个字符' })
  @Matches(USERNAME, { message: '用户名须以字母开头，3–64 位字母、数字、._-' })
  username: string;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(50, { message: '姓名最多 50 个字符' })
  displayName: string;
  @Field() @IsAcceptablePassword() password: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: '电话号码格式不正确' })
  phone?: string;
  @Field(() => [Role])
  @ArrayMinSize(1, { message: '至少分配一个角色' })
  @ArrayMaxSize(9)
  @IsEnum(Role, { each: true, message: '角色不存在' })
  roles: Role[];
  @Field(() => ID) @IsString() @IsNotEmpty({ message: '请选择所属机构' }) unitId: string;
  @Field(() => DataScope, { nullable: true })
  @IsOptional()
  @IsEnum(DataScope, { message: '数据范围不正确' })
  dataScope?: DataScope;
}

@InputType()
export class UpdateUserInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '姓名不能为空' })
  @MaxLength(50)
  displayName?: string;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE, { message: '电话号码格式不正确' })
  phone?: string;
  @Field(() => [Role], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少分配一个角色' })
  @IsEnum(Role, { each: true, message: '角色不存在' })
  roles?: Role[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() unitId?: string;
  @Field(() => DataScope, { nullable: true }) @IsOptional() @IsEnum(DataScope) dataScope?: DataScope;
}

@InputType()
export class UserFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() unitId?: string;
  @Field({ nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() includeSubtree?: boolean;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '关键词最多 50 个字符' })
  keyword?: string;
  @Field(() => Role, { nullable: true }) @IsOptional() @IsEnum(Role) role?: Role;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}
