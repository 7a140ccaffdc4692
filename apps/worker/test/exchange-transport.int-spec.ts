import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  CaseEntity,
  CaseEventWriter,
  DEMO_API_KEY,
  ExchangeTransport,
  insertApiClient,
  OrgUnitEntity,
  OutboundMessage,
  SYSTEM_ACTOR,
  TransportAnswer,
  WebhookAttemptEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
} from '@weiquan/core';
import { Channel, WEBHOOK_EVENT_TYPES } from '@weiquan/shared';
import { emptyQueues, FakeClock, insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { WebhookProcessor } from '../src/processors/webhook.processor';
import { WorkerModule } from '../src/worker.module';

/** A province's transport stand-in: keeps what it is given and answers as told. */
class ProvinceTransport extends ExchangeTransport {
  readonly sent: OutboundMessage[] = [];
  refuse = false;
  async send(message: OutboundMessage): Promise<TransportAnswer> {
    this.sent.push(message);
    return this.refuse
      ? { ok: false, statusCode: null, latencyMs: 3, error: '省平台拒收' }
      : { ok: true, statusCode: null, latencyMs: 2, error: null };
  }
}

// The outbox, ordering and retries stay the worker's; only the carrying is swapped through Nest DI.
describe('ExchangeTransport bound in the worker', () => {
  const config = testConfig({ QUEUE_PREFIX: 'wqtest_xt' });
  const clock = new FakeClock(new Date());
  const transport = new ProvinceTransport();
  let app: INestApplicationContext;
  let ds: DataSource;
  let clientId: number;
  let endpointId: number;

  beforeAll(async () => {
    await (await prepareTestDatabase(config)).destroy();
    await emptyQueues(config);
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, clock, schedules: false, exchangeTransport: transport }),
      { logger: false },
    );
    await app.init();
    ds = app.get(DataSource);
    const gl = await ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL' });
    const client = await ds.transaction((m) =>
      insertApiClient(m, {
        name: `省平台通道 ${Date.now()}`,
        unitId: gl.id,
        operations: ['TRANSFER_IN', 'TRANSFER_READ'],
        channel: Channel.TRANSFER_12345,
        key: DEMO_API_KEY.replace('demo12345', `xt${Date.now().toString(36).slice(-8)}`),
      }),
    );
    clientId = client.id;
    const res = await ds.getRepository(WebhookEndpointEntity).insert({
      clientId,
      url: 'http://127.0.0.1:9/never-posted',
      secret: `whsec_${Buffer.from('weiquan-transport-test-secret-32').toString('base64')}`,
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      active: true,
    });
    endpointId = Number(res.identifiers[0]!.id);
  });
  afterAll(() => app?.close());

  async function transferredCaseWith(...actions: ('registerCase' | 'acceptCase')[]): Promise<CaseEntity> {
    const c = await insertCase(ds, { unitCode: 'GL' });
    await ds.getRepository(CaseEntity).update(c.id, { registeredByClientId: clientId, externalRef: `XT-${c.id}` });
    for (const action of actions)
      await ds.transaction((m) => app.get(CaseEventWriter).append(m, SYSTEM_ACTOR, { caseId: c.id, action }));
    return c;
  }

  it('hands the outbound status messages to the bound transport, in order, and records its answers', async () => {
    expect(app.get(ExchangeTransport)).toBe(transport);
    const c = await transferredCaseWith('registerCase', 'acceptCase');
    await app.get(WebhookProcessor).sweep();
    const mine = transport.sent.filter((m) => JSON.parse(m.body).data.caseId === c.id);
    expect(mine.map((m) => JSON.parse(m.body).type)).toEqual(['case.registered', 'case.accepted']);
    const rows = await ds.getRepository(WebhookDeliveryEntity).find({ where: { caseId: c.id }, order: { id: 'ASC' } });
    expect(mine.map((m) => m.id)).toEqual(rows.map((r) => `msg_${r.id}`));
    expect(mine[0]!.url).toBe('http://127.0.0.1:9/never-posted');
    expect(rows.every((r) => r.endpointId === endpointId && r.status === 'DELIVERED' && r.lastLatencyMs === 2)).toBe(
      true,
    );
  });

  it('retries what the transport refused, with the same message id, as for webhooks', async () => {
    transport.refuse = true;
    const c = await transferredCaseWith('registerCase');
    await app.get(WebhookProcessor).sweep();
    const [row] = await ds.getRepository(WebhookDeliveryEntity).findBy({ caseId: c.id });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastError: '省平台拒收' });
    expect(await ds.getRepository(WebhookAttemptEntity).countBy({ deliveryId: row!.id, ok: false })).toBe(1);

    transport.refuse = false;
    clock.advance(60_000);
    await app.get(WebhookProcessor).sweep();
    const sent = transport.sent.filter((m) => m.id === `msg_${row!.id}`);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toBe(sent[0]!.body);
    expect(await ds.getRepository(WebhookDeliveryEntity).findOneByOrFail({ id: row!.id })).toMatchObject({
      status: 'DELIVERED',
      attempts: 2,
    });
  });
});
