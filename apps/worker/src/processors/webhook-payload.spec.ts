import type { EntityManager } from 'typeorm';
import {
  ApiClientEntity,
  CaseEntity,
  CaseEventEntity,
  OrgUnitEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
} from '@weiquan/core';
import { webhookPayload } from './webhook-payload';

// The sending side of the exchange adapters: a 12345 client's deliveries carry its work-order reply
// fields beside Weiquan's payload; another client's do not.
describe('webhookPayload', () => {
  const at = new Date('2026-12-08T08:00:00.000Z');
  const rows = (channel: string) =>
    new Map<unknown, object>([
      [
        CaseEntity,
        {
          id: '7',
          caseNo: 'GL-2026-000007',
          externalRef: 'RC12345-0007',
          state: 'CONCLUDED',
          ownerUnitId: 3,
          dueAt: new Date('2026-12-12T09:00:00.000Z'),
          overdue: false,
          rejectGround: null,
          outcome: 'MEDIATED',
          concludedAt: at,
          replyContent: null,
          repliedAt: null,
          satisfaction: null,
          archivedAt: null,
          consumerName: '王小明',
          consumerPhone: '13900001111',
        },
      ],
      [CaseEventEntity, { id: '70', action: 'concludeCase', fromState: 'IN_PROGRESS', toState: 'CONCLUDED', at }],
      [WebhookEndpointEntity, { id: 1, clientId: 5 }],
      [ApiClientEntity, { id: 5, channel }],
      [OrgUnitEntity, { id: 3, name: '鼓楼区消费者权益保护中心' }],
    ]);
  const manager = (channel: string) => {
    const r = rows(channel);
    const get = async (e: unknown) => r.get(e) ?? null;
    return { findOneByOrFail: get, findOneBy: get } as unknown as EntityManager;
  };
  const delivery = { endpointId: 1, caseId: '7', caseEventId: '70', eventType: 'case.concluded', eventAt: at };

  it('adds the 12345 reply fields for a 12345 client, and never the consumer', async () => {
    const body = JSON.parse(
      await webhookPayload(manager('TRANSFER_12345'), delivery as unknown as WebhookDeliveryEntity),
    );
    expect(body.partner).toBe('HOTLINE_12345');
    expect(body.partnerForm).toEqual({
      gdbh: 'RC12345-0007',
      blzt: '已办结',
      cbdw: '鼓楼区消费者权益保护中心',
      blsx: '2026-12-12T09:00:00.000Z',
      tdyy: null,
      bjjg: '调解成功',
      bjsj: '2026-12-08T08:00:00.000Z',
      dfnr: null,
      hfjg: null,
      dqhj: expect.any(String),
    });
    expect(body.data).toMatchObject({ caseNo: 'GL-2026-000007', outcome: 'MEDIATED', action: 'concludeCase' });
    expect(JSON.stringify(body)).not.toContain('13900001111');
    expect(JSON.stringify(body)).not.toContain('王小明');
  });

  it('sends a client with no exchange adapter only the Weiquan payload', async () => {
    const body = JSON.parse(
      await webhookPayload(manager('TRANSFER_DEPARTMENT'), delivery as unknown as WebhookDeliveryEntity),
    );
    expect(body.partnerForm).toBeUndefined();
    expect(body.data.externalRef).toBe('RC12345-0007');
  });
});
