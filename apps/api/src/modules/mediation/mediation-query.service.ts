import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { OrgUnitType, WorkroomCode } from '@weiquan/shared';
import {
  Actor,
  CaseAccess,
  CaseEntity,
  Clock,
  MediationAgreementEntity,
  MediationSessionEntity,
  OrgUnitEntity,
  SiteInvestigationEntity,
  TestingCommissionEntity,
} from '@weiquan/core';
import type { Page, PageInput } from '../../common/paging';
import { msLeft } from '../workroom/work-queue';
import { MediationQueueSort } from './mediation.enums';

export interface StaffRef {
  userId: string;
  name: string;
}
export interface SessionView {
  session: MediationSessionEntity;
  staff: StaffRef[];
}
export interface InvestigationView {
  investigation: SiteInvestigationEntity;
  staff: StaffRef[];
}
export interface QueueRow {
  c: CaseEntity;
  dueAt: Date | null;
  timeLeftMs: number | null;
  overdue: boolean;
  suspended: boolean;
  sessionCount: number;
  runningTestingCount: number;
  openAgreementCount: number;
}

/** Cases the 维权服务 workroom (or a station) has in hand: dispatched to it and not yet concluded. */
const QUEUE_STATES = ['DISPATCHED', 'IN_PROGRESS', 'SUSPENDED'];
const STATIONS: readonly string[] = [
  OrgUnitType.TOWNSHIP_STATION,
  OrgUnitType.VILLAGE_STATION,
  OrgUnitType.ENTERPRISE_STATION,
];

/**
 * Reads of the workroom's records. Per-case lists take case ids the caller has already checked
 * (through CaseAccess or a Case the actor was given); the work queue applies the case scope itself.
 */
@Injectable()
export class MediationQueryService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly cases: CaseAccess,
    private readonly clock: Clock,
  ) {}

  /**
   * The case, if readable (NOT_FOUND on `caseId` otherwise), for a per-case list: a unit that handled the
   * case keeps sight of its own records after the hop ended and after conclusion (CaseAccess.getReadable).
   */
  async readableCaseId(actor: Actor, caseId: string): Promise<string> {
    return (await this.cases.getReadable(actor, caseId, 'caseId')).id;
  }

  async sessions(
    caseIds: readonly string[],
    m: EntityManager = this.ds.manager,
    ids?: readonly string[],
  ): Promise<SessionView[]> {
    const where = ids ? { id: In([...ids]) } : { caseId: In([...caseIds]) };
    if (!(ids ?? caseIds).length) return [];
    const rows = await m.find(MediationSessionEntity, { where, order: { heldAt: 'ASC', id: 'ASC' } });
    const staff = await this.staffOf(
      m,
      'mediation_session_staff',
      'session_id',
      rows.map((r) => r.id),
    );
    return rows.map((session) => ({ session, staff: staff.get(String(session.id)) ?? [] }));
  }

  async investigations(
    caseIds: readonly string[],
    m: EntityManager = this.ds.manager,
    ids?: readonly string[],
  ): Promise<InvestigationView[]> {
    const where = ids ? { id: In([...ids]) } : { caseId: In([...caseIds]) };
    if (!(ids ?? caseIds).length) return [];
    const rows = await m.find(SiteInvestigationEntity, { where, order: { investigatedAt: 'ASC', id: 'ASC' } });
    const staff = await this.staffOf(
      m,
      'site_investigation_staff',
      'investigation_id',
      rows.map((r) => r.id),
    );
    return rows.map((investigation) => ({ investigation, staff: staff.get(String(investigation.id)) ?? [] }));
  }

  async commissions(caseIds: readonly string[]): Promise<TestingCommissionEntity[]> {
    if (!caseIds.length) return [];
    return this.ds.manager.find(TestingCommissionEntity, {
      where: { caseId: In([...caseIds]) },
      order: { commissionedAt: 'ASC', id: 'ASC' },
    });
  }

  async agreements(caseIds: readonly string[]): Promise<MediationAgreementEntity[]> {
    if (!caseIds.length) return [];
    return this.ds.manager.find(MediationAgreementEntity, {
      where: { caseId: In([...caseIds]) },
      order: { signedAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * 工作队列: open cases held by the actor's station, or by the 维权服务工作室 of the actor's center
   * (for staff of the center or of any of its workrooms), within the actor's case scope. Sorted by
   * time left on the earliest running clock (wq_case.due_at, kept by the deadline engine); cases
   * with no running clock (all paused) come last.
   */
  async workQueue(actor: Actor, sort: MediationQueueSort, page: PageInput): Promise<Page<QueueRow>> {
    const units = await this.queueUnitIds(actor);
    if (!units.length) return { items: [], total: 0, offset: page.offset, limit: page.limit };
    const qb = this.ds.manager
      .createQueryBuilder(CaseEntity, 'c')
      .where('c.is_open = 1')
      .andWhere('c.state IN (:...queueStates)', { queueStates: QUEUE_STATES })
      .andWhere('c.assigned_unit_id IN (:...queueUnits)', { queueUnits: units });
    this.cases.scope(qb, actor, 'c');
    if (sort === MediationQueueSort.RECEIVED) qb.orderBy('c.receivedAt', 'ASC').addOrderBy('c.id', 'ASC');
    else
      qb.orderBy('c.dueAt IS NULL', 'ASC')
        .addOrderBy('c.dueAt', 'ASC')
        .addOrderBy('c.receivedAt', 'ASC')
        .addOrderBy('c.id', 'ASC');
    const [cases, total] = await Promise.all([
      qb.clone().offset(page.offset).limit(page.limit).getMany(),
      qb.getCount(),
    ]);
    const counts = await this.countsFor(cases.map((c) => c.id));
    const now = this.clock.now();
    const items = cases.map((c): QueueRow => {
      const n = counts.get(String(c.id));
      const timeLeftMs = msLeft(c.dueAt, now);
      return {
        c,
        dueAt: c.dueAt,
        timeLeftMs,
        overdue: c.overdue || (timeLeftMs != null && timeLeftMs < 0),
        suspended: c.state === 'SUSPENDED',
        sessionCount: n?.sessions ?? 0,
        runningTestingCount: n?.running ?? 0,
        openAgreementCount: n?.agreements ?? 0,
      };
    });
    return { items, total, offset: page.offset, limit: page.limit };
  }

  /** The station the actor works at, else the RIGHTS workroom of the actor's center. */
  private async queueUnitIds(actor: Actor): Promise<number[]> {
    if (actor.unitId <= 0) return [];
    const unit = await this.ds.manager.findOneBy(OrgUnitEntity, { id: actor.unitId });
    if (!unit) return [];
    if (STATIONS.includes(unit.type)) return [unit.id];
    const rooms = await this.ds.manager.findBy(OrgUnitEntity, {
      parentId: actor.actsFor.centerId,
      type: OrgUnitType.WORKROOM,
      workroom: WorkroomCode.RIGHTS,
    });
    return rooms.map((r) => r.id);
  }

  private async countsFor(
    caseIds: string[],
  ): Promise<Map<string, { sessions: number; running: number; agreements: number }>> {
    const out = new Map<string, { sessions: number; running: number; agreements: number }>();
    if (!caseIds.length) return out;
    const rows: { case_id: string; kind: string; n: string }[] = await this.ds.query(
      `SELECT case_id, 'sessions' AS kind, COUNT(*) AS n FROM mediation_session WHERE case_id IN (?) GROUP BY case_id
       UNION ALL SELECT case_id, 'running', COUNT(*) FROM testing_commission WHERE case_id IN (?) AND status = 'RUNNING' GROUP BY case_id
       UNION ALL SELECT case_id, 'agreements', COUNT(*) FROM mediation_agreement WHERE case_id IN (?) AND performance <> 'FULFILLED' GROUP BY case_id`,
      [caseIds, caseIds, caseIds],
    );
    for (const r of rows) {
      const key = String(r.case_id);
      const entry = out.get(key) ?? { sessions: 0, running: 0, agreements: 0 };
      entry[r.kind as 'sessions' | 'running' | 'agreements'] = Number(r.n);
      out.set(key, entry);
    }
    return out;
  }

  private async staffOf(
    m: EntityManager,
    table: 'mediation_session_staff' | 'site_investigation_staff',
    key: 'session_id' | 'investigation_id',
    ids: string[],
  ): Promise<Map<string, StaffRef[]>> {
    const out = new Map<string, StaffRef[]>();
    if (!ids.length) return out;
    const rows: { item_id: string; user_id: number; name: string }[] = await m.query(
      `SELECT x.${key} AS item_id, x.user_id, u.display_name AS name FROM ${table} x JOIN app_user u ON u.id = x.user_id WHERE x.${key} IN (?) ORDER BY x.${key}, u.id`,
      [ids],
    );
    for (const r of rows) {
      const list = out.get(String(r.item_id)) ?? [];
      list.push({ userId: String(r.user_id), name: r.name });
      out.set(String(r.item_id), list);
    }
    return out;
  }
}
