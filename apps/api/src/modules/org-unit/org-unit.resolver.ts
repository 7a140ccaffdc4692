import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CreateOrgUnitInput, UpdateOrgUnitInput } from './org-unit.input';
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

  @Mutation(() => OrgUnitModel, { description: '新建机构（上级须在本人数据范围内；新建的中心自动带四个工作室）' })
  @Allow(Permission.ORG_MANAGE)
  async createOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: CreateOrgUnitInput): Promise<OrgUnitModel> {
    return toOrgUnitModel(await this.service.create(actor, input));
  }

  @Mutation(() => OrgUnitModel, { description: '修改机构名称、电话、地址' })
  @Allow(Permission.ORG_MANAGE)
  async updateOrgUnit(@CurrentActor() actor: Actor, @Args('input') input: UpdateOrgUnitInput): Promise<OrgUnitModel> {
    return toOrgUnitModel(await this.service.update(actor, input));
  }

  @Mutation(() => OrgUnitModel, { description: '停用或启用机构（尚有未办结案件、启用账号或下级机构的不能停用）' })
  @Allow(Permission.ORG_MANAGE)
  async setOrgUnitActive(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
  ): Promise<OrgUnitModel> {
    return toOrgUnitModel(await this.service.setActive(actor, id, active));
  }
}
