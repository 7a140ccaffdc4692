import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor, OrgUnitEntity, PublicStaffCardEntity } from '@weiquan/core';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { SaveStaffCardInput, SetServicePointInput } from './public-board.input';
import { PublicBoardService } from './public-board.service';
import { staffPhotoUrl } from './staff-photo-url';

@ObjectType({ description: '人员状态公示栏上的一名人员（控制台维护）' })
export class StaffCard {
  @Field(() => ID) id: string;
  @Field(() => ID) unitId: string;
  @Field() name: string;
  @Field({ description: '岗位' }) post: string;
  @Field(() => String, { nullable: true, description: '工号' }) workNo: string | null;
  @Field({ description: '在岗' }) onDuty: boolean;
  @Field(() => String, { nullable: true, description: '照片地址（公开）' }) photoUrl: string | null;
  @Field(() => Int) sortOrder: number;
  @Field(() => Int) version: number;
}

@ObjectType({ description: '办事公开的单位信息：地址、电话、办公时间' })
export class ServicePointSetting {
  @Field(() => ID) unitId: string;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) officeHours: string | null;
}

const card = (c: PublicStaffCardEntity): StaffCard => ({
  id: String(c.id),
  unitId: String(c.unitId),
  name: c.name,
  post: c.post,
  workNo: c.workNo,
  onDuty: c.onDuty,
  photoUrl: staffPhotoUrl(c.photoRef),
  sortOrder: c.sortOrder,
  version: c.version,
});
const point = (u: OrgUnitEntity): ServicePointSetting => ({
  unitId: String(u.id),
  address: u.address,
  phone: u.phone,
  officeHours: u.officeHours,
});

/** Staff side of 办事公开: the staff board and service-point details of the units in the actor's scope. */
@Resolver()
export class PublicBoardResolver {
  constructor(private readonly board: PublicBoardService) {}

  @Query(() => [StaffCard], { description: '单位的人员状态公示栏' })
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  async staffCards(@CurrentActor() actor: Actor, @Args('unitId', { type: () => ID }) unitId: string) {
    return (await this.board.cards(actor, unitId)).map(card);
  }

  @Query(() => ServicePointSetting, { description: '单位在办事公开中的地址、电话和办公时间' })
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  async servicePoint(@CurrentActor() actor: Actor, @Args('unitId', { type: () => ID }) unitId: string) {
    return point(await this.board.unit(actor, unitId));
  }

  @Mutation(() => StaffCard, { description: '新增或修改人员状态公示栏上的一名人员' })
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  async saveStaffCard(@CurrentActor() actor: Actor, @Args('input') input: SaveStaffCardInput) {
    return card(await this.board.save(actor, input));
  }

  @Mutation(() => Boolean, { description: '从人员状态公示栏删除一名人员' })
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  deleteStaffCard(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string) {
    return this.board.remove(actor, id);
  }

  @Mutation(() => ServicePointSetting, { description: '设置单位在办事公开中的地址、电话和办公时间' })
  @Allow(Permission.PUBLIC_INFO_MANAGE)
  async setServicePoint(@CurrentActor() actor: Actor, @Args('input') input: SetServicePointInput) {
    return point(await this.board.setServicePoint(actor, input));
  }
}
