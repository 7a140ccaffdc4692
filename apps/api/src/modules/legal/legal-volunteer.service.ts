import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  Clock,
  escapeLike,
  LegalTrainingAttendeeEntity,
  LegalVolunteerEntity,
  withTransaction,
} from '@weiquan/core';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { LegalError } from './legal.exception';
import { CreateLegalVolunteerInput, LegalVolunteerFilter, UpdateLegalVolunteerInput } from './legal-team.input';
import { VolunteerView } from './legal-team.model';
import { cleanList } from '../workroom/workroom.validators';
import { LegalScope } from './legal-scope.service';

const WHAT = '志愿者';

/** 发展消费维权志愿者队伍: the registry of a legal workroom's volunteers. */
@Injectable()
export class LegalVolunteerService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly scope: LegalScope,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    f: LegalVolunteerFilter = {},
    page: PageInput = new PageInput(),
  ): Promise<Page<VolunteerView>> {
    const qb = this.ds.getRepository(LegalVolunteerEntity).createQueryBuilder('lv');
    this.scope.scope(qb, actor, 'lv');
    await this.scope.filterUnit(qb, actor, 'lv', f.unitId, 'filter.unitId');
    if (f.active != null) qb.andWhere('lv.active = :active', { active: f.active });
    if (f.speciality?.trim())
      qb.andWhere('JSON_CONTAINS(lv.specialities, JSON_QUOTE(:speciality))', { speciality: f.speciality.trim() });
    if (f.keyword?.trim()) {
      qb.andWhere('(lv.name LIKE :kw OR lv.phone LIKE :kw OR lv.organization LIKE :kw)', {
        kw: `%${escapeLike(f.keyword.trim())}%`,
      });
    }
    qb.orderBy('lv.active', 'DESC').addOrderBy('lv.name', 'ASC').addOrderBy('lv.id', 'ASC');
    const [rows, total] = await Promise.all([
      qb.clone().offset(page.offset).limit(page.limit).getMany(),
      qb.getCount(),
    ]);
    return { items: await this.views(rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, rawId: string): Promise<VolunteerView> {
    return (
      await this.views([await this.scope.getVisible(actor, LegalVolunteerEntity, rawId, { what: WHAT, field: 'id' })])
    )[0];
  }

  /** Registers a volunteer with the legal workroom of the actor's center. */
  async create(actor: Actor, i: CreateLegalVolunteerInput): Promise<VolunteerView> {
    const row = await withTransaction(this.ds, async (m) => {
      const unit = await this.scope.homeForWrite(actor, actor.unitId, m);
      const now = this.clock.now();
      const e = m.create(LegalVolunteerEntity, {
        unitId: unit.id,
        unitPath: unit.path,
        name: i.name.trim(),
        phone: i.phone ?? null,
        organization: i.organization?.trim() || null,
        specialities: cleanList(i.specialities),
        active: true,
        note: i.note?.trim() || null,
        createdById: actor.kind === 'USER' ? actor.id : null,
        createdAt: now,
        updatedAt: now,
        version: 1,
      });
      e.id = Number((await m.insert(LegalVolunteerEntity, e)).identifiers[0].id);
      await this.audit.record(
        m,
        actor,
        'createLegalVolunteer',
        { type: 'legal_volunteer', id: e.id },
        { unitId: unit.id, name: e.name },
      );
      return e;
    });
    return (await this.views([row]))[0];
  }

  async update(actor: Actor, i: UpdateLegalVolunteerInput): Promise<VolunteerView> {
    const row = await withTransaction(this.ds, async (m) => {
      const e = await this.scope.getVisible(actor, LegalVolunteerEntity, i.id, {
        m,
        lock: true,
        what: WHAT,
        field: 'input.id',
      });
      if (e.version !== i.version) throw LegalError.stale(WHAT, e.version, i.version);
      const changed: string[] = [];
      const set = <K extends keyof LegalVolunteerEntity>(k: K, v: LegalVolunteerEntity[K]) => {
        e[k] = v;
        changed.push(k);
      };
      if (i.name != null) set('name', i.name.trim());
      if (i.phone !== undefined) set('phone', i.phone);
      if (i.organization !== undefined) set('organization', i.organization?.trim() || null);
      if (i.specialities != null) set('specialities', cleanList(i.specialities));
      if (i.active != null) set('active', i.active);
      if (i.note !== undefined) set('note', i.note?.trim() || null);
      e.updatedAt = this.clock.now();
      e.version += 1;
      await m.save(LegalVolunteerEntity, e);
      await this.audit.record(m, actor, 'updateLegalVolunteer', { type: 'legal_volunteer', id: e.id }, { changed });
      return e;
    });
    return (await this.views([row]))[0];
  }

  private async views(rows: LegalVolunteerEntity[]): Promise<VolunteerView[]> {
    if (!rows.length) return [];
    const counts: { volunteerId: string; n: string }[] = await this.ds
      .createQueryBuilder(LegalTrainingAttendeeEntity, 'a')
      .select('a.volunteer_id', 'volunteerId')
      .addSelect('COUNT(*)', 'n')
      .where('a.volunteer_id IN (:...ids)', { ids: rows.map((r) => r.id) })
      .andWhere('a.attended = 1')
      .groupBy('a.volunteer_id')
      .getRawMany();
    const n = new Map(counts.map((c) => [Number(c.volunteerId), Number(c.n)]));
    return rows.map((item) => ({ item, trainingsAttended: n.get(item.id) ?? 0 }));
  }
}
