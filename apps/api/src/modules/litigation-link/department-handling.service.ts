import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseState, toShanghaiDate } from '@weiquan/shared';
import {
  Actor,
  AppError,
  CaseEntity,
  CaseEventWriter,
  Clock,
  DepartmentDeadlineClock,
  DepartmentHandlingEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';

import { LitigationLinkAccess } from './litigation-link-access.service';
import { LitigationLinkError } from './litigation-link.exception';
import {
  CloseDepartmentHandlingInput,
  DepartmentHandlingFilter,
  StartDepartmentHandlingInput,
  UpdateDepartmentHandlingInput,
} from './litigation-link.input';
import { DepartmentHandlingView, LitigationLinkViews } from './litigation-link-views.service';

/** Joint handling or transfer happens while the case is being handled, before it is concluded. */
const HANDLING_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'ACCEPTED',
  'FILED',
  'DISPATCHED',
  'RETURNED',
  'IN_PROGRESS',
  'SUSPENDED',
]);

/**
 * 与政府其他行政部门消费维权联动协调 (seed 002 五.2) and 联办、移交 with an agreed deadline (五(一)5:
 * 共同协商提出办事时限). The agreed deadline is a clock of its own (DepartmentDeadlineClock).
 */
@Injectable()
export class DepartmentHandlingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LitigationLinkAccess,
    private readonly views: LitigationLinkViews,
    private readonly deadlines: DepartmentDeadlineClock,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  async start(actor: Actor, i: StartDepartmentHandlingInput): Promise<DepartmentHandlingView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const c = await this.access.caseForWrite(m, actor, i.caseId);
      if (!HANDLING_STATES.has(c.state)) throw LitigationLinkError.caseNotInHandling(c.state);
      const department = await this.access.agency(m, i.departmentId, 'DEPARTMENT', 'input.departmentId', '部门');
      this.assertFutureDay(i.agreedDeadline, 'input.agreedDeadline');
      if (
        await m.existsBy(DepartmentHandlingEntity, {
          caseId: c.id,
          departmentAgencyId: department.id,
          status: 'IN_PROGRESS',
        })
      )
        throw LitigationLinkError.departmentHandlingExists();
      const unit = await this.access.owningUnit(m, side);
      const now = this.clock.now();
      const res = await m.insert(DepartmentHandlingEntity, {
        caseId: c.id,
        departmentAgencyId: department.id,
        mode: i.mode,
        status: 'IN_PROGRESS',
        matter: i.matter.trim(),
        contactPerson: i.contactPerson?.trim() || null,
        contactPhone: i.contactPhone ?? null,
        agreedDeadline: i.agreedDeadline,
        deadlineId: null,
        result: null,
        unitId: unit.id,
        unitPath: unit.path,
        startedById: actor.id,
        startedAt: now,
        closedById: null,
        closedAt: null,
        updatedAt: now,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      // The case's handler answers for the agreed date; without one, whoever agreed it.
      const d = await this.deadlines.start(m, c, id, i.agreedDeadline, c.handlerId ?? actor.id);
      await m.update(DepartmentHandlingEntity, { id }, { deadlineId: d.id });
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'startDepartmentHandling',
        note: i.matter.trim(),
        detail: {
          handlingId: id,
          mode: i.mode,
          departmentId: department.id,
          department: department.name,
          agreedDeadline: i.agreedDeadline,
          deadlineId: d.id,
          dueAt: d.dueAt?.toISOString(),
        },
        at: now,
      });
      return this.one(m, id);
    });
  }

  /** Contact details, the matter, or a re-agreed deadline (the running clock moves with it). */
  async update(actor: Actor, i: UpdateDepartmentHandlingInput): Promise<DepartmentHandlingView> {
    return withTransaction(this.ds, async (m) => {
      const { h, c } = await this.forWrite(m, actor, i.id, i.version);
      const patch: Partial<DepartmentHandlingEntity> = {};
      if (i.matter !== undefined && i.matter !== null) patch.matter = i.matter.trim();
      if (i.contactPerson !== undefined) patch.contactPerson = i.contactPerson?.trim() || null;
      if (i.contactPhone !== undefined) patch.contactPhone = i.contactPhone ?? null;
      const moved = i.agreedDeadline != null && i.agreedDeadline !== h.agreedDeadline;
      if (moved) {
        this.assertFutureDay(i.agreedDeadline!, 'input.agreedDeadline');
        if (!h.deadlineId || !(await this.deadlines.move(m, h.deadlineId, i.agreedDeadline!))) {
          throw new AppError(
            'DEPARTMENT_DEADLINE_NOT_RUNNING',
            '该商定期限的计时已超期或已停止，不能再修改期限',
            'input.agreedDeadline',
          );
        }
        patch.agreedDeadline = i.agreedDeadline!;
      }
      if (!Object.keys(patch).length) throw AppError.badInput('input.id', '没有需要保存的修改');
      const now = this.clock.now();
      await m.update(
        DepartmentHandlingEntity,
        { id: h.id, version: h.version },
        { ...patch, updatedAt: now, version: h.version + 1 },
      );
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateDepartmentHandling',
        note: i.reason?.trim() || null,
        detail: {
          handlingId: h.id,
          changed: Object.keys(patch),
          ...(moved ? { agreedDeadlineFrom: h.agreedDeadline, agreedDeadlineTo: i.agreedDeadline } : {}),
        },
        at: now,
      });
      return this.one(m, h.id);
    });
  }

  /** 办结 (the clock stops as MET, or stays BREACHED if the date was missed) or 撤销 (CANCELLED). */
  async close(
    actor: Actor,
    i: CloseDepartmentHandlingInput,
    how: 'COMPLETED' | 'CANCELLED',
  ): Promise<DepartmentHandlingView> {
    return withTransaction(this.ds, async (m) => {
      const { h, c } = await this.forWrite(m, actor, i.id, i.version);
      const now = this.clock.now();
      const d = await this.deadlines.stop(m, h.deadlineId, how === 'COMPLETED' ? 'MET' : 'CANCELLED');
      await m.update(
        DepartmentHandlingEntity,
        { id: h.id, version: h.version },
        {
          status: how,
          result: i.result.trim(),
          closedById: actor.id,
          closedAt: now,
          updatedAt: now,
          version: h.version + 1,
        },
      );
      const action = how === 'COMPLETED' ? 'completeDepartmentHandling' : 'cancelDepartmentHandling';
      const late = h.agreedDeadline < toShanghaiDate(now);
      await this.events.append(m, actor, {
        caseId: c.id,
        action,
        note: i.result.trim(),
        detail: { handlingId: h.id, deadlineId: h.deadlineId, deadlineStatus: d?.status ?? null, late },
        at: now,
      });
      return this.one(m, h.id);
    });
  }

  async list(
    actor: Actor,
    f: DepartmentHandlingFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<DepartmentHandlingView>> {
    const m = this.ds.manager;
    const qb = await this.access.scopeByCaseFilter(
      m.createQueryBuilder(DepartmentHandlingEntity, 'h').innerJoin(CaseEntity, 'c', 'c.id = h.case_id'),
      actor,
      f.caseId,
      'h.case_id',
    );
    if (f.mode) qb.andWhere('h.mode = :mode', { mode: f.mode });
    if (f.status) qb.andWhere('h.status = :status', { status: f.status });
    const [rows, total] = await qb
      .orderBy('h.startedAt', 'DESC')
      .addOrderBy('h.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getManyAndCount();
    return { items: await this.views.handlings(m, rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<DepartmentHandlingView> {
    const m = this.ds.manager;
    const h = await m.findOneBy(DepartmentHandlingEntity, { id: String(parseId(rawId, 'id')) });
    if (!h || !(await this.access.canSeeCase(m, actor, h.caseId))) throw AppError.notFound('联办、移交事项', 'id');
    return (await this.views.handlings(m, [h]))[0];
  }

  /** The case locked first (as on creation), then the item; owning side only; open and current version. */
  private async forWrite(
    m: EntityManager,
    actor: Actor,
    rawId: string,
    version: number,
  ): Promise<{ h: DepartmentHandlingEntity; c: CaseEntity }> {
    const side = await this.access.writerSide(actor, m);
    const id = String(parseId(rawId, 'input.id'));
    const found = await m.findOne(DepartmentHandlingEntity, { where: { id }, select: { id: true, caseId: true } });
    if (!found || !(await this.access.canSeeCase(m, actor, found.caseId)))
      throw AppError.notFound('联办、移交事项', 'input.id');
    const c = await this.access.caseForWrite(m, actor, found.caseId, 'input.id');
    const h = await m.findOneOrFail(DepartmentHandlingEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    this.access.assertOwningSide(actor, side, h);
    if (h.status !== 'IN_PROGRESS') throw LitigationLinkError.departmentHandlingClosed();
    if (h.version !== version) throw LitigationLinkError.stale('联办、移交事项', h.version, version);
    return { h, c };
  }

  private assertFutureDay(day: string, field: string): void {
    if (day <= toShanghaiDate(this.clock.now())) throw LitigationLinkError.agreedDeadlineNotFuture(field);
  }

  private async one(m: EntityManager, id: string): Promise<DepartmentHandlingView> {
    return (await this.views.handlings(m, [await m.findOneByOrFail(DepartmentHandlingEntity, { id })]))[0];
  }
}
