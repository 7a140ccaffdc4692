import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserModel } from '../user/user.model';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请输入用户名' })
  @MaxLength(64, { message: '用户名最多 64 个字符' })
  username: string;
  @Field()
  @IsString()
  @IsNotEmpty({ message: '请输入密码' })
  @MaxLength(128, { message: '密码最多 128 个字符' })
  password: string;
}

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field() accessToken: string;
  @Field() refreshToken: string;
  @Field() accessTokenExpiresAt: Date;
  @Field(() => UserModel) user: UserModel;
}
