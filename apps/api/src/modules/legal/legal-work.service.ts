import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  Actor,
  AppError,
  CaseEntity,
  Clock,
  escapeLike,
  LegalConsultationEntity,
  LitigationStatus,
  LitigationSupportEntity,
} from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';
import { msLeft, TIME_LEFT_ORDER, unionPage } from '../workroom/work-queue';
import { LegalArchiveEntryModel, LegalItemKind, LegalWorkItemModel, LegalWorkQueueSort } from './legal.model';
import { LegalScope } from './legal-scope.service';

const KEYWORD_MAX = 100;
const AWAITING_ANSWER = 'AWAITING_ANSWER';

interface Row {
  kind: LegalItemKind;
  id: string;
  unitId: string;
  caseId: string | null;
  caseNo: string | null;
  title: string;
  result: string | null;
  status: string;
  at: Date;
  dueAt: Date | null;
  overdue: number | string | null;
}

const ORDER: Record<LegalWorkQueueSort, string> = {
  // Overdue and nearest deadlines first; items without a deadline last, oldest first.
  [LegalWorkQueueSort.TIME_LEFT_ASC]: `${TIME_LEFT_ORDER('q.dueAt')}, q.at ASC, q.kind ASC, q.id ASC`,
  [LegalWorkQueueSort.TIME_LEFT_DESC]: 'q.dueAt IS NULL, q.dueAt DESC, q.at ASC, q.kind ASC, q.id ASC',
  [LegalWorkQueueSort.OLDEST_FIRST]: 'q.at ASC, q.kind ASC, q.id ASC',
};

/**
 * 法律服务档案 (search across consultations and litigation supports) and the workroom's work queue.
 * Both read the two tables as one list (unionPage: UNION ALL of two scoped queries) with an exact total.
 */
@Injectable()
export class LegalWorkService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly clock: Clock,
  ) {}

  async archive(
    actor: Actor,
    keyword: string | null | undefined,
    kind: LegalItemKind | null | undefined,
    page: PageInput,
  ): Promise<Page<LegalArchiveEntryModel>> {
    const kw = keyword?.trim() ?? '';
    if (Array.from(kw).length > KEYWORD_MAX) throw AppError.badInput('keyword', `关键词最多 ${KEYWORD_MAX} 个字符`);
    const like = `%${escapeLike(kw)}%`;
    const parts: SelectQueryBuilder<ObjectLiteral>[] = [];
    if (kind !== LegalItemKind.LITIGATION) {
      const qb = this.consultations(actor);
      if (kw) {
        qb.andWhere(
          '(lc.question LIKE :kw OR lc.answer LIKE :kw OR lc.laws_cited LIKE :kw OR lc.asker_name LIKE :kw OR c.case_no LIKE :kw OR c.respondent_name LIKE :kw)',
          { kw: like },
        );
      }
      parts.push(qb);
    }
    if (kind !== LegalItemKind.CONSULTATION) {
      const qb = this.litigations(actor);
      if (kw)
        qb.andWhere(
          '(ls.request LIKE :kw OR ls.court LIKE :kw OR ls.outcome LIKE :kw OR c.case_no LIKE :kw OR c.respondent_name LIKE :kw)',
          { kw: like },
        );
      parts.push(qb);
    }
    const { rows, total } = await unionPage<Row>(this.ds.manager, parts, 'q.at DESC, q.kind ASC, q.id DESC', page);
    return {
      items: rows.map((r) => ({
        kind: r.kind,
        id: String(r.id),
        unitId: String(r.unitId),
        caseId: r.caseId == null ? null : String(r.caseId),
        caseNo: r.caseNo,
        title: r.title,
        result: r.result,
        status: r.status,
        at: r.at,
      })),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  /** Open items of the actor's own legal workroom (or station): unanswered consultations, litigation supports not closed. */
  async workQueue(actor: Actor, sort: LegalWorkQueueSort, page: PageInput): Promise<Page<LegalWorkItemModel>> {
    const home = await this.scope.homeOf(actor.unitId);
    const consultations = this.consultations(actor).andWhere('lc.unit_id = :homeId AND lc.answer IS NULL', {
      homeId: home.id,
    });
    const litigations = this.litigations(actor).andWhere('ls.unit_id = :homeId AND ls.status <> :closed', {
      homeId: home.id,
      closed: LitigationStatus.CLOSED,
    });
    const { rows, total } = await unionPage<Row>(
      this.ds.manager,
      [consultations, litigations],
      ORDER[sort] ?? ORDER.TIME_LEFT_ASC,
      page,
    );
    const now = this.clock.now();
    return {
      items: rows.map((r) => {
        const timeLeftMs = msLeft(r.dueAt, now);
        return {
          kind: r.kind,
          id: String(r.id),
          unitId: String(r.unitId),
          caseId: r.caseId == null ? null : String(r.caseId),
          caseNo: r.caseNo,
          title: r.title,
          status: r.status,
          since: r.at,
          dueAt: r.dueAt,
          timeLeftMs,
          overdue: Number(r.overdue ?? 0) === 1 || (timeLeftMs != null && timeLeftMs < 0),
        };
      }),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  private consultations(actor: Actor): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.ds
      .createQueryBuilder()
      .from(LegalConsultationEntity, 'lc')
      .leftJoin(CaseEntity, 'c', 'c.id = lc.case_id')
      .select(
        columns(
          `'${LegalItemKind.CONSULTATION}'`,
          'lc.id',
          'lc.unit_id',
          'lc.case_id',
          'lc.question',
          'lc.answer',
          `IF(lc.answer IS NULL, '${AWAITING_ANSWER}', 'ANSWERED')`,
          'lc.asked_at',
        ),
      );
    return this.scope.scope(qb, actor, 'lc');
  }

  private litigations(actor: Actor): SelectQueryBuilder<ObjectLiteral> {
    const qb = this.ds
      .createQueryBuilder()
      .from(LitigationSupportEntity, 'ls')
      .innerJoin(CaseEntity, 'c', 'c.id = ls.case_id')
      .select(
        columns(
          `'${LegalItemKind.LITIGATION}'`,
          'ls.id',
          'ls.unit_id',
          'ls.case_id',
          'ls.request',
          'ls.outcome',
          'ls.status',
          'ls.requested_at',
        ),
      );
    return this.scope.scope(qb, actor, 'ls');
  }
}

// One select list in a fixed order: a UNION matches columns by position, and TypeORM reorders
// separately added selections.
function columns(
  kind: string,
  id: string,
  unitId: string,
  caseId: string,
  title: string,
  result: string,
  status: string,
  at: string,
): string {
  return [
    `${kind} AS kind`,
    `${id} AS id`,
    `${unitId} AS unitId`,
    `${caseId} AS caseId`,
    'c.case_no AS caseNo',
    `${title} AS title`,
    `${result} AS result`,
    `${status} AS status`,
    `${at} AS at`,
    'c.due_at AS dueAt',
    'c.overdue AS overdue',
  ].join(', ');
}
