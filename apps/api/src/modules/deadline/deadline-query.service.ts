import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  applyOrgScope,
  CalendarService,
  CaseDeadlineEntity,
  Clock,
  dueOf,
  escapeLike,
  ViolationEntity,
  chargeExplanation,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { OrgUnitService } from '../org-unit/org-unit.service';
import {
  CaseDeadlineModel,
  StaffViolationSummaryModel,
  UnitViolationSummaryModel,
  ViolationModel,
} from './deadline.model';

/** 违诺 consequences per staff member per year (domain page): the system counts, people decide. */
export const CONSEQUENCES = ['', '向消费者赔礼道歉并批评教育', '通报批评', '效能告诫或调离岗位'];

@Injectable()
export class DeadlineQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly orgUnits: OrgUnitService,
    private readonly clock: Clock,
  ) {}

  async forCases(caseIds: readonly string[]): Promise<Map<string, CaseDeadlineModel[]>> {
    const rows = await this.ds
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .where('d.case_id IN (:...ids)', { ids: caseIds })
      .orderBy('d.id')
      .getMany();
    const names = await this.ruleNames(rows);
    const models = await Promise.all(rows.map((d) => this.toModel(d, names)));
    const out = new Map<string, CaseDeadlineModel[]>(caseIds.map((id) => [id, []]));
    for (const m of models) out.get(m.caseId)?.push(m);
    return out;
  }

  /** Running deadlines due within `hours`, or breached ones still open, in the actor's scope. */
  async list(
    actor: Actor,
    f: { unitId?: string; overdue?: boolean; withinHours?: number },
    page: PageInput,
  ): Promise<Page<CaseDeadlineModel>> {
    const qb = this.ds
      .getRepository(CaseDeadlineEntity)
      .createQueryBuilder('d')
      .innerJoin('wq_case', 'c', 'c.id = d.case_id');
    applyOrgScope(qb, actor, { path: 'c.owner_path', unitId: 'c.owner_unit_id' });
    if (f.unitId) {
      const unit = await this.orgUnits.getVisible(actor, parseId(f.unitId, 'unitId'), 'unitId');
      qb.andWhere('c.owner_path LIKE :p', { p: `${escapeLike(unit.path)}%` });
    }
    if (f.overdue) qb.andWhere("d.status = 'BREACHED' AND d.stopped_at IS NULL");
    else {
      // Due soon means not yet due: a past-due clock belongs to 已超期, not to this panel.
      const now = this.clock.now();
      const until = new Date(now.getTime() + (f.withinHours ?? 48) * 3_600_000);
      qb.andWhere("d.status = 'RUNNING' AND d.due_at > :now AND d.due_at <= :until", { now, until });
    }
    qb.orderBy('d.due_at', 'ASC').addOrderBy('d.id', 'ASC');
    const [rows, total] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    const names = await this.ruleNames(rows);
    // Lists show the case number beside each clock: one lookup for the page, not one request per row.
    const caseNos = await this.caseNos(rows);
    return {
      items: await Promise.all(
        rows.map(async (d) => ({ ...(await this.toModel(d, names)), caseNo: caseNos.get(d.caseId) ?? null })),
      ),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  async violations(
    actor: Actor,
    f: { year?: number; unitId?: string; userId?: string },
    page: PageInput,
  ): Promise<Page<ViolationModel>> {
    const qb = this.ds
      .getRepository(ViolationEntity)
      .createQueryBuilder('v')
      .innerJoin('wq_case', 'c', 'c.id = v.case_id')
      .leftJoin('app_user', 'u', 'u.id = v.user_id');
    applyOrgScope(qb, actor, { path: 'v.unit_path', unitId: 'v.unit_id' });
    if (f.year) qb.andWhere('v.year = :year', { year: f.year });
    if (f.userId) qb.andWhere('v.user_id = :uid', { uid: parseId(f.userId, 'filter.userId') });
    if (f.unitId) {
      const unit = await this.orgUnits.getVisible(actor, parseId(f.unitId, 'filter.unitId'), 'filter.unitId');
      qb.andWhere('v.unit_path LIKE :p', { p: `${escapeLike(unit.path)}%` });
    }
    const total = await qb.getCount();
    const rows = await qb
      .select([
        'v.id AS id',
        'v.case_id AS caseId',
        'c.case_no AS caseNo',
        'v.rule_code AS ruleCode',
        'v.user_id AS userId',
        'u.display_name AS userName',
        'v.unit_id AS unitId',
        'v.year AS year',
        'v.occurred_at AS occurredAt',
      ])
      .orderBy('v.occurred_at', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany();
    return {
      items: rows.map((r) => ({
        ...r,
        id: String(r.id),
        caseId: String(r.caseId),
        userId: r.userId == null ? null : String(r.userId),
        unitId: String(r.unitId),
        year: Number(r.year),
      })),
      total,
      offset: page.offset,
      limit: page.limit,
    };
  }

  async staffSummary(actor: Actor, year: number): Promise<StaffViolationSummaryModel[]> {
    const qb = this.ds
      .getRepository(ViolationEntity)
      .createQueryBuilder('v')
      .innerJoin('app_user', 'u', 'u.id = v.user_id')
      .where('v.year = :year', { year });
    applyOrgScope(qb, actor, { path: 'v.unit_path', unitId: 'v.unit_id' });
    const rows = await qb
      .select(['v.user_id AS userId', 'u.display_name AS userName', 'u.unit_id AS unitId', 'COUNT(*) AS n'])
      .groupBy('v.user_id')
      .addGroupBy('u.display_name')
      .addGroupBy('u.unit_id')
      .orderBy('n', 'DESC')
      .getRawMany();
    return rows.map((r) => {
      const count = Number(r.n);
      const level = Math.min(count, 3);
      return {
        userId: String(r.userId),
        userName: r.userName,
        unitId: String(r.unitId),
        year,
        count,
        level,
        consequence: CONSEQUENCES[level],
      };
    });
  }

  async unitSummary(actor: Actor, year: number): Promise<UnitViolationSummaryModel[]> {
    const qb = this.ds
      .getRepository(ViolationEntity)
      .createQueryBuilder('v')
      .innerJoin('org_unit', 'o', 'o.id = v.unit_id')
      .where('v.year = :year', { year });
    applyOrgScope(qb, actor, { path: 'v.unit_path', unitId: 'v.unit_id' });
    const rows = await qb
      .select(['v.unit_id AS unitId', 'o.name AS unitName', 'COUNT(*) AS n'])
      .groupBy('v.unit_id')
      .addGroupBy('o.name')
      .orderBy('n', 'DESC')
      .getRawMany();
    return rows.map((r) => ({ unitId: String(r.unitId), unitName: r.unitName, year, count: Number(r.n) }));
  }

  private async caseNos(rows: CaseDeadlineEntity[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.caseId))];
    if (!ids.length) return new Map();
    const found: { id: string | number; case_no: string }[] = await this.ds.query(
      'SELECT id, case_no FROM wq_case WHERE id IN (?)',
      [ids],
    );
    return new Map(found.map((c) => [String(c.id), c.case_no]));
  }

  private async ruleNames(rows: CaseDeadlineEntity[]): Promise<Map<number, string>> {
    const ids = [...new Set(rows.map((r) => r.ruleId))];
    if (!ids.length) return new Map();
    const rules: { id: number; name: string }[] = await this.ds.query(
      'SELECT id, name FROM deadline_rule WHERE id IN (?)',
      [ids],
    );
    return new Map(rules.map((r) => [Number(r.id), r.name]));
  }

  private async toModel(d: CaseDeadlineEntity, names: Map<number, string>): Promise<CaseDeadlineModel> {
    const cal = await this.calendar.current();
    const { explanation } = dueOf(cal, d);
    const now = this.clock.now().getTime();
    return {
      id: d.id,
      caseId: d.caseId,
      ruleCode: d.ruleCode,
      ruleName: names.get(d.ruleId) ?? d.ruleCode,
      layer: d.layer,
      ruleSetCode: d.ruleSetCode,
      ruleSetVersion: d.ruleSetVersion,
      status: d.status,
      roundKey: d.roundKey,
      startedAt: d.startedAt,
      dueAt: d.dueAt,
      remainingMs: d.dueAt && (d.status === 'RUNNING' || d.status === 'BREACHED') ? d.dueAt.getTime() - now : null,
      amount: d.amount,
      unit: d.unit,
      extendedAmount: d.extendedAmount,
      responsibleUnitId: String(d.responsibleUnitId),
      responsibleUserId: d.responsibleUserId == null ? null : String(d.responsibleUserId),
      breachedAt: d.breachedAt,
      stoppedAt: d.stoppedAt,
      explanation: JSON.stringify({
        ...explanation,
        rule: { code: d.ruleCode, name: names.get(d.ruleId), set: d.ruleSetCode, version: d.ruleSetVersion },
        calendarVersionAtStart: d.calendarVersion,
        calendarVersionNow: cal.version,
        extendedAmount: d.extendedAmount,
        charge: { rule: chargeExplanation(d), reason: d.chargeNote, note: d.note },
      }),
    };
  }
}
