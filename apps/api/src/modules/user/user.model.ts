import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DataScope, Role } from '@weiquan/shared';
import type { UserEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';
import { OrgUnitModel, toOrgUnitModel } from '../org-unit/org-unit.model';

registerEnumType(Role, { name: 'Role', description: '角色' });
registerEnumType(DataScope, { name: 'DataScope', description: '数据范围：本单位 / 本单位及下级 / 全部' });

@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() username: string;
  @Field() displayName: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => [Role]) roles: Role[];
  @Field(() => DataScope) dataScope: DataScope;
  @Field(() => ID) unitId: string;
  @Field(() => OrgUnitModel) unit: OrgUnitModel;
  @Field() active: boolean;
  @Field(() => Date, { nullable: true }) lockedUntil: Date | null;
  @Field(() => Date, { nullable: true }) lastLoginAt: Date | null;
  @Field() createdAt: Date;
}

/** Expects `unit` joined (every user query joins it: no N+1 on lists). */
export function toUserModel(e: UserEntity): UserModel {
  if (!e.unit) throw new Error('toUserModel needs the unit joined');
  return {
    id: String(e.id),
    username: e.username,
    displayName: e.displayName,
    phone: e.phone,
    roles: e.roles,
    dataScope: e.dataScope,
    unitId: String(e.unitId),
    unit: toOrgUnitModel(e.unit),
    active: e.active,
    lockedUntil: e.lockedUntil,
    lastLoginAt: e.lastLoginAt,
    createdAt: e.createdAt,
  };
}

@ObjectType('UserPage')
export class UserPage extends PageOf(UserModel, 'UserPageBase') {}

/** A colleague to pick as a participant (mediation, investigation, duty roster): no contact details. */
@ObjectType('StaffOption', { description: '可选的工作人员（调解、现场调查、值班时选择参加人员）' })
export class StaffOptionModel {
  @Field(() => ID) id: string;
  @Field() displayName: string;
  @Field(() => ID) unitId: string;
  @Field() unitName: string;
}

/** Expects `unit` joined. */
export function toStaffOption(e: UserEntity): StaffOptionModel {
  if (!e.unit) throw new Error('toStaffOption needs the unit joined');
  return { id: String(e.id), displayName: e.displayName, unitId: String(e.unitId), unitName: e.unit.name };
}
