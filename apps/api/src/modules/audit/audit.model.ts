import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsDate, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditEventEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';

@ObjectType('AuditEvent', { description: '审计日志：谁、何时、做了什么、对象是什么（只增不改）' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: '操作用户' }) actorUserId: string | null;
  @Field(() => String, { nullable: true }) actorName: string | null;
  @Field(() => ID, { nullable: true, description: '操作的外部系统（接口客户端）' }) actorClientId: string | null;
  @Field() action: string;
  @Field() targetType: string;
  @Field() targetId: string;
  @Field(() => String, { nullable: true, description: '详情（JSON）' }) detail: string | null;
  @Field() createdAt: Date;
}

@ObjectType('AuditEventPage')
export class AuditEventPage extends PageOf(AuditEventModel, 'AuditEventPageBase') {}

@InputType()
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: '操作用户' }) @IsOptional() @IsString() actorUserId?: string;
  @Field(() => String, { nullable: true, description: '操作（前缀匹配，如 deadline.）' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(32) targetType?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) targetId?: string;
  @Field(() => Date, { nullable: true, description: '起（含）' }) @IsOptional() @IsDate() from?: Date;
  @Field(() => Date, { nullable: true, description: '止（不含）' }) @IsOptional() @IsDate() to?: Date;
}

export function toAuditEventModel(e: AuditEventEntity & { actorName?: string | null }): AuditEventModel {
  return {
    id: String(e.id),
    actorUserId: e.actorUserId == null ? null : String(e.actorUserId),
    actorName: e.actorName ?? null,
    actorClientId: e.actorClientId == null ? null : String(e.actorClientId),
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    detail: e.detail == null ? null : JSON.stringify(e.detail),
    createdAt: e.createdAt,
  };
}
