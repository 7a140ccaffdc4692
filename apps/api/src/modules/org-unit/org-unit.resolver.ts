import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { ExternalAgencyModel, OrgUnitModel, toExternalAgencyModel, toOrgUnitModel } from './org-unit.model';
import { OrgUnitService } from './org-unit.service';

@Resolver(() => OrgUnitModel)
export class OrgUnitResolver {
  constructor(private readonly service: OrgUnitService) {}

  @Query(() => [OrgUnitModel], { description: '当前用户可见的机构树（扁平列表，按 parentId 组装）' })
  @Allow(Permission.ORG_READ)
  async orgUnits(@CurrentActor() actor: Actor): Promise<OrgUnitModel[]> {
    return (await this.service.listVisible(actor)).map(toOrgUnitModel);
  }

  @Query(() => OrgUnitModel)
  @Allow(Permission.ORG_READ)
  async orgUnit(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<OrgUnitModel> {
    return toOrgUnitModel(await this.service.getVisible(actor, parseId(id, 'id')));
  }

  @Query(() => [ExternalAgencyModel], { description: '外部机构（价格主管部门、法院、其他部门等）' })
  @Allow(Permission.ORG_READ)
  async externalAgencies(): Promise<ExternalAgencyModel[]> {
    return (await this.service.listAgencies()).map(toExternalAgencyModel);
  }
}
