import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, AppError, applyOrgScope, canSeeUnitPath, ExternalAgencyEntity, OrgUnitEntity } from '@weiquan/core';

const UNIT_CACHE_MS = 10_000;

@Injectable()
export class OrgUnitService {
  constructor(
    @InjectRepository(OrgUnitEntity) private readonly units: Repository<OrgUnitEntity>,
    @InjectRepository(ExternalAgencyEntity) private readonly agencies: Repository<ExternalAgencyEntity>,
  ) {}

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
