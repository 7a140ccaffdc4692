import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AppError, AuditWriter, canSeeUnitPath, Clock, escapeLike, withTransaction } from '@weiquan/core';
import { parseId } from '../../common/ids';
import type { PageInput } from '../../common/paging';

export const SuggestionStatus = { OPEN: 'OPEN', ANSWERED: 'ANSWERED' } as const;
export type SuggestionStatus = (typeof SuggestionStatus)[keyof typeof SuggestionStatus];

interface Row {
  id: string;
  centerName: string;
  centerPath: string;
  content: string;
  contact: string | null;
  receivedAt: Date;
  handledAt: Date | null;
  handledByName: string | null;
  handlingNote: string | null;
}

/**
 * 意见箱 as a tracked item: the messages of the centers in the actor's scope, open ones first, and the
 * director's answer (who, when, what), given once (a second answer is a CONFLICT) and audited.
 */
@Injectable()
export class PublicSuggestionAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, status: SuggestionStatus | null, page: PageInput) {
    const qb = this.base();
    const s = actor.scope;
    if (s.type === 'SUBTREE') qb.andWhere('u.path LIKE :prefix', { prefix: `${escapeLike(s.pathPrefix)}%` });
    if (s.type === 'UNIT') qb.andWhere('u.id = :unitId', { unitId: s.unitId });
    if (status === 'OPEN') qb.andWhere('s.handled_at IS NULL');
    if (status === 'ANSWERED') qb.andWhere('s.handled_at IS NOT NULL');
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string }>())?.n ?? 0);
    const rows = await qb
      .orderBy('s.handled_at IS NULL', 'DESC')
      .addOrderBy('s.received_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany<Row>();
    return { total, offset: page.offset, limit: page.limit, items: rows.map(item) };
  }

  async answer(actor: Actor, rawId: string, note: string) {
    const id = parseId(rawId, 'input.id');
    const text = note.trim();
    if (!text) throw AppError.badInput('input.note', '请填写答复或办理情况');
    await withTransaction(this.ds, async (m) => {
      const [row] = (await m.query(
        `SELECT s.id, s.handled_at AS handledAt, u.id AS unitId, u.path FROM public_suggestion s
         JOIN org_unit u ON u.id = s.center_id WHERE s.id = ? FOR UPDATE`,
        [id],
      )) as { id: string; handledAt: Date | null; unitId: number; path: string }[];
      if (!row || !canSeeUnitPath(actor, row.path, Number(row.unitId))) throw AppError.notFound('留言', 'input.id');
      if (row.handledAt) throw AppError.conflict('该留言已答复', 'input.id');
      await m.query('UPDATE public_suggestion SET handled_at = ?, handled_by_id = ?, handling_note = ? WHERE id = ?', [
        this.clock.now(),
        actor.id,
        text,
        id,
      ]);
      await this.audit.record(
        m,
        actor,
        'publicSuggestion.answer',
        { type: 'org_unit', id: Number(row.unitId) },
        {
          suggestionId: id,
        },
      );
    });
    const fresh = await this.base().andWhere('s.id = :id', { id }).getRawOne<Row>();
    return item(fresh!);
  }

  private base() {
    return this.ds
      .createQueryBuilder()
      .from('public_suggestion', 's')
      .innerJoin('org_unit', 'u', 'u.id = s.center_id')
      .leftJoin('app_user', 'h', 'h.id = s.handled_by_id')
      .select([
        's.id AS id',
        'u.name AS centerName',
        'u.path AS centerPath',
        's.content AS content',
        's.contact AS contact',
        's.received_at AS receivedAt',
        's.handled_at AS handledAt',
        'h.display_name AS handledByName',
        's.handling_note AS handlingNote',
      ])
      .where('1 = 1');
  }
}

function item(r: Row) {
  return {
    id: String(r.id),
    centerName: r.centerName,
    content: r.content,
    contact: r.contact,
    receivedAt: r.receivedAt,
    status: r.handledAt ? SuggestionStatus.ANSWERED : SuggestionStatus.OPEN,
    handledAt: r.handledAt,
    handledByName: r.handledByName,
    handlingNote: r.handlingNote,
  };
}
