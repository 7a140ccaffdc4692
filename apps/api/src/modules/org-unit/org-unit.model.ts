import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrgUnitType, WorkroomCode } from '@weiquan/shared';
import type { ExternalAgencyEntity, OrgUnitEntity } from '@weiquan/core';

registerEnumType(OrgUnitType, { name: 'OrgUnitType', description: '机构类型' });
registerEnumType(WorkroomCode, { name: 'WorkroomCode', description: '工作室' });

@ObjectType('OrgUnit', { description: '机构（维权中心、工作室、站点）' })
export class OrgUnitModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field() name: string;
  @Field(() => OrgUnitType) type: OrgUnitType;
  @Field(() => ID, { nullable: true }) parentId: string | null;
  @Field({ description: "Materialised path of ancestor ids, e.g. '/1/4/17/'" }) path: string;
  @Field(() => Int) depth: number;
  @Field(() => WorkroomCode, { nullable: true }) workroom: WorkroomCode | null;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
  @Field() active: boolean;
}

export function toOrgUnitModel(e: OrgUnitEntity): OrgUnitModel {
  return {
    id: String(e.id),
    code: e.code,
    name: e.name,
    type: e.type,
    parentId: e.parentId == null ? null : String(e.parentId),
    path: e.path,
    depth: e.depth,
    workroom: e.workroom,
    phone: e.phone,
    address: e.address,
    active: e.active,
  };
}

@ObjectType('ExternalAgency', { description: '外部机构（转办、引导对象）' })
export class ExternalAgencyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() kind: string;
  @Field(() => String, { nullable: true }) phone: string | null;
  @Field(() => String, { nullable: true }) address: string | null;
}

export function toExternalAgencyModel(e: ExternalAgencyEntity): ExternalAgencyModel {
  return { id: String(e.id), name: e.name, kind: e.kind, phone: e.phone, address: e.address };
}
