import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AuditWriter,
  Actor,
  AppError,
  CaseEntity,
  CaseEventWriter,
  Clock,
  LegalConsultationEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { WorkroomCaseAccess } from '../workroom/workroom-case.service';
import { cleanList } from '../workroom/workroom.validators';
import { CreateLegalConsultationInput, LegalConsultationFilter, UpdateLegalConsultationInput } from './legal.input';
import { LegalError } from './legal.exception';
import { ConsultationView } from './legal.model';
import { LegalScope } from './legal-scope.service';

const WHAT = '法律咨询';

/**
 * 免费法律咨询. One linked to a case is written through the workroom case access (visible, locked,
 * not recused) and recorded on the case's timeline.
 */
@Injectable()
export class LegalConsultationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly cases: WorkroomCaseAccess,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
    private readonly audit: AuditWriter,
  ) {}

  async list(
    actor: Actor,
    f: LegalConsultationFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<ConsultationView>> {
    const qb = this.ds.getRepository(LegalConsultationEntity).createQueryBuilder('lc');
    this.scope.scope(qb, actor, 'lc');
    await this.scope.filterUnit(qb, actor, 'lc', f.unitId, 'filter.unitId');
    if (f.caseId != null) qb.andWhere('lc.case_id = :caseId', { caseId: parseId(f.caseId, 'filter.caseId') });
    if (f.answered != null) qb.andWhere(f.answered ? 'lc.answer IS NOT NULL' : 'lc.answer IS NULL');
    qb.orderBy('lc.askedAt', 'DESC').addOrderBy('lc.id', 'DESC');
    const [rows, total] = await Promise.all([
      qb.clone().offset(page.offset).limit(page.limit).getMany(),
      qb.getCount(),
    ]);
    return { items: await this.views(rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<ConsultationView> {
    const row = await this.scope.getVisible(actor, LegalConsultationEntity, rawId, { what: WHAT, field: 'id' });
    return (await this.views([row]))[0];
  }

  /** Consultations on cases the caller has already reached through CaseAccess. */
  async forCases(caseIds: readonly string[]): Promise<ConsultationView[]> {
    if (!caseIds.length) return [];
    return this.views(
      await this.ds.manager.find(LegalConsultationEntity, {
        where: { caseId: In([...caseIds]) },
        order: { askedAt: 'ASC', id: 'ASC' },
      }),
    );
  }

  async create(actor: Actor, i: CreateLegalConsultationInput): Promise<ConsultationView> {
    const now = this.clock.now();
    if (i.askedAt && i.askedAt.getTime() > now.getTime())
      throw AppError.badInput('input.askedAt', '咨询时间不能晚于现在');
    const row = await withTransaction(this.ds, async (m) => {
      const c = i.caseId != null ? await this.cases.caseForWrite(m, actor, parseId(i.caseId, 'input.caseId')) : null;
      const askerName = i.askerName?.trim() || null;
      if (!c && !askerName) throw LegalError.askerRequired();
      const unit = await this.scope.homeForWrite(actor, c ? c.ownerUnitId : actor.unitId, m);
      const answer = i.answer?.trim() || null;
      const byUser = actor.kind === 'USER' ? actor.id : null;
      const e = m.create(LegalConsultationEntity, {
        unitId: unit.id,
        unitPath: unit.path,
        caseId: c?.id ?? null,
        askerName,
        askerPhone: i.askerPhone ?? null,
        question: i.question.trim(),
        answer,
        lawsCited: orNull(cleanList(i.lawsCited)),
        askedAt: i.askedAt ?? now,
        answeredAt: answer ? now : null,
        answeredById: answer ? byUser : null,
        createdById: byUser,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      e.id = String((await m.insert(LegalConsultationEntity, e)).identifiers[0].id);
      if (c) {
        await this.events.append(m, actor, {
          caseId: c.id,
          action: 'createLegalConsultation',
          note: e.question,
          detail: { consultationId: e.id, answered: answer != null, lawsCited: e.lawsCited },
        });
      } else {
        // Without a case there is no timeline: the audit log keeps the trail.
        await this.audit.record(
          m,
          actor,
          'legal.consultation.create',
          { type: 'legal_consultation', id: e.id },
          {
            unitId: unit.id,
            answered: answer != null,
          },
        );
      }
      return e;
    });
    return (await this.views([row]))[0];
  }

  /** Edits the record; the first answer is the 答复 (who and when are kept). */
  async update(actor: Actor, i: UpdateLegalConsultationInput): Promise<ConsultationView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalConsultationEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      const c = e.caseId != null ? await this.cases.caseForWrite(m, actor, e.caseId, 'input.id') : null;
      const now = this.clock.now();
      const changed: string[] = [];
      const previous: Record<string, unknown> = {};
      const set = <K extends keyof LegalConsultationEntity>(k: K, v: LegalConsultationEntity[K]) => {
        previous[k] = e[k];
        e[k] = v;
        changed.push(k);
      };
      const firstAnswer = e.answer == null && i.answer != null;
      if (i.askerName != null) set('askerName', i.askerName.trim());
      if (i.askerPhone !== undefined) set('askerPhone', i.askerPhone);
      if (i.question != null) set('question', i.question.trim());
      if (i.lawsCited != null) set('lawsCited', orNull(cleanList(i.lawsCited)));
      if (i.answer != null) {
        set('answer', i.answer.trim());
        if (firstAnswer) {
          e.answeredAt = now;
          e.answeredById = actor.kind === 'USER' ? actor.id : null;
        }
      }
      e.updatedAt = now;
      e.version += 1;
      await m.save(LegalConsultationEntity, e);
      if (c) await this.appendEvent(m, actor, c, e, firstAnswer, changed);
      else
        await this.audit.record(
          m,
          actor,
          'legal.consultation.update',
          { type: 'legal_consultation', id: e.id },
          {
            changed,
            previous,
          },
        );
      return e;
    });
    return (await this.views([row]))[0];
  }

  private appendEvent(
    m: EntityManager,
    actor: Actor,
    c: CaseEntity,
    e: LegalConsultationEntity,
    firstAnswer: boolean,
    changed: string[],
  ) {
    return this.events.append(m, actor, {
      caseId: c.id,
      action: firstAnswer ? 'answerLegalConsultation' : 'updateLegalConsultation',
      note: firstAnswer ? e.answer : null,
      detail: { consultationId: e.id, changed, lawsCited: e.lawsCited },
    });
  }

  private async views(rows: LegalConsultationEntity[]): Promise<ConsultationView[]> {
    const caseIds = [...new Set(rows.map((r) => r.caseId).filter((v): v is string => v != null))];
    const cases = caseIds.length
      ? await this.ds.manager.find(CaseEntity, { where: { id: In(caseIds) }, select: { id: true, caseNo: true } })
      : [];
    const caseNo = new Map(cases.map((c) => [String(c.id), c.caseNo]));
    return rows.map((item) => ({
      item,
      caseNo: item.caseId == null ? null : (caseNo.get(String(item.caseId)) ?? null),
    }));
  }
}

/** An empty list is stored as NULL. */
export const orNull = (list: string[]): string[] | null => (list.length ? list : null);
