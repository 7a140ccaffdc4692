import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AppError, Clock, NotificationEntity } from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';

/** The signed-in user's own notifications: every query is bound to the actor's user id. */
@Injectable()
export class NotificationInboxService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, opts: { unreadOnly?: boolean | null }, page: PageInput): Promise<Page<NotificationEntity>> {
    const qb = this.own(actor);
    if (opts.unreadOnly) qb.andWhere('n.read_at IS NULL');
    const [items, total] = await qb.orderBy('n.id', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total, offset: page.offset, limit: page.limit };
  }

  unreadCount(actor: Actor): Promise<number> {
    return this.own(actor).andWhere('n.read_at IS NULL').getCount();
  }

  /** Marks the actor's unread rows among `ids` (all of them when null) read; others' ids are ignored. */
  async markRead(actor: Actor, ids: string[] | null): Promise<number> {
    const userId = this.userIdOf(actor);
    if (ids && !ids.length) return 0;
    const qb = this.ds
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ readAt: this.clock.now() })
      .where('user_id = :userId AND read_at IS NULL', { userId });
    if (ids) qb.andWhere('id IN (:...ids)', { ids });
    return (await qb.execute()).affected ?? 0;
  }

  private own(actor: Actor) {
    return this.ds
      .getRepository(NotificationEntity)
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: this.userIdOf(actor) });
  }

  private userIdOf(actor: Actor): number {
    if (actor.kind !== 'USER') throw AppError.forbidden('外部系统没有站内通知');
    return actor.id;
  }
}
