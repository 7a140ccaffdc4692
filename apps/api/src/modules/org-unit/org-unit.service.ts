import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Actor, AppError, applyOrgScope, canSeeUnitPath, ExternalAgencyEntity, OrgUnitEntity } from '@weiquan/core';

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
    const unit = await this.units.findOneBy({ id });
    if (!unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('机构', field);
    return unit;
  }

  /** Units by id without a scope check: for labels of units already reached through a visible case. */
  byIds(ids: number[]): Promise<OrgUnitEntity[]> {
    return this.units.findBy({ id: In(ids) });
  }

  listAgencies(): Promise<ExternalAgencyEntity[]> {
    return this.agencies.find({ where: { active: true }, order: { kind: 'ASC', name: 'ASC' } });
  }
}
