import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Min,
} from 'class-validator';
import { WebhookEventTypeKey } from './webhook.model';

const URL_RULE = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };
const URL_MESSAGE = '推送地址须为 http(s):// 开头的完整地址';

@InputType()
export class CreateWebhookEndpointInput {
  @Field(() => ID) @IsString() @IsNotEmpty() clientId: string;
  @Field() @IsUrl(URL_RULE, { message: URL_MESSAGE }) url: string;
  @Field(() => [WebhookEventTypeKey])
  @ArrayMinSize(1, { message: '至少订阅一种事件' })
  @ArrayUnique({ message: '事件类型不能重复' })
  @IsEnum(WebhookEventTypeKey, { each: true, message: '事件类型不存在' })
  eventTypes: WebhookEventTypeKey[];
}

@InputType()
export class UpdateWebhookEndpointInput {
  @Field(() => ID) @IsString() @IsNotEmpty() id: string;
  @Field(() => Int) @IsInt() @Min(1) version: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUrl(URL_RULE, { message: URL_MESSAGE }) url?: string;
  @Field(() => [WebhookEventTypeKey], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1, { message: '至少订阅一种事件' })
  @ArrayUnique({ message: '事件类型不能重复' })
  @IsEnum(WebhookEventTypeKey, { each: true, message: '事件类型不存在' })
  eventTypes?: WebhookEventTypeKey[];
  @Field(() => Boolean, { nullable: true, description: '重新启用时清除失败记录' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
