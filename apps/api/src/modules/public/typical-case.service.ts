import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TypicalCaseStatus } from '@weiquan/shared';
import {
  Actor,
  AppError,
  applyOrgScope,
  AuditWriter,
  CaseAccess,
  canSeeUnitPath,
  Clock,
  escapeLike,
  OrgUnitEntity,
  ProblemTypeEntity,
  TypicalCaseEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import type { Page, PageInput } from '../../common/paging';
import { PublicTypicalCaseService } from './public-typical-case.service';
import type {
  SaveTypicalCaseInput,
  TypicalCase,
  TypicalCaseFilter,
  WithdrawTypicalCaseInput,
} from './typical-case.model';

const SELECT = [
  't.id AS id',
  't.unit_id AS unitId',
  'u.name AS unitName',
  't.title AS title',
  't.category AS category',
  't.problem_type AS problemType',
  'p.name AS problemTypeName',
  't.facts AS facts',
  't.handling AS handling',
  't.lesson AS lesson',
  't.source_case_id AS sourceCaseId',
  'c.case_no AS sourceCaseNo',
  't.status AS status',
  't.published_at AS publishedAt',
  't.withdrawn_at AS withdrawnAt',
  't.withdraw_reason AS withdrawReason',
  't.version AS version',
  't.updated_at AS updatedAt',
  'e.display_name AS updatedByName',
];

/**
 * 典型案例 in the console: written, published and withdrawn by staff holding TYPICAL_CASE_MANAGE, owned
 * by a unit of their scope (a county: its subtree; anything else answers NOT_FOUND). Every change is
 * audited and version-checked (one of two concurrent edits wins); the public cache is dropped after it.
 */
@Injectable()
export class TypicalCaseService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly access: CaseAccess,
    private readonly published: PublicTypicalCaseService,
  ) {}

  async list(actor: Actor, filter: TypicalCaseFilter | null, page: PageInput): Promise<Page<TypicalCase>> {
    const qb = applyOrgScope(this.base(), actor, { path: 'u.path', unitId: 'u.id' });
    if (filter?.status) qb.andWhere('t.status = :status', { status: filter.status });
    const k = filter?.keyword?.trim();
    if (k)
      qb.andWhere('(t.title LIKE :kw OR t.facts LIKE :kw OR t.handling LIKE :kw OR t.lesson LIKE :kw)', {
        kw: `%${escapeLike(k)}%`,
      });
    const total = Number((await qb.clone().select('COUNT(*)', 'n').getRawOne<{ n: string }>())?.n ?? 0);
    const rows = await qb
      .orderBy('t.updated_at', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany<TypicalCase>();
    return { total, offset: page.offset, limit: page.limit, items: rows.map(row) };
  }

  async get(actor: Actor, rawId: string): Promise<TypicalCase> {
    const r = await this.base()
      .andWhere('t.id = :id', { id: parseId(rawId, 'id') })
      .getRawOne<TypicalCase & { unitPath: string }>();
    if (!r || !canSeeUnitPath(actor, r.unitPath, Number(r.unitId))) throw AppError.notFound('典型案例', 'id');
    return row(r);
  }

  async save(actor: Actor, input: SaveTypicalCaseInput): Promise<TypicalCase> {
    const id = await withTransaction(this.ds, async (m) => {
      const now = this.clock.now();
      const fields = {
        title: input.title.trim(),
        category: input.category?.trim() || null,
        problemType: input.problemType?.trim() || null,
        facts: input.facts.trim(),
        handling: input.handling.trim(),
        lesson: input.lesson.trim(),
        sourceCaseId: null as string | null,
        updatedById: actor.id,
        updatedAt: now,
      };
      if (!fields.title) throw AppError.badInput('input.title', '请填写标题');
      if (!fields.facts) throw AppError.badInput('input.facts', '请填写基本案情');
      if (!fields.handling) throw AppError.badInput('input.handling', '请填写处理过程和结果');
      if (!fields.lesson) throw AppError.badInput('input.lesson', '请填写消费提示');
      if (fields.problemType && !(await m.findOneBy(ProblemTypeEntity, { code: fields.problemType, active: true })))
        throw AppError.badInput('input.problemType', '请从列表中选择投诉问题类别');
      if (input.sourceCaseId) {
        // Only a pointer to a concluded case the writer may see; none of its text is copied.
        const c = await this.access.getVisible(actor, input.sourceCaseId, { m, field: 'input.sourceCaseId' });
        if (!c.concludedAt) throw AppError.badInput('input.sourceCaseId', '只能关联已办结的案件');
        fields.sourceCaseId = c.id;
      }
      let typicalId: string;
      let unitId: number;
      if (input.id) {
        const t = await this.lockedIn(m, actor, input.id, 'input.id');
        if (input.version == null) throw AppError.badInput('input.version', '缺少版本号');
        const res = await m
          .createQueryBuilder()
          .update(TypicalCaseEntity)
          .set({ ...fields, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: t.id, version: input.version })
          .execute();
        if (res.affected !== 1) throw AppError.conflict(undefined, 'input.version');
        typicalId = t.id;
        unitId = t.unitId;
      } else {
        unitId = (await this.unitIn(m, actor, input.unitId ?? String(actor.unitId), 'input.unitId')).id;
        typicalId = (
          await m.insert(TypicalCaseEntity, {
            ...fields,
            ref: randomBytes(8).toString('hex'),
            unitId,
            status: TypicalCaseStatus.DRAFT,
            version: 1,
            createdById: actor.id,
            createdAt: now,
          })
        ).identifiers[0]!.id as string;
      }
      await this.audit.record(
        m,
        actor,
        input.id ? 'typicalCase.update' : 'typicalCase.create',
        { type: 'typical_case', id: typicalId },
        { unitId, title: fields.title, sourceCaseId: fields.sourceCaseId },
      );
      return typicalId;
    });
    this.published.forget();
    return this.get(actor, id);
  }

  /** Publishes a draft or a withdrawn case; the public site shows it from now on. */
  publish(actor: Actor, rawId: string, version: number): Promise<TypicalCase> {
    return this.transition(actor, rawId, version, 'typicalCase.publish', (t) => {
      if (t.status === TypicalCaseStatus.PUBLISHED) throw AppError.conflict('该典型案例已发布', 'id');
      return { status: TypicalCaseStatus.PUBLISHED, publishedAt: this.clock.now(), withdrawnAt: null };
    });
  }

  /** Takes a published case off the public site; the reason is kept on the case and in the audit log. */
  withdraw(actor: Actor, input: WithdrawTypicalCaseInput): Promise<TypicalCase> {
    const reason = input.reason.trim();
    if (!reason) throw AppError.badInput('input.reason', '请说明撤回理由');
    return this.transition(
      actor,
      input.id,
      input.version,
      'typicalCase.withdraw',
      (t) => {
        if (t.status !== TypicalCaseStatus.PUBLISHED) throw AppError.conflict('该典型案例未发布', 'input.id');
        return { status: TypicalCaseStatus.WITHDRAWN, withdrawnAt: this.clock.now(), withdrawReason: reason };
      },
      { reason },
    );
  }

  private async transition(
    actor: Actor,
    rawId: string,
    version: number,
    action: string,
    next: (t: TypicalCaseEntity) => Partial<TypicalCaseEntity>,
    detail: Record<string, unknown> = {},
  ): Promise<TypicalCase> {
    const id = await withTransaction(this.ds, async (m) => {
      const t = await this.lockedIn(m, actor, rawId, 'id');
      if (t.version !== version) throw AppError.conflict(undefined, 'version');
      const patch = next(t);
      await m.update(TypicalCaseEntity, t.id, {
        ...patch,
        version: t.version + 1,
        updatedById: actor.id,
        updatedAt: this.clock.now(),
      });
      await this.audit.record(m, actor, action, { type: 'typical_case', id: t.id }, { title: t.title, ...detail });
      return t.id;
    });
    this.published.forget();
    return this.get(actor, id);
  }

  private base() {
    return this.ds
      .createQueryBuilder()
      .from('typical_case', 't')
      .innerJoin('org_unit', 'u', 'u.id = t.unit_id')
      .leftJoin('problem_type', 'p', 'p.code = t.problem_type')
      .leftJoin('wq_case', 'c', 'c.id = t.source_case_id')
      .leftJoin('app_user', 'e', 'e.id = t.updated_by_id')
      .select([...SELECT, 'u.path AS unitPath'])
      .where('1 = 1');
  }

  private async unitIn(m: EntityManager, actor: Actor, raw: string, field: string): Promise<OrgUnitEntity> {
    const unit = await m.findOneBy(OrgUnitEntity, { id: parseId(raw, field) });
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('单位', field);
    return unit;
  }

  private async lockedIn(m: EntityManager, actor: Actor, raw: string, field: string): Promise<TypicalCaseEntity> {
    const t = await m.findOne(TypicalCaseEntity, {
      where: { id: String(parseId(raw, field)) },
      lock: { mode: 'pessimistic_write' },
    });
    const unit = t && (await m.findOneBy(OrgUnitEntity, { id: t.unitId }));
    if (!t || !unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('典型案例', field);
    return t;
  }
}

function row(r: TypicalCase & { unitPath?: string }): TypicalCase {
  return {
    id: String(r.id),
    unitId: String(r.unitId),
    unitName: r.unitName,
    title: r.title,
    category: r.category ?? null,
    problemType: r.problemType ?? null,
    problemTypeName: r.problemTypeName ?? null,
    facts: r.facts,
    handling: r.handling,
    lesson: r.lesson,
    sourceCaseId: r.sourceCaseId == null ? null : String(r.sourceCaseId),
    sourceCaseNo: r.sourceCaseNo ?? null,
    status: r.status,
    publishedAt: r.publishedAt ?? null,
    withdrawnAt: r.withdrawnAt ?? null,
    withdrawReason: r.withdrawReason ?? null,
    version: Number(r.version),
    updatedAt: r.updatedAt,
    updatedByName: r.updatedByName ?? null,
  };
}
