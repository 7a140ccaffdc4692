import { Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import { Actor, AppError } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { ActorResolver } from '../auth/actor.resolver.service';
import { DashboardTickets } from './dashboard-tickets.service';

@ObjectType('QueueDashboardTicket')
class QueueDashboardTicketModel {
  @Field({ description: '在新窗口打开此地址（一分钟内有效）' }) url: string;
  @Field() expiresAt: Date;
}

@Resolver()
export class QueueDashboardResolver {
  constructor(
    private readonly tickets: DashboardTickets,
    private readonly actors: ActorResolver,
  ) {}

  @Mutation(() => QueueDashboardTicketModel, { description: '管理员打开队列监控（Bull Board）的一次性登录链接' })
  @Allow(Permission.QUEUE_DASHBOARD)
  async queueDashboardTicket(@CurrentActor() actor: Actor): Promise<QueueDashboardTicketModel> {
    if (actor.kind !== 'USER') throw AppError.forbidden();
    return this.tickets.issue(actor.id, await this.actors.tokenVersionOf(actor.id));
  }
}
