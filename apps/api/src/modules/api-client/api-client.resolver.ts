import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Permission } from '@weiquan/shared';
import type { Actor } from '@weiquan/core';
import { PageInput } from '../../common/paging';
import { Allow, CurrentActor } from '../../common/permission.decorator';
import { CreateApiClientInput, UpdateApiClientInput } from './api-client.input';
import { ApiClientModel, ApiClientPage, IssuedApiKeyModel } from './api-client.model';
import { ApiClientService } from './api-client.service';

@Resolver(() => ApiClientModel)
export class ApiClientResolver {
  constructor(private readonly clients: ApiClientService) {}

  @Query(() => ApiClientPage, { description: '接口客户端列表（所属单位在数据范围内）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  apiClients(
    @CurrentActor() actor: Actor,
    @Args('page', { type: () => PageInput, nullable: true }) page?: PageInput,
  ): Promise<ApiClientPage> {
    return this.clients.list(actor, page ?? new PageInput());
  }

  @Query(() => ApiClientModel)
  @Allow(Permission.API_CLIENT_MANAGE)
  apiClient(@CurrentActor() actor: Actor, @Args('id', { type: () => ID }) id: string): Promise<ApiClientModel> {
    return this.clients.get(actor, id);
  }

  @Mutation(() => IssuedApiKeyModel, { description: '新建接口客户端及其第一个密钥（密钥仅显示这一次）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  createApiClient(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiClientInput,
  ): Promise<IssuedApiKeyModel> {
    return this.clients.create(actor, input);
  }

  @Mutation(() => ApiClientModel, { description: '修改授权、渠道、来源地址、调用上限，或停用' })
  @Allow(Permission.API_CLIENT_MANAGE)
  updateApiClient(@CurrentActor() actor: Actor, @Args('input') input: UpdateApiClientInput): Promise<ApiClientModel> {
    return this.clients.update(actor, input);
  }

  @Mutation(() => IssuedApiKeyModel, { description: '签发新密钥（轮换：旧密钥在吊销前仍可用；新密钥仅显示这一次）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  issueApiKey(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }) clientId: string,
    @Args('label', { type: () => String, nullable: true }) label?: string,
  ): Promise<IssuedApiKeyModel> {
    return this.clients.issueKey(actor, clientId, label);
  }

  @Mutation(() => ApiClientModel, { description: '吊销密钥（立即失效）' })
  @Allow(Permission.API_CLIENT_MANAGE)
  revokeApiKey(
    @CurrentActor() actor: Actor,
    @Args('keyId', { type: () => ID }) keyId: string,
  ): Promise<ApiClientModel> {
    return this.clients.revokeKey(actor, keyId);
  }
}
