import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { childPath, OrgUnitType, WorkroomCode, WorkroomLabel } from '@weiquan/shared';
import {
  Actor,
  AppError,
  applyOrgScope,
  canSeeUnitPath,
  ExternalAgencyEntity,
  OrgUnitEntity,
  UserEntity,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { AuditService } from '../audit/audit.service';
import { CreateOrgUnitInput, UpdateOrgUnitInput } from './org-unit.input';

/** Which unit types may sit under which (the network of domain.md: city → county → township → village). */
const ALLOWED_PARENTS: Record<OrgUnitType, readonly OrgUnitType[]> = {
  CITY_CENTER: [],
  COUNTY_CENTER: [OrgUnitType.CITY_CENTER],
  WORKROOM: [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER],
  TOWNSHIP_STATION: [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER],
  ENTERPRISE_STATION: [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER, OrgUnitType.TOWNSHIP_STATION],
  VILLAGE_STATION: [OrgUnitType.TOWNSHIP_STATION],
};
const CENTERS: readonly OrgUnitType[] = [OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER];

const UNIT_CACHE_MS = 10_000;

@Injectable()
export class OrgUnitService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    @InjectRepository(ExternalAgencyEntity) private readonly agencies: Repository<ExternalAgencyEntity>,
    private readonly audit: AuditService,
  ) {}

  /**
   * 新建机构 under a unit the actor may see. A new center gets its four workrooms at once (every
   * center has 受理接待, 法律服务, 维权服务 and 诉调对接). Codes are unique; a county center's code is
   * the prefix of its case numbers, so it is 2–8 capital letters.
   */
  async create(actor: Actor, input: CreateOrgUnitInput): Promise<OrgUnitEntity> {
    const parent = await this.getVisible(actor, parseId(input.parentId, 'input.parentId'), 'input.parentId');
    if (!parent.active) throw AppError.badInput('input.parentId', '上级机构已停用');
    if (!ALLOWED_PARENTS[input.type].includes(parent.type)) {
      throw AppError.badInput('input.type', `${parent.name}下不能设立该类型的机构`);
    }
    if (input.type === OrgUnitType.WORKROOM && !input.workroom)
      throw AppError.badInput('input.workroom', '请选择工作室类别');
    if (input.type !== OrgUnitType.WORKROOM && input.workroom)
      throw AppError.badInput('input.workroom', '只有工作室才有工作室类别');
    if (input.type === OrgUnitType.COUNTY_CENTER && (!/^[A-Z]{2,8}$/.test(input.code) || input.code === 'WQ')) {
      throw AppError.badInput('input.code', '县级中心编码须为 2–8 个大写字母（用作案件编号前缀，WQ 为市中心保留）');
    }
    const id = await withTransaction(this.ds, async (m) => {
      const locked = await m.findOne(OrgUnitEntity, { where: { id: parent.id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw AppError.notFound('机构', 'input.parentId');
      if (input.workroom && (await m.existsBy(OrgUnitEntity, { parentId: parent.id, workroom: input.workroom }))) {
        throw AppError.badInput('input.workroom', `${parent.name}已有${WorkroomLabel[input.workroom]}`);
      }
      const unit = await this.insertUnit(m, locked, {
        code: input.code,
        name: input.name,
        type: input.type,
        workroom: input.workroom ?? null,
        phone: input.phone ?? null,
        address: input.address ?? null,
      });
      if (CENTERS.includes(input.type)) {
        for (const w of Object.values(WorkroomCode)) {
          await this.insertUnit(m, unit, {
            code: `${input.code}-${w}`,
            name: WorkroomLabel[w],
            type: OrgUnitType.WORKROOM,
            workroom: w,
            phone: null,
            address: null,
          });
        }
      }
      await this.audit.record(
        m,
        actor,
        'org.create',
        { type: 'org_unit', id: unit.id },
        { code: unit.code, name: unit.name, type: unit.type, parentId: parent.id },
      );
      return unit.id;
    });
    this.forget();
    return this.getVisible(actor, id);
  }

  /** 修改 name, phone or address. Code, type and parent stay: case numbers and scopes rest on them. */
  async update(actor: Actor, input: UpdateOrgUnitInput): Promise<OrgUnitEntity> {
    const id = parseId(input.id, 'input.id');
    await withTransaction(this.ds, async (m) => {
      const unit = await this.getVisibleIn(m, actor, id, 'input.id');
      const patch: Partial<OrgUnitEntity> = {};
      if (input.name !== undefined && input.name !== null) patch.name = input.name.trim();
      if (input.phone !== undefined) patch.phone = input.phone || null;
      if (input.address !== undefined) patch.address = input.address || null;
      if (!Object.keys(patch).length) return;
      await m.update(OrgUnitEntity, unit.id, patch);
      await this.audit.record(m, actor, 'org.update', { type: 'org_unit', id: unit.id }, { ...patch });
    });
    this.forget();
    return this.getVisible(actor, id);
  }

  /**
   * 停用/启用. A unit still holding open cases, active staff or active sub-units cannot be disabled
   * (they would be stranded); nor can the actor's own unit or the city center.
   */
  async setActive(actor: Actor, rawId: string, active: boolean): Promise<OrgUnitEntity> {
    const id = parseId(rawId, 'id');
    await withTransaction(this.ds, async (m) => {
      const unit = await this.getVisibleIn(m, actor, id, 'id');
      if (unit.active === active) return;
      if (!active) {
        if (unit.type === OrgUnitType.CITY_CENTER) throw AppError.badInput('id', '市中心不能停用');
        if (unit.id === actor.unitId) throw AppError.badInput('id', '不能停用自己所在的机构');
        const [{ n: children }] = await m.query(
          'SELECT COUNT(*) AS n FROM org_unit WHERE parent_id = ? AND active = 1',
          [unit.id],
        );
        if (Number(children)) throw AppError.badInput('id', `该机构下还有 ${children} 个启用的下级机构，请先停用它们`);
        const users = await m.countBy(UserEntity, { unitId: unit.id, active: true });
        if (users) throw AppError.badInput('id', `该机构还有 ${users} 个启用的账号，请先调整或停用`);
        const [{ n: open }] = await m.query(
          'SELECT COUNT(*) AS n FROM wq_case WHERE (owner_unit_id = ? OR assigned_unit_id = ?) AND is_open = 1',
          [unit.id, unit.id],
        );
        if (Number(open)) throw AppError.badInput('id', `该机构还有 ${open} 件未办结的案件，不能停用`);
      } else if (unit.parentId) {
        const parent = await m.findOneBy(OrgUnitEntity, { id: unit.parentId });
        if (parent && !parent.active) throw AppError.badInput('id', '上级机构已停用，请先启用上级机构');
      }
      await m.update(OrgUnitEntity, unit.id, { active });
      await this.audit.record(m, actor, active ? 'org.enable' : 'org.disable', { type: 'org_unit', id: unit.id });
    });
    this.forget();
    return this.getVisible(actor, id);
  }

  private async getVisibleIn(m: EntityManager, actor: Actor, id: number, field: string): Promise<OrgUnitEntity> {
    const unit = await m.findOne(OrgUnitEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('机构', field);
    return unit;
  }

  private async insertUnit(
    m: EntityManager,
    parent: OrgUnitEntity,
    u: Pick<OrgUnitEntity, 'code' | 'name' | 'type' | 'workroom' | 'phone' | 'address'>,
  ): Promise<OrgUnitEntity> {
    const res = await m
      .insert(OrgUnitEntity, { ...u, parentId: parent.id, path: 'pending', depth: parent.depth + 1, active: true })
      .catch((e: { code?: string }) => {
        throw e.code === 'ER_DUP_ENTRY' ? AppError.badInput('input.code', `机构编码 ${u.code} 已被使用`) : e;
      });
    const id = Number(res.identifiers[0].id);
    const path = childPath(parent.path, id);
    await m.update(OrgUnitEntity, id, { path });
    return m.findOneByOrFail(OrgUnitEntity, { id });
  }

  /** The units the actor may see, ordered so parents come before children. */
  listVisible(actor: Actor): Promise<OrgUnitEntity[]> {
    const qb = this.units.createQueryBuilder('o').orderBy('o.depth').addOrderBy('o.code');
    return applyOrgScope(qb, actor, { path: 'o.path', unitId: 'o.id' }).getMany();
  }

  /** A unit by id; one the actor may not see answers exactly like one that does not exist. */
  async getVisible(actor: Actor, id: number, field = 'id'): Promise<OrgUnitEntity> {
    const unit = await this.byId(id);
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('机构', field);
    return unit;
  }

  /**
   * A unit by id through a short-lived copy: registration looks up the same few units on every call.
   * Units change rarely and only through this service (which forgets its copy) or a migration; another
   * API process sees a change within UNIT_CACHE_MS. The returned entity is shared: do not mutate it.
   */
  private async byId(id: number): Promise<OrgUnitEntity | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < UNIT_CACHE_MS) return hit.unit;
    const unit = await this.units.findOneBy({ id });
    if (!unit) return null; // a miss is not remembered: the unit may be created any moment
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(id, { unit, at: Date.now() });
    return unit;
  }

  /** Drops the cached copies (after a unit was created or changed). */
  forget(): void {
    this.cache.clear();
  }

  private readonly cache = new Map<number, { unit: OrgUnitEntity; at: number }>();

  /** Units by id without a scope check: for labels of units already reached through a visible case. */
  byIds(ids: number[]): Promise<OrgUnitEntity[]> {
    return this.units.findBy({ id: In(ids) });
  }

  listAgencies(): Promise<ExternalAgencyEntity[]> {
    return this.agencies.find({ where: { active: true }, order: { kind: 'ASC', name: 'ASC' } });
  }
}
