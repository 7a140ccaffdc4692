import { EntityManager } from 'typeorm';
import {
  ApiClientEntity,
  CaseEntity,
  CaseEventEntity,
  exchangeAdapterFor,
  OrgUnitEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
} from '@weiquan/core';

/**
 * The body of one delivery: what a sending system may see about its own transfer — the step and the
 * case's status and results; no consumer details, no internal notes, no staff names. A client of a
 * partner with an exchange adapter (a 12345 hotline) also gets the status in the partner's own fields
 * (`partnerForm`: 工单编号, 办理状态, 办理时限, 办结结果, 回访结果 …).
 */
export async function webhookPayload(m: EntityManager, d: WebhookDeliveryEntity): Promise<string> {
  const [c, e, endpoint] = await Promise.all([
    m.findOneByOrFail(CaseEntity, { id: d.caseId }),
    m.findOneByOrFail(CaseEventEntity, { id: d.caseEventId }),
    m.findOneByOrFail(WebhookEndpointEntity, { id: d.endpointId }),
  ]);
  const client = await m.findOneBy(ApiClientEntity, { id: endpoint.clientId });
  const adapter = client ? exchangeAdapterFor(client.channel) : null;
  const iso = (x: Date | null) => x?.toISOString() ?? null;
  const partnerForm = adapter?.send({
    externalRef: c.externalRef,
    state: c.state,
    ownerUnitName: (await m.findOneBy(OrgUnitEntity, { id: c.ownerUnitId }))?.name ?? null,
    dueAt: iso(c.dueAt),
    rejectGround: c.rejectGround,
    outcome: c.outcome,
    concludedAt: iso(c.concludedAt),
    replyContent: c.replyContent,
    satisfaction: c.satisfaction,
    archivedAt: iso(c.archivedAt),
  });
  return JSON.stringify({
    type: d.eventType,
    timestamp: d.eventAt.toISOString(),
    ...(partnerForm ? { partner: adapter!.partner, partnerForm } : {}),
    data: {
      caseId: c.id,
      caseNo: c.caseNo,
      externalRef: c.externalRef,
      eventId: String(e.id),
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      state: c.state,
      at: e.at.toISOString(),
      dueAt: c.dueAt?.toISOString() ?? null,
      overdue: c.overdue,
      rejectGround: c.rejectGround,
      outcome: c.outcome,
      concludedAt: c.concludedAt?.toISOString() ?? null,
      replyContent: c.replyContent,
      repliedAt: c.repliedAt?.toISOString() ?? null,
      satisfaction: c.satisfaction,
      archivedAt: c.archivedAt?.toISOString() ?? null,
    },
  });
}
