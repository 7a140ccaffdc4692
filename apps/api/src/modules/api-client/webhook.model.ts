import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { WebhookEventType } from '@weiquan/shared';
import type { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from '@weiquan/core';
import { PageOf } from '../../common/paging';

// GraphQL enum names cannot contain dots: the enum's keys (ACCEPTED …) go over the wire, the values in payloads.
export const WebhookEventTypeKey = Object.fromEntries(Object.keys(WebhookEventType).map((k) => [k, k])) as {
  [K in keyof typeof WebhookEventType]: K;
};
export type WebhookEventTypeKey = keyof typeof WebhookEventType;
registerEnumType(WebhookEventTypeKey, {
  name: 'WebhookEventType',
  description: '推送事件类型（载荷中的 type 为 case.accepted 等）',
});

export enum WebhookDeliveryStatusEnum {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}
registerEnumType(WebhookDeliveryStatusEnum, { name: 'WebhookDeliveryStatus', description: '推送状态' });

export const keyOfEventType = (t: WebhookEventType): WebhookEventTypeKey =>
  (Object.keys(WebhookEventType) as WebhookEventTypeKey[]).find((k) => WebhookEventType[k] === t)!;

@ObjectType('WebhookEndpoint', { description: '状态推送地址' })
export class WebhookEndpointModel {
  @Field(() => ID) id: string;
  @Field(() => ID) clientId: string;
  @Field() url: string;
  @Field(() => [WebhookEventTypeKey]) eventTypes: WebhookEventTypeKey[];
  @Field() active: boolean;
  @Field(() => Date, { nullable: true, description: '自何时起持续失败' }) failingSince: Date | null;
  @Field(() => Date, { nullable: true }) disabledAt: Date | null;
  @Field(() => String, { nullable: true }) disabledReason: string | null;
  @Field(() => Int) version: number;
  @Field() createdAt: Date;
}

@ObjectType('CreatedWebhookEndpoint', { description: '新推送地址及其签名密钥（仅显示这一次）' })
export class CreatedWebhookEndpointModel {
  @Field(() => WebhookEndpointModel) endpoint: WebhookEndpointModel;
  @Field({ description: '签名密钥 whsec_…（Standard Webhooks）' }) secret: string;
}

@ObjectType('WebhookAttempt', { description: '一次推送尝试' })
export class WebhookAttemptModel {
  @Field() at: Date;
  @Field() ok: boolean;
  @Field(() => Int, { nullable: true }) statusCode: number | null;
  @Field(() => Int) latencyMs: number;
  @Field(() => String, { nullable: true }) error: string | null;
}

@ObjectType('WebhookDelivery', { description: '推送记录' })
export class WebhookDeliveryModel {
  @Field(() => ID) id: string;
  @Field({ description: 'webhook-id 请求头（重发时不变）' }) messageId: string;
  @Field(() => ID) caseId: string;
  @Field({ description: '案件编号（操作员认得的号，不是内部 id）' }) caseNo: string;
  @Field(() => WebhookEventTypeKey) eventType: WebhookEventTypeKey;
  @Field() eventAt: Date;
  @Field(() => WebhookDeliveryStatusEnum) status: WebhookDeliveryStatusEnum;
  @Field(() => Int) attempts: number;
  @Field(() => Date, { nullable: true }) nextAttemptAt: Date | null;
  @Field(() => Int, { nullable: true }) lastStatusCode: number | null;
  @Field(() => Int, { nullable: true }) lastLatencyMs: number | null;
  @Field(() => String, { nullable: true }) lastError: string | null;
  @Field(() => Date, { nullable: true }) deliveredAt: Date | null;
  @Field(() => [WebhookAttemptModel]) attemptLog: WebhookAttemptModel[];
}

@ObjectType('WebhookDeliveryPage')
export class WebhookDeliveryPage extends PageOf(WebhookDeliveryModel, 'WebhookDeliveryPageBase') {}

export function toEndpointModel(e: WebhookEndpointEntity): WebhookEndpointModel {
  return {
    id: String(e.id),
    clientId: String(e.clientId),
    url: e.url,
    eventTypes: e.eventTypes.map(keyOfEventType),
    active: e.active,
    failingSince: e.failingSince,
    disabledAt: e.disabledAt,
    disabledReason: e.disabledReason,
    version: e.version,
    createdAt: e.createdAt,
  };
}

export function toDeliveryModel(
  d: WebhookDeliveryEntity,
  attempts: WebhookAttemptEntity[],
  caseNo: string,
): WebhookDeliveryModel {
  return {
    id: d.id,
    messageId: `msg_${d.id}`,
    caseId: d.caseId,
    caseNo,
    eventType: keyOfEventType(d.eventType),
    eventAt: d.eventAt,
    status: d.status as WebhookDeliveryStatusEnum,
    attempts: d.attempts,
    nextAttemptAt: d.nextAttemptAt,
    lastStatusCode: d.lastStatusCode,
    lastLatencyMs: d.lastLatencyMs,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt,
    attemptLog: attempts.map((a) => ({
      at: a.at,
      ok: a.ok,
      statusCode: a.statusCode,
      latencyMs: a.latencyMs,
      error: a.error,
    })),
  };
}
