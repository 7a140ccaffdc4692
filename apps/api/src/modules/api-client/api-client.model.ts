import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ApiOperation, Channel } from '@weiquan/shared';
import type { ApiClientEntity, ApiClientKeyEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';

registerEnumType(ApiOperation, { name: 'ApiOperation', description: '接口客户端可调用的操作' });

@ObjectType('ApiClientKey', { description: '接口密钥（只显示前缀，密钥本身仅在创建时显示一次）' })
export class ApiClientKeyModel {
  @Field(() => ID) id: string;
  @Field({ description: '密钥前缀（wq_<前缀>_…），用于辨认' }) prefix: string;
  @Field(() => String, { nullable: true }) label: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType('ApiClient', { description: '接口客户端（其他政务系统）' })
export class ApiClientModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ID, { description: '所属单位；数据范围为该单位及其下级' }) unitId: string;
  @Field() unitName: string;
  @Field(() => [ApiOperation]) operations: ApiOperation[];
  @Field(() => Channel, { description: '登记渠道（无论对方传什么，一律按此渠道登记）' }) channel: Channel;
  @Field(() => [String], { description: '允许的来源地址（IP 或 CIDR）；为空表示不限' }) allowedSources: string[];
  @Field(() => Int, { nullable: true, description: '每分钟调用上限；为空用系统默认值' }) rateLimitPerMin: number | null;
  @Field() active: boolean;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true, description: '最近一次调用（各密钥中最晚的）' }) lastUsedAt: Date | null;
  @Field(() => [ApiClientKeyModel]) keys: ApiClientKeyModel[];
}

@ObjectType('ApiClientPage')
export class ApiClientPage extends PageOf(ApiClientModel, 'ApiClientPageBase') {}

@ObjectType('IssuedApiKey', { description: '新密钥：仅此一次显示，请立即交给对方系统保存' })
export class IssuedApiKeyModel {
  @Field(() => ApiClientModel) client: ApiClientModel;
  @Field(() => ApiClientKeyModel) key: ApiClientKeyModel;
  @Field({ description: '完整密钥（不再显示，系统只保存其摘要）' }) secret: string;
}

export function toApiClientKeyModel(k: ApiClientKeyEntity): ApiClientKeyModel {
  return {
    id: String(k.id),
    prefix: k.prefix,
    label: k.label,
    createdAt: k.createdAt,
    lastUsedAt: k.lastUsedAt,
    revokedAt: k.revokedAt,
  };
}

export function toApiClientModel(c: ApiClientEntity, unitName: string, keys: ApiClientKeyEntity[]): ApiClientModel {
  const used = keys.map((k) => k.lastUsedAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
  return {
    id: String(c.id),
    name: c.name,
    unitId: String(c.unitId),
    unitName,
    operations: c.operations,
    channel: c.channel,
    allowedSources: c.allowedSources,
    rateLimitPerMin: c.rateLimitPerMin,
    active: c.active,
    note: c.note,
    version: c.version,
    createdAt: c.createdAt,
    lastUsedAt: used ? new Date(used) : null,
    keys: keys.map(toApiClientKeyModel),
  };
}
