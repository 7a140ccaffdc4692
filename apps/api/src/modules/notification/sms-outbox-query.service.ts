import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, applyOrgScope, SmsOutboxEntity, SmsStatus } from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';

/**
 * The SMS outbox for administrators. Scoped through the case a message is about (the case's
 * owning unit), so an administrator with a county scope sees only that county's consumers;
 * messages without a case are visible with scope ALL only.
 */
@Injectable()
export class SmsOutboxQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(
    actor: Actor,
    filter: { status?: SmsStatus | null; caseId?: string | null },
    page: PageInput,
  ): Promise<Page<SmsOutboxEntity>> {
    const qb = this.ds.getRepository(SmsOutboxEntity).createQueryBuilder('s');
    if (actor.scope.type !== 'ALL') {
      qb.innerJoin('wq_case', 'c', 'c.id = s.case_id');
      applyOrgScope(qb, actor, { path: 'c.owner_path', unitId: 'c.owner_unit_id' });
    }
    if (filter.status) qb.andWhere('s.status = :status', { status: filter.status });
    if (filter.caseId) qb.andWhere('s.case_id = :caseId', { caseId: filter.caseId });
    const [items, total] = await qb.orderBy('s.id', 'DESC').skip(page.offset).take(page.limit).getManyAndCount();
    return { items, total, offset: page.offset, limit: page.limit };
  }
}
