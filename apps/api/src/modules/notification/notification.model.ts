import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { maskPhone } from '@weiquan/shared';
import { SmsStatus } from '@weiquan/core';
import type { NotificationEntity, SmsOutboxEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';

registerEnumType(SmsStatus, { name: 'SmsStatus', description: '短信状态：待发送（含夜间暂缓）、已发送、发送失败' });

@ObjectType('Notification', { description: '站内通知（仅本人可见）' })
export class NotificationModel {
  @Field(() => ID) id: string;
  @Field({ description: '类别，如 DEADLINE_WARNING' }) kind: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) body: string | null;
  @Field(() => ID, { nullable: true, description: '相关案件' }) caseId: string | null;
  @Field() read: boolean;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
  @Field() createdAt: Date;
}

export function toNotificationModel(n: NotificationEntity): NotificationModel {
  return {
    id: String(n.id),
    kind: n.kind,
    title: n.title,
    body: n.body,
    caseId: n.caseId == null ? null : String(n.caseId),
    read: n.readAt != null,
    readAt: n.readAt,
    createdAt: n.createdAt,
  };
}

@ObjectType('NotificationPage')
export class NotificationPage extends PageOf(NotificationModel, 'NotificationPageBase') {}

@ObjectType('SmsOutboxMessage', {
  description: '发给消费者的短信（发件箱）；发送时段（默认 08:00–21:00）以外产生的短信暂缓到下一个发送时段开始',
})
export class SmsOutboxModel {
  @Field(() => ID) id: string;
  @Field({ description: '手机号；无查看完整信息权限时打码' }) phone: string;
  @Field() content: string;
  @Field(() => ID, { nullable: true }) caseId: string | null;
  @Field(() => SmsStatus) status: SmsStatus;
  @Field(() => Int, { description: '已尝试发送次数' }) attempts: number;
  @Field({ description: '最早发送时间（夜间产生的短信默认为次日 08:00）' }) notBefore: Date;
  @Field(() => Date, { nullable: true }) sentAt: Date | null;
  @Field(() => String, { nullable: true, description: '短信网关回执编号' }) providerRef: string | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field() createdAt: Date;
}

export function toSmsOutboxModel(s: SmsOutboxEntity, unmask: boolean): SmsOutboxModel {
  return {
    id: String(s.id),
    phone: unmask ? s.phone : maskPhone(s.phone),
    content: s.content,
    caseId: s.caseId == null ? null : String(s.caseId),
    status: s.status,
    attempts: s.attempts,
    notBefore: s.notBefore,
    sentAt: s.sentAt,
    providerRef: s.providerRef,
    lastError: s.lastError,
    createdAt: s.createdAt,
  };
}

@ObjectType('SmsOutboxPage')
export class SmsOutboxPage extends PageOf(SmsOutboxModel, 'SmsOutboxPageBase') {}
