import { Field, InputType, OmitType } from '@nestjs/graphql';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { RegisterCaseInput } from '../case/case.input';

// Printable ASCII without spaces: what senders' work-order numbers and idempotency keys (UUIDs) look like.
const TOKEN = /^[\x21-\x7e]+$/;

/** A case transferred in by another system; the channel is the client's, whatever it would send. */
@InputType()
export class TransferCaseInput extends OmitType(RegisterCaseInput, ['channel'] as const, InputType) {
  @Field({ description: '对方系统的工单编号（同一客户端内唯一；重发同一编号返回同一案件）' })
  @IsString()
  @IsNotEmpty({ message: '请填写对方工单编号' })
  @MaxLength(64, { message: '工单编号最多 64 个字符' })
  @Matches(TOKEN, { message: '工单编号只能包含字母、数字和常用符号，不含空格' })
  externalRef: string;
  @Field(() => String, {
    nullable: true,
    description: '幂等键（如 UUID）：超时重试时原样重发；同一键只对应一个工单编号',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty({ message: '幂等键不能为空字符串' })
  @MaxLength(100, { message: '幂等键最多 100 个字符' })
  @Matches(TOKEN, { message: '幂等键只能包含字母、数字和常用符号，不含空格' })
  idempotencyKey?: string;
}
