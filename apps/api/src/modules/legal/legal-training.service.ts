import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { toShanghaiDate } from '@weiquan/shared';
import {
  Actor,
  AppError,
  canSeeUnitPath,
  Clock,
  LegalTrainingAttendeeEntity,
  LegalTrainingEntity,
  LegalVolunteerEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { LegalError } from './legal.exception';
import {
  CreateLegalTrainingInput,
  LegalTrainingFilter,
  RecordTrainingAttendanceInput,
  UpdateLegalTrainingInput,
} from './legal-team.input';
import { TrainingView } from './legal-team.model';
import { LegalScope } from './legal-scope.service';

const WHAT = '培训';

/** 组织志愿者培训: trainings of a legal workroom, the volunteers invited and their attendance. */
@Injectable()
export class LegalTrainingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    f: LegalTrainingFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<TrainingView>> {
    const qb = this.ds.getRepository(LegalTrainingEntity).createQueryBuilder('lt');
    this.scope.scope(qb, actor, 'lt');
    await this.scope.filterUnit(qb, actor, 'lt', f.unitId, 'filter.unitId');
    if (f.from) qb.andWhere('lt.held_on >= :from', { from: f.from });
    if (f.to) qb.andWhere('lt.held_on <= :to', { to: f.to });
    if (f.volunteerId != null) {
      qb.andWhere(
        'EXISTS (SELECT 1 FROM legal_training_attendee a WHERE a.training_id = lt.id AND a.volunteer_id = :volunteerId)',
        {
          volunteerId: parseId(f.volunteerId, 'filter.volunteerId'),
        },
      );
    }
    qb.orderBy('lt.heldOn', 'DESC').addOrderBy('lt.id', 'DESC');
    const [rows, total] = await Promise.all([
      qb.clone().offset(page.offset).limit(page.limit).getMany(),
      qb.getCount(),
    ]);
    return { items: await this.views(rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<TrainingView> {
    return (
      await this.views([await this.scope.getVisible(actor, LegalTrainingEntity, rawId, { what: WHAT, field: 'id' })])
    )[0];
  }

  async create(actor: Actor, i: CreateLegalTrainingInput): Promise<TrainingView> {
    const row = await withTransaction(this.ds, async (m) => {
      const unit = await this.scope.homeForWrite(actor, actor.unitId, m);
      const volunteerIds = await this.attendeesOf(m, actor, unit.id, i.attendeeIds ?? []);
      const now = this.clock.now();
      const e = m.create(LegalTrainingEntity, {
        unitId: unit.id,
        unitPath: unit.path,
        topic: i.topic.trim(),
        heldOn: i.heldOn,
        location: i.location?.trim() || null,
        trainer: i.trainer?.trim() || null,
        note: i.note?.trim() || null,
        createdById: actor.kind === 'USER' ? actor.id : null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      e.id = Number((await m.insert(LegalTrainingEntity, e)).identifiers[0].id);
      if (volunteerIds.length)
        await m.insert(
          LegalTrainingAttendeeEntity,
          volunteerIds.map((volunteerId) => ({ trainingId: e.id, volunteerId, attended: null, recordedAt: null })),
        );
      await this.audit.record(
        m,
        actor,
        'createLegalTraining',
        { type: 'legal_training', id: e.id },
        { topic: e.topic, heldOn: e.heldOn, attendees: volunteerIds },
      );
      return e;
    });
    return (await this.views([row]))[0];
  }

  async update(actor: Actor, i: UpdateLegalTrainingInput): Promise<TrainingView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalTrainingEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      const changed: string[] = [];
      const set = <K extends keyof LegalTrainingEntity>(k: K, v: LegalTrainingEntity[K]) => {
        e[k] = v;
        changed.push(k);
      };
      if (i.topic != null) set('topic', i.topic.trim());
      if (i.heldOn != null) set('heldOn', i.heldOn);
      if (i.location !== undefined) set('location', i.location?.trim() || null);
      if (i.trainer !== undefined) set('trainer', i.trainer?.trim() || null);
      if (i.note !== undefined) set('note', i.note?.trim() || null);
      if (i.attendeeIds != null) {
        const wanted = await this.attendeesOf(m, actor, e.unitId, i.attendeeIds);
        const current = (await m.find(LegalTrainingAttendeeEntity, { where: { trainingId: e.id } })).map(
          (a) => a.volunteerId,
        );
        const gone = current.filter((v) => !wanted.includes(v));
        const added = wanted.filter((v) => !current.includes(v));
        if (gone.length) await m.delete(LegalTrainingAttendeeEntity, { trainingId: e.id, volunteerId: In(gone) });
        if (added.length)
          await m.insert(
            LegalTrainingAttendeeEntity,
            added.map((volunteerId) => ({ trainingId: e.id, volunteerId, attended: null, recordedAt: null })),
          );
        changed.push('attendees');
      }
      e.updatedAt = this.clock.now();
      e.version += 1;
      await m.save(LegalTrainingEntity, e);
      await this.audit.record(m, actor, 'updateLegalTraining', { type: 'legal_training', id: e.id }, { changed });
      return e;
    });
    return (await this.views([row]))[0];
  }

  /** 培训签到: attended or absent, for volunteers on the training's list, once the day has come. */
  async recordAttendance(actor: Actor, i: RecordTrainingAttendanceInput): Promise<TrainingView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalTrainingEntity, i.trainingId, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.trainingId',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      const now = this.clock.now();
      if (e.heldOn > toShanghaiDate(now)) throw LegalError.trainingNotHeld();
      const invited = new Set(
        (await m.find(LegalTrainingAttendeeEntity, { where: { trainingId: e.id } })).map((a) => a.volunteerId),
      );
      const marks = i.attendance.map((a, idx) => {
        const field = `input.attendance.${idx}.volunteerId`;
        const volunteerId = parseId(a.volunteerId, field);
        if (!invited.has(volunteerId)) throw LegalError.notAnAttendee(field);
        return { volunteerId, attended: a.attended };
      });
      for (const mark of marks)
        await m.update(
          LegalTrainingAttendeeEntity,
          { trainingId: e.id, volunteerId: mark.volunteerId },
          { attended: mark.attended, recordedAt: now },
        );
      e.updatedAt = now;
      e.version += 1;
      await m.save(LegalTrainingEntity, e);
      await this.audit.record(
        m,
        actor,
        'recordTrainingAttendance',
        { type: 'legal_training', id: e.id },
        { attendance: marks },
      );
      return e;
    });
    return (await this.views([row]))[0];
  }

  /** The invited volunteers: each must be an active volunteer of the training's own workroom. */
  private async attendeesOf(m: EntityManager, actor: Actor, unitId: number, rawIds: string[]): Promise<number[]> {
    const ids = [...new Set(rawIds.map((v, idx) => parseId(v, `input.attendeeIds.${idx}`)))];
    if (!ids.length) return [];
    const found = new Map((await m.findBy(LegalVolunteerEntity, { id: In(ids) })).map((v) => [v.id, v]));
    ids.forEach((id) => {
      const v = found.get(id);
      const field = `input.attendeeIds.${rawIds.findIndex((r) => Number(r) === id)}`;
      if (!v || !canSeeUnitPath(actor, v.unitPath, v.unitId)) throw AppError.notFound('志愿者', field);
      if (v.unitId !== unitId) throw LegalError.volunteerOtherUnit(field);
      if (!v.active) throw AppError.badInput(field, `志愿者「${v.name}」已退出，不能安排参训`);
    });
    return ids;
  }

  private async views(rows: LegalTrainingEntity[]): Promise<TrainingView[]> {
    if (!rows.length) return [];
    const attendees: {
      trainingId: string;
      volunteerId: string;
      name: string;
      attended: number | null;
      recordedAt: Date | null;
    }[] = await this.ds
      .createQueryBuilder(LegalTrainingAttendeeEntity, 'a')
      .innerJoin(LegalVolunteerEntity, 'v', 'v.id = a.volunteer_id')
      .select('a.training_id', 'trainingId')
      .addSelect('a.volunteer_id', 'volunteerId')
      .addSelect('v.name', 'name')
      .addSelect('a.attended', 'attended')
      .addSelect('a.recorded_at', 'recordedAt')
      .where('a.training_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .orderBy('v.name', 'ASC')
      .addOrderBy('a.volunteer_id', 'ASC')
      .getRawMany();
    return rows.map((item) => ({
      item,
      attendees: attendees
        .filter((a) => Number(a.trainingId) === item.id)
        .map((a) => ({
          volunteerId: String(a.volunteerId),
          name: a.name,
          attended: a.attended == null ? null : Number(a.attended) === 1,
          recordedAt: a.recordedAt,
        })),
    }));
  }
}
