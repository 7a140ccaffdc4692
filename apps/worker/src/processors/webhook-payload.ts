import { EntityManager } from 'typeorm';
import { CaseEntity, CaseEventEntity, WebhookDeliveryEntity } from '@weiquan/core';

/**
 * The body of one delivery: what a sending system may see about its own transfer — the step and the
 * case's status and results; no consumer details, no internal notes, no staff names.
 */
export async function webhookPayload(m: EntityManager, d: WebhookDeliveryEntity): Promise<string> {
  const [c, e] = await Promise.all([
    m.findOneByOrFail(CaseEntity, { id: d.caseId }),
    m.findOneByOrFail(CaseEventEntity, { id: d.caseEventId }),
  ]);
  return JSON.stringify({
    type: d.eventType,
    timestamp: d.eventAt.toISOString(),
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
