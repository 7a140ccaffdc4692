import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import { AppError, SmsStatus } from '@weiquan/core';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor, SignedIn } from '../../common/permission.decorator';
import { NotificationInboxService } from './notification-inbox.service';
import {
  NotificationModel,
  NotificationPage,
  SmsOutboxPage,
  toNotificationModel,
  toSmsOutboxModel,
} from './notification.model';
import { SmsOutboxQueryService } from './sms-outbox-query.service';

const MAX_IDS = 500;
const BIGINT_ID = /^[1-9]\d{0,18}$/;

function parseBigintId(value: string, field: string): string {
  if (!BIGINT_ID.test(value)) throw AppError.badInput(field, '编号格式不正确');
  return value;
}

@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly inbox: NotificationInboxService,
    private readonly outbox: SmsOutboxQueryService,
  ) {}

  @Query(() => NotificationPage, { description: '我的站内通知，最新在前' })
  @SignedIn()
  async notifications(
    @CurrentActor() actor: Actor,
    @Args('unreadOnly', { type: () => Boolean, nullable: true }) unreadOnly?: boolean,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<NotificationPage> {
    const res = await this.inbox.list(actor, { unreadOnly }, page ?? new PageInput());
    return { ...res, items: res.items.map(toNotificationModel) };
  }

  @Query(() => Int, { description: '我的未读通知数' })
  @SignedIn()
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.inbox.unreadCount(actor);
  }

  @Mutation(() => Int, { description: '将我的通知标为已读；不传 ids 则全部标为已读。返回本次标记的条数' })
  @SignedIn()
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    if (ids && ids.length > MAX_IDS) throw AppError.badInput('ids', `一次最多标记 ${MAX_IDS} 条`);
    return this.inbox.markRead(actor, ids ? ids.map((id, i) => parseBigintId(id, `ids.${i}`)) : null);
  }

  // Delivery operations, like the queue dashboard: administrators only (the permission is ADMIN-only).
  @Query(() => SmsOutboxPage, { description: '短信发件箱（管理员）：按案件所属单位限定范围，最新在前' })
  @Allow(Permission.QUEUE_DASHBOARD)
  async smsOutbox(
    @CurrentActor() actor: Actor,
    @Args('status', { type: () => SmsStatus, nullable: true }) status?: SmsStatus,
    @Args('caseId', { type: () => ID, nullable: true }) caseId?: string,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<SmsOutboxPage> {
    const res = await this.outbox.list(
      actor,
      { status, caseId: caseId == null ? null : parseBigintId(caseId, 'caseId') },
      page ?? new PageInput(),
    );
    const unmask = actor.permissions.has(Permission.CASE_UNMASK);
    return { ...res, items: res.items.map((s) => toSmsOutboxModel(s, unmask)) };
  }
}
