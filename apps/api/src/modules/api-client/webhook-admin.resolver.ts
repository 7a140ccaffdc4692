import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.input';
import {
  CreatedWebhookEndpointModel,
  WebhookDeliveryModel,
  WebhookDeliveryPage,
  WebhookDeliveryStatusEnum,
  WebhookEndpointModel,
} from './webhook.model';
import { WebhookAdminService } from './webhook-admin.service';

@Resolver(() => WebhookEndpointModel)
export class WebhookAdminResolver {
  constructor(private readonly webhooks: WebhookAdminService) {}

  @Query(() => [WebhookEndpointModel], { description: '接口客户端的状态推送地址' })
  @Allow(Permission.API_CLIENT_MANAGE)
  webhookEndpoints(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }) clientId: string,
  ): Promise<WebhookEndpointModel[]> {
    return this.webhooks.endpoints(actor, clientId);
  }

  @Mutation(() => CreatedWebhookEndpointModel, { description: '新增推送地址（签名密钥仅显示这一次）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  createWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateWebhookEndpointInput,
  ): Promise<CreatedWebhookEndpointModel> {
    return this.webhooks.create(actor, input);
  }

  @Mutation(() => WebhookEndpointModel, { description: '修改推送地址、订阅事件，或停用/重新启用' })
  @Allow(Permission.API_CLIENT_MANAGE)
  updateWebhookEndpoint(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateWebhookEndpointInput,
  ): Promise<WebhookEndpointModel> {
    return this.webhooks.update(actor, input);
  }

  @Query(() => WebhookDeliveryPage, { description: '推送记录（新的在前，含每次尝试）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  webhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('status', { type: () => WebhookDeliveryStatusEnum, nullable: true }) status?: WebhookDeliveryStatusEnum,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.deliveries(actor, endpointId, status, page ?? new PageInput());
  }

  @Mutation(() => WebhookDeliveryModel, { description: '补发一条推送（webhook-id 不变）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  replayWebhookDelivery(
    @CurrentActor() actor: Actor,
    @Args('deliveryId', { type: () => ID }) deliveryId: string,
  ): Promise<WebhookDeliveryModel> {
    return this.webhooks.replayOne(actor, deliveryId);
  }

  @Mutation(() => Int, { description: '补发某时刻以来的全部推送，返回条数' })
  @Allow(Permission.API_CLIENT_MANAGE)
  replayWebhookDeliveries(
    @CurrentActor() actor: Actor,
    @Args('endpointId', { type: () => ID }) endpointId: string,
    @Args('since') since: Date,
  ): Promise<number> {
    return this.webhooks.replaySince(actor, endpointId, since);
  }
}
