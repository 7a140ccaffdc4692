import { Args, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Permission } from '@weiquan/shared';
import { Actor, AppError, AuditEventEntity, escapeLike } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { AuditEventFilter, AuditEventModel, AuditEventPage, toAuditEventModel } from './audit.model';

@Resolver(() => AuditEventModel)
export class AuditResolver {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  @Query(() => AuditEventPage, {
    description: '检索审计日志（谁、做了什么、何时、对象），新的在前；限全市范围的管理员',
  })
  @Allow(Permission.AUDIT_READ)
  async auditEvents(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => AuditEventFilter, nullable: true }) f?: AuditEventFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<AuditEventPage> {
    // Audit rows carry no unit: only a city-wide administrator may read them.
    if (actor.scope.type !== 'ALL') throw AppError.forbidden('只有全市范围的管理员可以查看审计日志');
    const p = page ?? new PageInput();
    const qb = this.ds.getRepository(AuditEventEntity).createQueryBuilder('a');
    if (f?.actorUserId) qb.andWhere('a.actor_user_id = :u', { u: parseId(f.actorUserId, 'filter.actorUserId') });
    if (f?.action) qb.andWhere('a.action LIKE :act', { act: `${escapeLike(f.action)}%` });
    if (f?.targetType) qb.andWhere('a.target_type = :tt', { tt: f.targetType });
    if (f?.targetId) qb.andWhere('a.target_id = :ti', { ti: f.targetId });
    if (f?.from) qb.andWhere('a.created_at >= :from', { from: f.from });
    if (f?.to) qb.andWhere('a.created_at < :to', { to: f.to });
    const total = await qb.getCount();
    const rows = await qb.orderBy('a.id', 'DESC').offset(p.offset).limit(p.limit).getMany();
    const ids = [...new Set(rows.map((r) => r.actorUserId).filter((x): x is number => x != null))];
    const names = new Map<number, string>(
      ids.length
        ? (
            (await this.ds.query('SELECT id, display_name FROM app_user WHERE id IN (?)', [ids])) as {
              id: number;
              display_name: string;
            }[]
          ).map((u) => [Number(u.id), u.display_name])
        : [],
    );
    return {
      items: rows.map((r) =>
        toAuditEventModel({ ...r, actorName: r.actorUserId ? (names.get(r.actorUserId) ?? null) : null }),
      ),
      total,
      offset: p.offset,
      limit: p.limit,
    };
  }
}
