import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { allowedActions, AllowedAction, CaseFlag, Permission } from '@weiquan/shared';
import {
  Actor,
  CaseAccess,
  CaseDispatchEntity,
  CaseEntity,
  CaseEventEntity,
  CaseEventWriter,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  CaseLifecycleService,
  escapeLike,
  keywordMatches,
  keywordMatchSql,
  AppError,
  ErrorCode,
  countCases,
  CONFIDENTIAL_SQL,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { CaseFilter } from './case.input';
import { CaseQueue, CaseSort } from './case-enums.graphql';
import { CaseSearchService, KeywordListShape } from './case-search.service';

const YEAR_MS = 365 * 86_400_000;
const FLAG_COLUMN: Readonly<Record<CaseFlag, string>> = {
  MAJOR_URGENT: 'major_urgent',
  GROUP_COMPLAINT: 'group_complaint',
  MEDIA_ATTENTION: 'media_attention',
};

/** Filters the per-unit counters (case_count, kept by triggers) answer exactly; any other filter counts rows. */
const COUNTER_FILTERS: ReadonlySet<string> = new Set(['unitId', 'open', 'states', 'kinds', 'sort']);
const countableByCounters = (f: CaseFilter): boolean =>
  Object.entries(f).every(
    ([k, v]) => COUNTER_FILTERS.has(k) || v === undefined || v === null || (Array.isArray(v) && v.length === 0),
  );

@Injectable()
export class CaseQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: CaseAccess,
    private readonly lifecycle: CaseLifecycleService,
    private readonly orgUnits: OrgUnitService,
    private readonly events: CaseEventWriter,
    private readonly search: CaseSearchService,
  ) {}

  /** The console's list: scope first (one helper), then filters, exact total, one page. */
  async list(
    actor: Actor,
    f: CaseFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<CaseEntity> & { totalIsLowerBound: boolean }> {
    if (f.keyword || f.consumerAddress || f.respondent) await this.search.catchUp();
    const qb = this.ds.getRepository(CaseEntity).createQueryBuilder('c');
    this.access.scope(qb, actor);
    let unitPath: string | null = null;
    if (f.unitId) {
      const unit = await this.orgUnits.getVisible(actor, parseId(f.unitId, 'filter.unitId'), 'filter.unitId');
      unitPath = unit.path;
      qb.andWhere('c.owner_path LIKE :unitPath', { unitPath: `${escapeLike(unit.path)}%` });
    }
    if (f.open !== undefined && f.open !== null) qb.andWhere('c.is_open = :open', { open: f.open });
    if (f.kinds?.length) qb.andWhere('c.kind IN (:...kinds)', { kinds: f.kinds });
    if (f.states?.length) qb.andWhere('c.state IN (:...states)', { states: f.states });
    if (f.channels?.length) qb.andWhere('c.channel IN (:...channels)', { channels: f.channels });
    if (f.receivedFrom) qb.andWhere('c.received_at >= :rf', { rf: f.receivedFrom });
    if (f.receivedTo) qb.andWhere('c.received_at < :rt', { rt: f.receivedTo });
    if (f.overdue !== undefined && f.overdue !== null) qb.andWhere('c.overdue = :overdue', { overdue: f.overdue });
    if (f.handlerId) qb.andWhere('c.handler_id = :handlerId', { handlerId: parseId(f.handlerId, 'filter.handlerId') });
    if (f.queue === CaseQueue.MINE) {
      qb.andWhere('c.is_open = 1 AND (c.handler_id = :me OR (c.registered_by_id = :me AND c.handler_id IS NULL))', {
        me: actor.id,
      });
    }
    if (f.flags?.length) {
      // Any of the flags: each is a boolean column of the case.
      const cols = f.flags.map((fl) => FLAG_COLUMN[fl]).filter(Boolean);
      if (cols.length) qb.andWhere(`(${cols.map((col) => `c.${col} = 1`).join(' OR ')})`);
    }
    // 保密 (issue 11, 2.12): who may not unmask the consumer cannot look a case up by what is masked for it.
    const unmask = actor.permissions.has(Permission.CASE_UNMASK);
    if (f.consumerPhone && !unmask)
      throw new AppError(ErrorCode.FORBIDDEN, '无权按消费者电话查询', 'filter.consumerPhone');
    if ((f.consumerName || f.consumerAddress) && !unmask) qb.andWhere(`NOT ${CONFIDENTIAL_SQL('c')}`);
    if (f.consumerPhone) qb.andWhere('c.consumer_phone = :phone', { phone: f.consumerPhone.replace(/[\s-]/g, '') });
    // Lookups across cases (issue 18, item 3): phone and name are exact, on their B-tree indexes; an
    // address or a business is found by any part of it, through the search engine's bigram index (the
    // fields are in case_search's documents), then checked against the column itself.
    if (f.consumerAddress) {
      engineHits(qb, true, f.consumerAddress);
      qb.andWhere('c.consumer_address LIKE :addr', { addr: `%${escapeLike(f.consumerAddress)}%` });
    }
    if (f.consumerName) qb.andWhere('c.consumer_name = :cname', { cname: f.consumerName });
    if (f.respondent) {
      engineHits(qb, false, f.respondent);
      qb.andWhere('(c.respondent_name LIKE :resp OR c.respondent_credit_code = :respCode)', {
        resp: `%${escapeLike(f.respondent)}%`,
        respCode: f.respondent.toUpperCase(),
      });
    }
    switch (f.sort ?? CaseSort.RECEIVED_DESC) {
      case CaseSort.RECEIVED_ASC:
        qb.orderBy('c.receivedAt', 'ASC').addOrderBy('c.id', 'ASC');
        break;
      case CaseSort.DUE_ASC:
        qb.orderBy('c.dueAt IS NULL', 'ASC').addOrderBy('c.dueAt', 'ASC').addOrderBy('c.id', 'ASC');
        break;
      case CaseSort.UPDATED_DESC:
        qb.orderBy('c.updatedAt', 'DESC').addOrderBy('c.id', 'DESC');
        break;
      default:
        qb.orderBy('c.receivedAt', 'DESC').addOrderBy('c.id', 'DESC');
    }
    const found = f.keyword
      ? await this.search.page(qb, actor, f.keyword, page.offset, page.limit, keywordListShape(f, unitPath))
      : null;
    if (found) return { ...found, offset: page.offset, limit: page.limit };
    // The exact total is the costly half of a first page over a large subtree: read it from the counters.
    const total = countableByCounters(f)
      ? countCases(this.ds.manager, actor, { unitPath, open: f.open ?? undefined, states: f.states, kinds: f.kinds })
      : qb.getCount();
    const fast = await this.openPageByUnits(actor, f, unitPath, page);
    const [items, n] = await Promise.all([fast ?? qb.clone().offset(page.offset).limit(page.limit).getMany(), total]);
    return { items, total: n, totalIsLowerBound: false, offset: page.offset, limit: page.limit };
  }

  /** Which of these case ids the actor may see (e.g. a 疑似重复件 link). */
  async visibleIds(actor: Actor, ids: readonly string[]): Promise<Set<string>> {
    if (!ids.length) return new Set();
    const qb = this.ds.getRepository(CaseEntity).createQueryBuilder('c').select('c.id', 'id');
    this.access.scope(qb, actor).andWhere('c.id IN (:...ids)', { ids });
    return new Set((await qb.getRawMany<{ id: string }>()).map((r) => String(r.id)));
  }

  /**
   * The open cases of a subtree, newest first, read unit by unit. One scan of the global
   * (is_open, received_at) index walks past every newer case outside the subtree — thousands when the
   * city's desk has just registered a batch — while each unit's own (owner_unit_id, is_open, received_at)
   * index yields its newest rows at once; the top rows of the few units of a county are merged here.
   * Visibility is unchanged: a case is visible when its owning unit is (owner_path is that unit's path).
   * Only for the default list (open, newest first, optionally a unit) on the first pages; null otherwise.
   */
  private async openPageByUnits(
    actor: Actor,
    f: CaseFilter,
    unitPath: string | null,
    page: PageInput,
  ): Promise<CaseEntity[] | null> {
    const onlyScope = Object.entries(f).every(
      ([k, v]) =>
        ['unitId', 'open', 'sort'].includes(k) || v === undefined || v === null || (Array.isArray(v) && v.length === 0),
    );
    const newestFirst = (f.sort ?? CaseSort.RECEIVED_DESC) === CaseSort.RECEIVED_DESC;
    const n = page.offset + page.limit;
    if (!onlyScope || f.open !== true || !newestFirst || n > 200 || (actor.scope.type === 'ALL' && !unitPath))
      return null;
    const units = (await this.orgUnits.listVisible(actor)).filter((u) => !unitPath || u.path.startsWith(unitPath));
    if (!units.length || units.length > 100) return units.length ? null : [];
    const branch =
      '(SELECT id, received_at FROM wq_case WHERE owner_unit_id = ? AND is_open = 1 ORDER BY received_at DESC, id DESC LIMIT ?)';
    const rows: { id: string }[] = await this.ds.query(
      `SELECT t.id FROM (${units.map(() => branch).join(' UNION ALL ')}) t ORDER BY t.received_at DESC, t.id DESC LIMIT ? OFFSET ?`,
      [...units.flatMap((u) => [u.id, n]), page.limit, page.offset],
    );
    if (!rows.length) return [];
    const byId = new Map(
      (await this.ds.getRepository(CaseEntity).findBy({ id: In(rows.map((r) => String(r.id))) })).map((c) => [c.id, c]),
    );
    return rows.map((r) => byId.get(String(r.id))).filter((c): c is CaseEntity => !!c);
  }

  get(actor: Actor, id: string): Promise<CaseEntity> {
    return this.access.getReadable(actor, id);
  }

  byNo(actor: Actor, caseNo: string): Promise<CaseEntity> {
    return this.access.getReadableByNo(actor, caseNo);
  }

  timeline(caseIds: readonly string[]): Promise<CaseEventEntity[]> {
    return this.ds
      .getRepository(CaseEventEntity)
      .createQueryBuilder('e')
      .where('e.case_id IN (:...ids)', { ids: caseIds })
      .orderBy('e.id')
      .getMany();
  }

  dispatches(caseId: string) {
    return this.ds.getRepository(CaseDispatchEntity).find({ where: { caseId }, order: { hop: 'ASC' } });
  }
  extensions(caseId: string) {
    return this.ds.getRepository(CaseExtensionEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  }
  followUps(caseId: string) {
    return this.ds.getRepository(CaseFollowUpEntity).find({ where: { caseId }, order: { attempt: 'ASC' } });
  }

  /** The buttons the console shows for this actor now, from the same table the server enforces. */
  async allowed(actor: Actor, c: CaseEntity): Promise<AllowedAction[]> {
    return allowedActions(await this.lifecycle.guardContext(this.ds.manager, actor, c));
  }

  /** 职业索赔迹象: several complainants sharing one phone number or address (across all units). */
  async sharedContactSignal(c: CaseEntity, now: Date) {
    const count = async (col: string, value: string | null) => {
      if (!value) return 0;
      const [row] = await this.ds.query(`SELECT COUNT(DISTINCT consumer_name) AS n FROM wq_case WHERE ${col} = ?`, [
        value,
      ]);
      return Number(row.n);
    };
    const [namesSharingPhone, namesSharingAddress, recent] = await Promise.all([
      count('consumer_phone', c.consumerPhone),
      count('consumer_address', c.consumerAddress),
      c.consumerPhone
        ? this.ds.query('SELECT COUNT(*) AS n FROM wq_case WHERE consumer_phone = ? AND received_at >= ?', [
            c.consumerPhone,
            new Date(now.getTime() - YEAR_MS),
          ])
        : Promise.resolve([{ n: 0 }]),
    ]);
    return { namesSharingPhone, namesSharingAddress, casesWithPhoneLastYear: Number(recent[0].n) };
  }

  /** Full consumer details for roles that need them; the look is itself recorded on the case. */
  async unmask(actor: Actor, caseId: string, reason: string): Promise<CaseEntity> {
    const c = await this.access.getVisible(actor, caseId, { field: 'input.caseId' });
    const mayUnmask =
      actor.permissions.has('case.unmask') ||
      (actor.kind === 'USER' && (c.handlerId === actor.id || c.registeredById === actor.id));
    if (!mayUnmask) throw AppError.forbidden('无权查看完整的消费者信息');
    await this.ds.transaction((m) =>
      this.events.append(m, actor, { caseId: c.id, action: 'unmaskConsumer', note: reason }),
    );
    return c;
  }
}

/** Only cases whose search document contains every word of a lookup (the caller checks the column too). */
function engineHits(qb: SelectQueryBuilder<CaseEntity>, withIdentity: boolean, text: string): void {
  const matches = keywordMatches(text, withIdentity);
  if (!matches.length) return;
  const hits = keywordMatchSql(matches, `lk${Object.keys(qb.getParameters()).length}_`);
  qb.andWhere(hits.sql, hits.params);
}

/** Filters the search engine applies itself (CaseSearchService); any other one keeps the list in SQL. */
const ENGINE_FILTERS = new Set(['keyword', 'unitId', 'open', 'sort']);

function keywordListShape(f: CaseFilter, unitPath: string | null): KeywordListShape | null {
  const sort = f.sort ?? CaseSort.RECEIVED_DESC;
  if (sort !== CaseSort.RECEIVED_DESC && sort !== CaseSort.RECEIVED_ASC) return null;
  const other = Object.entries(f).some(
    ([k, v]) => !ENGINE_FILTERS.has(k) && v !== undefined && v !== null && !(Array.isArray(v) && !v.length),
  );
  return other ? null : { unitPath, open: f.open ?? null, ascending: sort === CaseSort.RECEIVED_ASC };
}
