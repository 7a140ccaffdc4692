import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { IsBoolean, IsDateString, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { WorkOrderType12345 } from '@weiquan/shared';
import { TransferResultModel } from './transfer.model';

const TOKEN = /^[\x21-\x7e]+$/;
const TYPES = Object.keys(WorkOrderType12345);

/** A 12345 work order in the hotline's own fields (field mapping: docs/integration.md, "12345 工单字段"). */
@InputType({ description: '12345 热线工单（按热线字段转办）' })
export class WorkOrder12345Input {
  @Field({ description: '工单编号 → externalRef' })
  @IsString()
  @IsNotEmpty({ message: '请填写工单编号' })
  @MaxLength(64, { message: '工单编号最多 64 个字符' })
  @Matches(TOKEN, { message: '工单编号只能包含字母、数字和常用符号，不含空格' })
  gdbh: string;
  @Field(() => String, { description: '诉求类型：咨询、求助、投诉、举报、建议、其他 → kind' })
  @IsIn(TYPES, { message: '诉求类型应为 咨询、求助、投诉、举报、建议 或 其他' })
  sqlx: WorkOrderType12345;
  @Field({ description: '诉求内容 → summary' })
  @IsString()
  @IsNotEmpty({ message: '请填写诉求内容' })
  @MaxLength(4000)
  sqnr: string;
  @Field(() => String, { nullable: true, description: '诉求人期望 → demand' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  sqyq?: string | null;
  @Field(() => String, { nullable: true, description: '诉求人 → consumer.name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sqr?: string | null;
  @Field(() => String, { nullable: true, description: '联系电话 → consumer.phone' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  lxdh?: string | null;
  @Field(() => String, { nullable: true, description: '联系地址 → consumer.address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  lxdz?: string | null;
  @Field(() => String, { nullable: true, description: '被反映对象（经营者） → respondent.name' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  bfydx?: string | null;
  @Field(() => String, { nullable: true, description: '事发地点 → occurredPlace' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sfdd?: string | null;
  @Field({ description: '派单时间（ISO 8601） → receivedAt' })
  @IsDateString({ strict: true }, { message: '派单时间应为 ISO 8601 时间' })
  pdsj: string;
  @Field(() => String, { nullable: true, description: '办理时限（ISO 8601） → senderDueAt' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: '办理时限应为 ISO 8601 时间' })
  blsx?: string | null;
  @Field(() => Boolean, { nullable: true, description: '匿名' }) @IsOptional() @IsBoolean() nm?: boolean | null;
  @Field(() => String, { nullable: true, description: '幂等键（如 UUID）' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(TOKEN, { message: '幂等键只能包含字母、数字和常用符号，不含空格' })
  idempotencyKey?: string;
}

/** 12345 反馈字段: a transfer's status in the hotline's own fields. */
@ObjectType('WorkOrderReply12345', { description: '12345 工单反馈（热线字段）' })
export class WorkOrderReply12345Model {
  @Field({ description: '工单编号' }) gdbh: string;
  @Field({ description: '办理状态：待签收、办理中、已退单、已办结、已回访、已归档' }) blzt: string;
  @Field({ description: '承办单位' }) cbdw: string;
  @Field(() => String, { nullable: true, description: '办理时限（ISO 8601）' }) blsx: string | null;
  @Field(() => String, { nullable: true, description: '退单原因' }) tdyy: string | null;
  @Field(() => String, { nullable: true, description: '办结结果' }) bjjg: string | null;
  @Field(() => String, { nullable: true, description: '办结时间（ISO 8601）' }) bjsj: string | null;
  @Field(() => String, { nullable: true, description: '答复内容' }) dfnr: string | null;
  @Field(() => String, { nullable: true, description: '回访结果（满意度）' }) hfjg: string | null;
  @Field({ description: '当前环节' }) dqhj: string;
}

@ObjectType('WorkOrderResult12345')
export class WorkOrderResult12345Model extends TransferResultModel {
  @Field(() => WorkOrderReply12345Model) reply: WorkOrderReply12345Model;
}
