import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { WebhookEventType } from '@weiquan/shared';
import {
  Actor,
  AppError,
  CaseEntity,
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookDeliveryStatus,
  WebhookEndpointEntity,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { Page, PageInput } from '../../common/paging';
import { AuditService } from '../audit/audit.service';
import { ApiClientService } from './api-client.service';
import { CreateWebhookEndpointInput, UpdateWebhookEndpointInput } from './webhook.input';
import {
  CreatedWebhookEndpointModel,
  toDeliveryModel,
  toEndpointModel,
  WebhookDeliveryModel,
  WebhookEndpointModel,
  WebhookEventTypeKey,
} from './webhook.model';

const toTypes = (keys: WebhookEventTypeKey[]) => keys.map((k) => WebhookEventType[k]);

/**
 * Subscriptions (endpoint × event types) of a client and their delivery log, for administrators whose
 * scope holds the client. Replay puts deliveries back to PENDING: the worker sends them again with the
 * same webhook-id, so a receiver that already has them recognises the repeat.
 */
@Injectable()
export class WebhookAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clients: ApiClientService,
    private readonly audit: AuditService,
  ) {}

  async endpoints(actor: Actor, clientId: string): Promise<WebhookEndpointModel[]> {
    const client = await this.clients.visible(this.ds.manager, actor, clientId, 'clientId');
    const rows = await this.ds.getRepository(WebhookEndpointEntity).find({
      where: { clientId: client.id },
      order: { id: 'ASC' },
    });
    return rows.map(toEndpointModel);
  }

  async create(actor: Actor, input: CreateWebhookEndpointInput): Promise<CreatedWebhookEndpointModel> {
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const id = await this.ds.transaction(async (m) => {
      const client = await this.clients.visible(m, actor, input.clientId, 'input.clientId');
      const res = await m.insert(WebhookEndpointEntity, {
        clientId: client.id,
        url: input.url,
        secret,
        eventTypes: toTypes(input.eventTypes),
        active: true,
      });
      const id = Number(res.identifiers[0]!.id);
      await this.audit.record(
        m,
        actor,
        'webhook.create',
        { type: 'webhook_endpoint', id },
        {
          clientId: client.id,
          url: input.url,
          eventTypes: input.eventTypes,
        },
      );
      return id;
    });
    return { endpoint: toEndpointModel(await this.load(this.ds.manager, actor, String(id), 'id')), secret };
  }

  async update(actor: Actor, input: UpdateWebhookEndpointInput): Promise<WebhookEndpointModel> {
    await this.ds.transaction(async (m) => {
      const e = await this.load(m, actor, input.id, 'input.id');
      const changes: Partial<WebhookEndpointEntity> = {};
      if (input.url) changes.url = input.url;
      if (input.eventTypes) changes.eventTypes = toTypes(input.eventTypes);
      if (input.active === true && !e.active)
        Object.assign(changes, { active: true, failingSince: null, disabledAt: null, disabledReason: null });
      if (input.active === false && e.active) Object.assign(changes, { active: false, disabledReason: '管理员停用' });
      const res = await m
        .createQueryBuilder()
        .update(WebhookEndpointEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :v', { id: e.id, v: input.version })
        .execute();
      if (!res.affected) throw AppError.conflict();
      await this.audit.record(m, actor, 'webhook.update', { type: 'webhook_endpoint', id: e.id }, { ...changes });
    });
    return toEndpointModel(await this.load(this.ds.manager, actor, input.id, 'input.id'));
  }

  async deliveries(
    actor: Actor,
    endpointId: string,
    status: WebhookDeliveryStatus | undefined,
    page: PageInput,
  ): Promise<Page<WebhookDeliveryModel>> {
    const e = await this.load(this.ds.manager, actor, endpointId, 'endpointId');
    const [rows, total] = await this.ds.getRepository(WebhookDeliveryEntity).findAndCount({
      where: { endpointId: e.id, ...(status ? { status } : {}) },
      order: { id: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
    const [attempts, caseNos] = await Promise.all([
      rows.length
        ? this.ds.getRepository(WebhookAttemptEntity).find({
            where: { deliveryId: In(rows.map((r) => r.id)) },
            order: { id: 'ASC' },
          })
        : [],
      this.caseNumbers(rows.map((r) => r.caseId)),
    ]);
    const items = rows.map((d) =>
      toDeliveryModel(
        d,
        attempts.filter((a) => a.deliveryId === d.id),
        caseNos.get(String(d.caseId)) ?? '',
      ),
    );
    return { items, total, offset: page.offset, limit: page.limit };
  }

  /** Sends one delivery again (whatever its status), with the same webhook-id. */
  async replayOne(actor: Actor, deliveryId: string): Promise<WebhookDeliveryModel> {
    const id = String(parseId(deliveryId, 'deliveryId'));
    const d = await this.ds.getRepository(WebhookDeliveryEntity).findOneBy({ id });
    if (!d) throw AppError.notFound('推送记录', 'deliveryId');
    const e = await this.load(this.ds.manager, actor, String(d.endpointId), 'deliveryId');
    await this.ds.transaction(async (m) => {
      await this.requeue(m, 'id = :id', { id });
      await this.audit.record(m, actor, 'webhook.replay', { type: 'webhook_endpoint', id: e.id }, { deliveryId: id });
    });
    const fresh = await this.ds.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id });
    const caseNos = await this.caseNumbers([fresh.caseId]);
    return toDeliveryModel(fresh, [], caseNos.get(String(fresh.caseId)) ?? '');
  }

  /** The case numbers of a page of deliveries, in one query (the log names cases as operators know them). */
  private async caseNumbers(caseIds: string[]): Promise<Map<string, string>> {
    if (!caseIds.length) return new Map();
    const cases = await this.ds.getRepository(CaseEntity).find({
      where: { id: In([...new Set(caseIds)]) },
      select: { id: true, caseNo: true },
    });
    return new Map(cases.map((c) => [String(c.id), c.caseNo]));
  }

  /** Sends again every delivery of the endpoint whose event happened at or after `since`; returns how many. */
  async replaySince(actor: Actor, endpointId: string, since: Date): Promise<number> {
    const e = await this.load(this.ds.manager, actor, endpointId, 'endpointId');
    return this.ds.transaction(async (m) => {
      const n = await this.requeue(m, 'endpoint_id = :e AND event_at >= :since', { e: e.id, since });
      await this.audit.record(
        m,
        actor,
        'webhook.replay',
        { type: 'webhook_endpoint', id: e.id },
        {
          since: since.toISOString(),
          count: n,
        },
      );
      return n;
    });
  }

  private async requeue(m: EntityManager, where: string, params: Record<string, unknown>): Promise<number> {
    const res = await m
      .createQueryBuilder()
      .update(WebhookDeliveryEntity)
      .set({ status: 'PENDING', attempts: 0, nextAttemptAt: null, lockedUntil: null, deliveredAt: null })
      .where(where, params)
      .execute();
    return res.affected ?? 0;
  }

  /** An endpoint of a client the actor may see; otherwise exactly NOT_FOUND. */
  private async load(m: EntityManager, actor: Actor, id: string, field: string): Promise<WebhookEndpointEntity> {
    const e = await m.findOneBy(WebhookEndpointEntity, { id: parseId(id, field) });
    if (!e) throw AppError.notFound('推送地址', field);
    await this.clients.visible(m, actor, String(e.clientId), field).catch(() => {
      throw AppError.notFound('推送地址', field);
    });
    return e;
  }
}
