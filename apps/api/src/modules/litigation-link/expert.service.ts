import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  Actor,
  ActorSide,
  AppError,
  CaseEventWriter,
  Clock,
  escapeLike,
  ExpertEntity,
  ExpertSeminarCaseEntity,
  ExpertSeminarEntity,
  ExpertSeminarExpertEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { cleanList } from '../workroom/workroom.validators';
import { LitigationLinkAccess } from './litigation-link-access.service';
import { LitigationLinkError } from './litigation-link.exception';
import {
  CreateExpertInput,
  CreateExpertSeminarInput,
  ExpertFilter,
  ExpertSeminarFilter,
  UpdateExpertInput,
  UpdateExpertSeminarInput,
} from './litigation-link.input';
import { ExpertSeminarView, ExpertView, LitigationLinkViews } from './litigation-link-views.service';

const UNIT = [{ path: 'unit_path', unitId: 'unit_id' }];
const uniq = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/**
 * 与各行业各部门消费维权专家进行联络协调，定期开展消费维权专家研讨会，会商解决消费维权热点难点问题
 * (seed 002 五.3): the roster of a center and its seminars. A seminar on a case shows in that case's timeline.
 */
@Injectable()
export class ExpertService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: LitigationLinkAccess,
    private readonly views: LitigationLinkViews,
    private readonly events: CaseEventWriter,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async createExpert(actor: Actor, i: CreateExpertInput): Promise<ExpertView> {
    return withTransaction(this.ds, async (m) => {
      const unit = await this.access.owningUnit(m, await this.access.writerSide(actor, m));
      const now = this.clock.now();
      const res = await m.insert(ExpertEntity, {
        name: i.name.trim(),
        field: i.field.trim(),
        organisation: i.organisation?.trim() || null,
        phone: i.phone ?? null,
        active: true,
        unitId: unit.id,
        unitPath: unit.path,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const id = Number(res.identifiers[0].id);
      await this.audit.record(
        m,
        actor,
        'createExpert',
        { type: 'expert', id },
        { unitId: unit.id, name: i.name.trim(), field: i.field.trim() },
      );
      return (await this.views.experts(m, [await m.findOneByOrFail(ExpertEntity, { id })]))[0];
    });
  }

  async updateExpert(actor: Actor, i: UpdateExpertInput): Promise<ExpertView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const e = await this.visibleExpert(m, actor, side, i.id, 'input.id', true);
      this.access.assertOwningSide(actor, side, e);
      if (e.version !== i.version) throw LitigationLinkError.stale('专家信息', e.version, i.version);
      const patch: Partial<ExpertEntity> = {};
      if (i.name != null) patch.name = i.name.trim();
      if (i.field != null) patch.field = i.field.trim();
      if (i.organisation !== undefined) patch.organisation = i.organisation?.trim() || null;
      if (i.phone !== undefined) patch.phone = i.phone ?? null;
      if (i.active != null) patch.active = i.active;
      if (!Object.keys(patch).length) throw AppError.badInput('input.id', '没有需要保存的修改');
      await m.update(
        ExpertEntity,
        { id: e.id, version: e.version },
        { ...patch, updatedAt: this.clock.now(), version: e.version + 1 },
      );
      await this.audit.record(
        m,
        actor,
        'updateExpert',
        { type: 'expert', id: e.id },
        { changed: Object.keys(patch), ...(patch.active != null ? { active: patch.active } : {}) },
      );
      return (await this.views.experts(m, [await m.findOneByOrFail(ExpertEntity, { id: e.id })]))[0];
    });
  }

  async experts(actor: Actor, f: ExpertFilter = {}, page: PageInput = new PageInput()): Promise<Page<ExpertView>> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    const qb = this.access.scopeByUnits(m.createQueryBuilder(ExpertEntity, 'e'), actor, side, ExpertEntity, 'e', UNIT);
    if (f.activeOnly !== false) qb.andWhere('e.active = 1');
    if (f.keyword?.trim())
      qb.andWhere('(e.name LIKE :kw OR e.field LIKE :kw OR e.organisation LIKE :kw)', {
        kw: `%${escapeLike(f.keyword.trim())}%`,
      });
    const [rows, total] = await qb
      .orderBy('e.field', 'ASC')
      .addOrderBy('e.name', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items: await this.views.experts(m, rows), total, offset: page.offset, limit: page.limit };
  }

  async expert(actor: Actor, rawId: string): Promise<ExpertView> {
    const m = this.ds.manager;
    const e = await this.visibleExpert(m, actor, await this.access.sideOf(actor, m), rawId, 'id');
    return (await this.views.experts(m, [e]))[0];
  }

  async createSeminar(actor: Actor, i: CreateExpertSeminarInput): Promise<ExpertSeminarView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const unit = await this.access.owningUnit(m, side);
      const expertIds = await this.expertIds(m, actor, side, i.expertIds, 'input.expertIds');
      const caseIds = await this.caseIds(m, actor, i.caseIds, 'input.caseIds');
      const now = this.clock.now();
      const res = await m.insert(ExpertSeminarEntity, {
        topic: i.topic.trim(),
        heldOn: i.heldOn,
        minutes: i.minutes?.trim() || null,
        hotIssueTags: cleanList(i.hotIssueTags),
        unitId: unit.id,
        unitPath: unit.path,
        createdById: actor.id,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.link(m, id, expertIds, caseIds);
      await this.audit.record(
        m,
        actor,
        'createExpertSeminar',
        { type: 'expert_seminar', id },
        { topic: i.topic.trim(), heldOn: i.heldOn, experts: expertIds, cases: caseIds.length },
      );
      for (const caseId of caseIds) {
        await this.events.append(m, actor, {
          caseId,
          action: 'createExpertSeminar',
          note: i.topic.trim(),
          detail: { seminarId: id, heldOn: i.heldOn, experts: expertIds.length },
          at: now,
        });
      }
      return this.seminarView(m, actor, id);
    });
  }

  /**
   * Replaces what is given. Linked cases the actor cannot see stay linked (they cannot be named);
   * every case linked afterwards gets a timeline entry, an unlinked one too.
   */
  async updateSeminar(actor: Actor, i: UpdateExpertSeminarInput): Promise<ExpertSeminarView> {
    return withTransaction(this.ds, async (m) => {
      const side = await this.access.writerSide(actor, m);
      const s = await this.visibleSeminar(m, actor, side, i.id, 'input.id', true);
      this.access.assertOwningSide(actor, side, s);
      if (s.version !== i.version) throw LitigationLinkError.stale('研讨会', s.version, i.version);
      const patch: Partial<ExpertSeminarEntity> = {};
      if (i.topic != null) patch.topic = i.topic.trim();
      if (i.heldOn != null) patch.heldOn = i.heldOn;
      if (i.minutes !== undefined) patch.minutes = i.minutes?.trim() || null;
      if (i.hotIssueTags != null) patch.hotIssueTags = cleanList(i.hotIssueTags);
      const before = (await m.find(ExpertSeminarCaseEntity, { where: { seminarId: s.id } })).map((l) =>
        String(l.caseId),
      );
      let after = before;
      if (i.caseIds != null) {
        const visibleBefore = await this.access.visibleCaseIds(m, actor, before);
        after = uniq([
          ...before.filter((id) => !visibleBefore.has(id)),
          ...(await this.caseIds(m, actor, i.caseIds, 'input.caseIds')),
        ]);
      }
      const expertIds =
        i.expertIds != null ? await this.expertIds(m, actor, side, i.expertIds, 'input.expertIds') : null;
      const changed = [
        ...Object.keys(patch),
        ...(expertIds ? ['experts'] : []),
        ...(i.caseIds != null ? ['cases'] : []),
      ];
      if (!changed.length) throw AppError.badInput('input.id', '没有需要保存的修改');
      const now = this.clock.now();
      await m.update(ExpertSeminarEntity, { id: s.id, version: s.version }, {
        ...patch,
        updatedAt: now,
        version: s.version + 1,
      } as never);
      if (expertIds) {
        await m.delete(ExpertSeminarExpertEntity, { seminarId: s.id });
        await this.link(m, s.id, expertIds, []);
      }
      if (i.caseIds != null) {
        await m.delete(ExpertSeminarCaseEntity, { seminarId: s.id });
        await this.link(m, s.id, [], after);
      }
      await this.audit.record(m, actor, 'updateExpertSeminar', { type: 'expert_seminar', id: s.id }, { changed });
      const unlinked = before.filter((id) => !after.includes(id));
      for (const caseId of uniq([...after, ...unlinked])) {
        const detail = {
          seminarId: s.id,
          changed,
          ...(unlinked.includes(caseId) ? { unlinked: true } : !before.includes(caseId) ? { linked: true } : {}),
        };
        await this.events.append(m, actor, {
          caseId,
          action: 'updateExpertSeminar',
          note: patch.topic ?? s.topic,
          detail,
          at: now,
        });
      }
      return this.seminarView(m, actor, s.id);
    });
  }

  async seminars(
    actor: Actor,
    f: ExpertSeminarFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<ExpertSeminarView>> {
    const m = this.ds.manager;
    const side = await this.access.sideOf(actor, m);
    const qb = this.access.scopeByUnits(
      m.createQueryBuilder(ExpertSeminarEntity, 's'),
      actor,
      side,
      ExpertSeminarEntity,
      's',
      UNIT,
    );
    if (f.keyword?.trim())
      qb.andWhere('(s.topic LIKE :kw OR s.minutes LIKE :kw)', { kw: `%${escapeLike(f.keyword.trim())}%` });
    if (f.tag?.trim()) qb.andWhere('JSON_CONTAINS(s.hot_issue_tags, JSON_QUOTE(:tag))', { tag: f.tag.trim() });
    if (f.caseId) {
      const c = await this.access.readableCase(actor, f.caseId, 'filter.caseId');
      qb.andWhere('EXISTS (SELECT 1 FROM expert_seminar_case sc WHERE sc.seminar_id = s.id AND sc.case_id = :caseId)', {
        caseId: c.id,
      });
    }
    if (f.expertId) {
      const e = await this.visibleExpert(m, actor, side, f.expertId, 'filter.expertId');
      qb.andWhere(
        'EXISTS (SELECT 1 FROM expert_seminar_expert se WHERE se.seminar_id = s.id AND se.expert_id = :expertId)',
        { expertId: e.id },
      );
    }
    const [rows, total] = await qb
      .orderBy('s.heldOn', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
    return { items: await this.views.seminars(m, actor, rows), total, offset: page.offset, limit: page.limit };
  }

  async seminar(actor: Actor, rawId: string): Promise<ExpertSeminarView> {
    const m = this.ds.manager;
    const s = await this.visibleSeminar(m, actor, await this.access.sideOf(actor, m), rawId, 'id');
    return (await this.views.seminars(m, actor, [s]))[0];
  }

  private async visibleExpert(
    m: EntityManager,
    actor: Actor,
    side: ActorSide,
    rawId: string,
    field: string,
    lock = false,
  ): Promise<ExpertEntity> {
    const e = await m.findOne(ExpertEntity, {
      where: { id: parseId(rawId, field) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!e || !this.access.canSeeUnit(actor, side, e.unitId, e.unitPath)) throw AppError.notFound('专家', field);
    return e;
  }

  private async visibleSeminar(
    m: EntityManager,
    actor: Actor,
    side: ActorSide,
    rawId: string,
    field: string,
    lock = false,
  ): Promise<ExpertSeminarEntity> {
    const s = await m.findOne(ExpertSeminarEntity, {
      where: { id: String(parseId(rawId, field)) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!s || !this.access.canSeeUnit(actor, side, s.unitId, s.unitPath)) throw AppError.notFound('研讨会', field);
    return s;
  }

  /** Experts the actor may see; one outside the roster answers like a missing one (field `…expertIds.n`). */
  private async expertIds(
    m: EntityManager,
    actor: Actor,
    side: ActorSide,
    raw: readonly string[],
    field: string,
  ): Promise<number[]> {
    const ids = uniq(raw.map((v, n) => parseId(v, `${field}.${n}`)));
    const found = new Map((ids.length ? await m.findBy(ExpertEntity, { id: In(ids) }) : []).map((e) => [e.id, e]));
    ids.forEach((id, n) => {
      const e = found.get(id);
      if (!e || !this.access.canSeeUnit(actor, side, e.unitId, e.unitPath))
        throw AppError.notFound('专家', `${field}.${n}`);
    });
    return ids;
  }

  /** Cases the actor may see (NOT_FOUND otherwise, exactly like a missing case). */
  private async caseIds(m: EntityManager, actor: Actor, raw: readonly string[], field: string): Promise<string[]> {
    const ids = uniq(raw.map((v, n) => String(parseId(v, `${field}.${n}`))));
    const visible = await this.access.visibleCaseIds(m, actor, ids);
    ids.forEach((id, n) => {
      if (!visible.has(id)) throw AppError.notFound('案件', `${field}.${n}`);
    });
    return ids;
  }

  private async link(m: EntityManager, seminarId: string, expertIds: number[], caseIds: string[]): Promise<void> {
    if (expertIds.length)
      await m.insert(
        ExpertSeminarExpertEntity,
        expertIds.map((expertId) => ({ seminarId, expertId })),
      );
    if (caseIds.length)
      await m.insert(
        ExpertSeminarCaseEntity,
        caseIds.map((caseId) => ({ seminarId, caseId })),
      );
  }

  private async seminarView(m: EntityManager, actor: Actor, id: string): Promise<ExpertSeminarView> {
    return (await this.views.seminars(m, actor, [await m.findOneByOrFail(ExpertSeminarEntity, { id })]))[0];
  }
}
