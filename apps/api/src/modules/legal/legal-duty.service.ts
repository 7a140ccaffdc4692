import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { isIsoDate } from '@weiquan/shared';
import {
  Actor,
  actsForOf,
  AppError,
  canSeeUnitPath,
  Clock,
  LegalDutyEntity,
  LegalVolunteerEntity,
  OrgUnitEntity,
  UserEntity,
  withTransaction,
} from '@weiquan/core';
import type { DutyShift } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { AuditService } from '../audit/audit.service';
import { LegalError } from './legal.exception';
import { AddLegalDutyInput, RemoveLegalDutyInput, UpdateLegalDutyInput } from './legal-team.input';
import { DutyView } from './legal-team.model';
import { LegalScope } from './legal-scope.service';

const WHAT = '值班';
const MAX_RANGE_DAYS = 92;
const SHIFT_ORDER = "FIELD(ld.shift, 'MORNING', 'AFTERNOON', 'FULL_DAY', 'EVENING')";
const DAY_MS = 86_400_000;

/** 安排相应人员按照工作制度值班: the legal workroom's duty roster (staff or volunteers, by day and shift). */
@Injectable()
export class LegalDutyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The roster between two dates (inclusive): of a visible unit's subtree, or of the actor's own legal workroom. */
  async roster(actor: Actor, from: string, to: string, rawUnitId?: string | null): Promise<DutyView[]> {
    if (!isIsoDate(from)) throw AppError.badInput('from', '日期格式应为 YYYY-MM-DD，且须为真实日期');
    if (!isIsoDate(to)) throw AppError.badInput('to', '日期格式应为 YYYY-MM-DD，且须为真实日期');
    if (to < from) throw AppError.badInput('to', '结束日期不能早于开始日期');
    if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_RANGE_DAYS)
      throw LegalError.rangeTooLong(MAX_RANGE_DAYS);
    const qb = this.ds.getRepository(LegalDutyEntity).createQueryBuilder('ld');
    this.scope.scope(qb, actor, 'ld');
    if (rawUnitId != null) await this.scope.filterUnit(qb, actor, 'ld', rawUnitId, 'unitId');
    else qb.andWhere('ld.unit_id = :homeId', { homeId: (await this.scope.homeOf(actor.unitId)).id });
    qb.andWhere('ld.duty_date BETWEEN :from AND :to', { from, to })
      .orderBy('ld.dutyDate', 'ASC')
      .addOrderBy(SHIFT_ORDER, 'ASC')
      .addOrderBy('ld.id', 'ASC');
    return this.views(await qb.getMany());
  }

  async add(actor: Actor, i: AddLegalDutyInput): Promise<DutyView> {
    const row = await withTransaction(this.ds, async (m) => {
      const unit = await this.scope.homeForWrite(actor, actor.unitId, m);
      const person = await this.personOf(m, actor, unit, i);
      const now = this.clock.now();
      await this.assertFree(m, unit.id, i.date, i.shift, person.key);
      const e = m.create(LegalDutyEntity, {
        unitId: unit.id,
        unitPath: unit.path,
        dutyDate: i.date,
        shift: i.shift,
        userId: person.userId,
        volunteerId: person.volunteerId,
        personKey: person.key,
        note: i.note?.trim() || null,
        createdById: actor.kind === 'USER' ? actor.id : null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      e.id = Number((await m.insert(LegalDutyEntity, e)).identifiers[0].id);
      await this.audit.record(
        m,
        actor,
        'addLegalDuty',
        { type: 'legal_duty', id: e.id },
        { date: e.dutyDate, shift: e.shift, person: person.key },
      );
      return e;
    });
    return (await this.views([row]))[0];
  }

  async update(actor: Actor, i: UpdateLegalDutyInput): Promise<DutyView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalDutyEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      const before = { date: e.dutyDate, shift: e.shift, note: e.note };
      if (i.date != null) e.dutyDate = i.date;
      if (i.shift != null) e.shift = i.shift;
      if (i.note !== undefined) e.note = i.note?.trim() || null;
      await this.assertFree(m, e.unitId, e.dutyDate, e.shift, e.personKey, e.id);
      e.updatedAt = this.clock.now();
      e.version += 1;
      await m.save(LegalDutyEntity, e);
      await this.audit.record(
        m,
        actor,
        'updateLegalDuty',
        { type: 'legal_duty', id: e.id },
        { before, after: { date: e.dutyDate, shift: e.shift, note: e.note } },
      );
      return e;
    });
    return (await this.views([row]))[0];
  }

  async remove(actor: Actor, i: RemoveLegalDutyInput): Promise<boolean> {
    return withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalDutyEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      await m.delete(LegalDutyEntity, e.id);
      await this.audit.record(
        m,
        actor,
        'removeLegalDuty',
        { type: 'legal_duty', id: e.id },
        { date: e.dutyDate, shift: e.shift, person: e.personKey },
      );
      return true;
    });
  }

  /** Exactly one person: a staff member of the workroom's center, or an active volunteer of the workroom. */
  private async personOf(m: EntityManager, actor: Actor, unit: OrgUnitEntity, i: AddLegalDutyInput) {
    if ((i.userId == null) === (i.volunteerId == null))
      throw LegalError.dutyPerson('input.userId', '请指定值班的工作人员或志愿者（二者只能选其一）');
    if (i.userId != null) {
      const userId = parseId(i.userId, 'input.userId');
      const user = await m.findOneBy(UserEntity, { id: userId, active: true });
      if (!user || !canSeeUnitPath(actor, user.unitPath, user.unitId))
        throw AppError.notFound('工作人员', 'input.userId');
      if (!user.unitPath.startsWith(centerPath(unit)))
        throw LegalError.dutyPerson('input.userId', '值班人员须为本中心的工作人员');
      return { userId, volunteerId: null, key: `U:${userId}` };
    }
    const volunteerId = parseId(i.volunteerId!, 'input.volunteerId');
    const v = await m.findOneBy(LegalVolunteerEntity, { id: volunteerId });
    if (!v || !canSeeUnitPath(actor, v.unitPath, v.unitId)) throw AppError.notFound('志愿者', 'input.volunteerId');
    if (v.unitId !== unit.id) throw LegalError.volunteerOtherUnit('input.volunteerId');
    if (!v.active) throw LegalError.dutyPerson('input.volunteerId', `志愿者「${v.name}」已退出，不能安排值班`);
    return { userId: null, volunteerId, key: `V:${volunteerId}` };
  }

  private async assertFree(
    m: EntityManager,
    unitId: number,
    dutyDate: string,
    shift: DutyShift,
    personKey: string,
    exceptId?: number,
  ): Promise<void> {
    const taken = await m.existsBy(LegalDutyEntity, {
      unitId,
      dutyDate,
      shift,
      personKey,
      ...(exceptId ? { id: Not(exceptId) } : {}),
    });
    if (taken) throw LegalError.dutyTaken();
  }

  private async views(rows: LegalDutyEntity[]): Promise<DutyView[]> {
    const userIds = [...new Set(rows.map((r) => r.userId).filter((v): v is number => v != null))];
    const volunteerIds = [...new Set(rows.map((r) => r.volunteerId).filter((v): v is number => v != null))];
    const [users, volunteers] = await Promise.all([
      userIds.length
        ? this.ds.manager.find(UserEntity, { where: { id: In(userIds) }, select: { id: true, displayName: true } })
        : [],
      volunteerIds.length
        ? this.ds.manager.find(LegalVolunteerEntity, {
            where: { id: In(volunteerIds) },
            select: { id: true, name: true },
          })
        : [],
    ]);
    const userName = new Map(users.map((u) => [u.id, u.displayName]));
    const volunteerName = new Map(volunteers.map((v) => [v.id, v.name]));
    return rows.map((item) => ({
      item,
      personName: (item.userId != null ? userName.get(item.userId) : volunteerName.get(item.volunteerId!)) ?? '',
    }));
  }
}

/** The center a legal workroom belongs to (its parent), or the unit itself for a station — as Actor.actsFor has it. */
function centerPath(unit: OrgUnitEntity): string {
  return actsForOf(unit.id, unit.path, unit.type).centerPath;
}
