import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { DEFAULT_API_OPERATIONS } from '@weiquan/shared';
import {
  Actor,
  ApiClientEntity,
  ApiClientKeyEntity,
  AppError,
  applyOrgScope,
  canSeeUnitPath,
  Clock,
  generateApiKey,
  OrgUnitEntity,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { OrgUnitService } from '../org-unit/org-unit.service';
import { CreateApiClientInput, UpdateApiClientInput } from './api-client.input';
import { ApiClientModel, IssuedApiKeyModel, toApiClientModel } from './api-client.model';

/** A client with more live keys than this must revoke one first (rotation needs two). */
export const MAX_LIVE_KEYS = 5;

/**
 * Administration of API clients. A client is visible to an administrator whose scope holds its owning unit.
 * The key is returned once, by createApiClient and issueApiKey; only its SHA-256 is kept.
 */
@Injectable()
export class ApiClientService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly orgUnits: OrgUnitService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, page: PageInput): Promise<Page<ApiClientModel>> {
    const qb = this.ds
      .getRepository(ApiClientEntity)
      .createQueryBuilder('c')
      .innerJoin(OrgUnitEntity, 'o', 'o.id = c.unit_id')
      .orderBy('c.id', 'DESC');
    applyOrgScope(qb, actor, { path: 'o.path', unitId: 'c.unit_id' });
    const [rows, total] = await qb.offset(page.offset).limit(page.limit).getManyAndCount();
    return { items: await this.models(rows), total, offset: page.offset, limit: page.limit };
  }

  async get(actor: Actor, id: string, field = 'id'): Promise<ApiClientModel> {
    return (await this.models([await this.visible(this.ds.manager, actor, id, field)]))[0]!;
  }

  async create(actor: Actor, input: CreateApiClientInput): Promise<IssuedApiKeyModel> {
    const unit = await this.orgUnits.getVisible(actor, parseId(input.unitId, 'input.unitId'), 'input.unitId');
    const issued = generateApiKey();
    const id = await this.ds.transaction(async (m) => {
      const client = await m.save(
        m.create(ApiClientEntity, {
          name: input.name.trim(),
          unitId: unit.id,
          operations: input.operations ?? [...DEFAULT_API_OPERATIONS],
          channel: input.channel,
          allowedSources: input.allowedSources ?? [],
          rateLimitPerMin: input.rateLimitPerMin ?? null,
          active: true,
          note: input.note ?? null,
        }),
      );
      await m.insert(ApiClientKeyEntity, { clientId: client.id, prefix: issued.prefix, keyHash: issued.hash });
      await this.audit.record(
        m,
        actor,
        'apiClient.create',
        { type: 'api_client', id: client.id },
        {
          name: client.name,
          unitId: unit.id,
          operations: client.operations,
          channel: client.channel,
          keyPrefix: issued.prefix,
        },
      );
      return client.id;
    });
    return this.issued(actor, id, issued);
  }

  async update(actor: Actor, input: UpdateApiClientInput): Promise<ApiClientModel> {
    await this.ds.transaction(async (m) => {
      const client = await this.visible(m, actor, input.id, 'input.id', true);
      if (client.version !== input.version) throw AppError.conflict();
      const changes: Partial<ApiClientEntity> = {};
      if (input.name !== undefined) changes.name = input.name!.trim();
      if (input.operations) changes.operations = input.operations;
      if (input.channel) changes.channel = input.channel;
      if (input.allowedSources) changes.allowedSources = input.allowedSources;
      if (input.rateLimitPerMin !== undefined) changes.rateLimitPerMin = input.rateLimitPerMin ?? null;
      if (input.note !== undefined) changes.note = input.note ?? null;
      if (input.active !== undefined && input.active !== null) changes.active = input.active;
      // The version check and the write in one statement: of two concurrent edits exactly one wins.
      const res = await m
        .createQueryBuilder()
        .update(ApiClientEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id: client.id, v: input.version })
        .execute();
      if (!res.affected) throw AppError.conflict();
      await this.audit.record(m, actor, 'apiClient.update', { type: 'api_client', id: client.id }, { ...changes });
    });
    return this.get(actor, input.id, 'input.id');
  }

  /** A new key beside the existing ones (rotation: hand it over, then revoke the old one). */
  async issueKey(actor: Actor, clientId: string, label?: string | null): Promise<IssuedApiKeyModel> {
    const issued = generateApiKey();
    const id = await this.ds.transaction(async (m) => {
      const client = await this.visible(m, actor, clientId, 'clientId', true);
      const live = await m.countBy(ApiClientKeyEntity, { clientId: client.id, revokedAt: IsNull() });
      if (live >= MAX_LIVE_KEYS)
        throw AppError.badInput('clientId', `有效密钥已达 ${MAX_LIVE_KEYS} 个，请先吊销不再使用的密钥`);
      await m.insert(ApiClientKeyEntity, {
        clientId: client.id,
        prefix: issued.prefix,
        keyHash: issued.hash,
        label: label?.trim() || null,
      });
      await this.audit.record(
        m,
        actor,
        'apiClient.issueKey',
        { type: 'api_client', id: client.id },
        {
          keyPrefix: issued.prefix,
        },
      );
      return client.id;
    });
    return this.issued(actor, id, issued);
  }

  /** Revokes a key; the next request with it is refused (keys are checked on every request, never cached). */
  async revokeKey(actor: Actor, keyId: string): Promise<ApiClientModel> {
    const clientId = await this.ds.transaction(async (m) => {
      const key = await m.findOne(ApiClientKeyEntity, {
        where: { id: parseId(keyId, 'keyId') },
        lock: { mode: 'pessimistic_write' },
      });
      if (!key) throw AppError.notFound('密钥', 'keyId');
      await this.visible(m, actor, String(key.clientId), 'keyId');
      if (key.revokedAt) throw AppError.badInput('keyId', '该密钥已吊销');
      await m.update(ApiClientKeyEntity, key.id, { revokedAt: this.clock.now() });
      await this.audit.record(
        m,
        actor,
        'apiClient.revokeKey',
        { type: 'api_client', id: key.clientId },
        {
          keyPrefix: key.prefix,
        },
      );
      return key.clientId;
    });
    return this.get(actor, String(clientId));
  }

  private async issued(
    actor: Actor,
    clientId: number,
    issued: { key: string; prefix: string },
  ): Promise<IssuedApiKeyModel> {
    const client = await this.get(actor, String(clientId));
    const key = client.keys.find((k) => k.prefix === issued.prefix)!;
    return { client, key, secret: issued.key };
  }

  /** A client the actor may see (its owning unit inside the actor's scope); otherwise exactly NOT_FOUND. */
  async visible(m: EntityManager, actor: Actor, id: string, field: string, lock = false): Promise<ApiClientEntity> {
    const client = await m.findOne(ApiClientEntity, {
      where: { id: parseId(id, field) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    const unit = client ? await m.findOneBy(OrgUnitEntity, { id: client.unitId }) : null;
    if (!client || !unit || !canSeeUnitPath(actor, unit.path, unit.id)) throw AppError.notFound('接口客户端', field);
    return client;
  }

  private async models(clients: ApiClientEntity[]): Promise<ApiClientModel[]> {
    if (!clients.length) return [];
    const ids = clients.map((c) => c.id);
    const [keys, units] = await Promise.all([
      this.ds.getRepository(ApiClientKeyEntity).find({ where: { clientId: In(ids) }, order: { id: 'DESC' } }),
      this.orgUnits.byIds([...new Set(clients.map((c) => c.unitId))]),
    ]);
    return clients.map((c) =>
      toApiClientModel(
        c,
        units.find((u) => u.id === c.unitId)?.name ?? '',
        keys.filter((k) => k.clientId === c.id),
      ),
    );
  }
}
