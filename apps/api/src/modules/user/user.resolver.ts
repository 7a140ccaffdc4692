import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { parseId } from '../../common/ids';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor, SignedIn } from '../../common/permission.decorator';
import { AppError } from '@weiquan/core';
import { CreateUserInput, UpdateUserInput, UserFilter } from './user.input';
import { StaffOptionModel, toStaffOption, toUserModel, UserModel, UserPage } from './user.model';
import { UserService } from './user.service';

@Resolver(() => UserModel)
export class UserResolver {
  constructor(private readonly userService: UserService) {}

  @Query(() => UserModel, { description: '当前登录用户' })
  @SignedIn()
  async me(@CurrentActor() actor: Actor): Promise<UserModel> {
    if (actor.kind !== 'USER') throw AppError.forbidden('外部系统没有用户资料');
    return toUserModel(await this.userService.getVisible(actor, actor.id));
  }

  @Query(() => UserPage)
  @Allow(Permission.USER_READ)
  async users(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => UserFilter, nullable: true }) filter?: UserFilter,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<UserPage> {
    const res = await this.userService.list(actor, filter ?? {}, page ?? new PageInput());
    return { ...res, items: res.items.map(toUserModel) };
  }

  @Query(() => UserModel)
  @Allow(Permission.USER_READ)
  async user(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<UserModel> {
    return toUserModel(await this.userService.getVisible(actor, parseId(id, 'id')));
  }

  @Query(() => [StaffOptionModel], {
    description:
      '数据范围内在岗的工作人员（姓名、单位），供选择调解、调查、值班人员；unitId 限定为该单位及下级，最多 200 人',
  })
  @Allow(Permission.CASE_HANDLE)
  async staffOptions(
    @CurrentActor() actor: Actor,
    @Args('unitId', { type: () => ID, nullable: true }) unitId?: string,
    @Args('keyword', { type: () => String, nullable: true }) keyword?: string,
  ): Promise<StaffOptionModel[]> {
    return (await this.userService.staffOptions(actor, unitId, keyword)).map(toStaffOption);
  }

  @Mutation(() => UserModel)
  @Allow(Permission.USER_MANAGE)
  async createUser(@CurrentActor() actor: Actor, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return toUserModel(await this.userService.create(actor, input));
  }

  @Mutation(() => UserModel)
  @Allow(Permission.USER_MANAGE)
  async updateUser(@CurrentActor() actor: Actor, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return toUserModel(await this.userService.update(actor, input));
  }

  @Mutation(() => UserModel, { description: '启用或停用账号（停用会立即注销其所有会话）' })
  @Allow(Permission.USER_MANAGE)
  async setUserActive(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('active') active: boolean,
  ): Promise<UserModel> {
    return toUserModel(await this.userService.setActive(actor, id, active));
  }

  @Mutation(() => Boolean, { description: '重置密码（同时解除锁定并注销其所有会话）' })
  @Allow(Permission.USER_MANAGE)
  resetUserPassword(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    return this.userService.resetPassword(actor, id, newPassword);
  }
}
