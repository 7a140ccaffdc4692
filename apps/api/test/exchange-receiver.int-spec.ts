import {
  AuditEventEntity,
  CaseEntity,
  CaseEventEntity,
  ExchangeReceiver,
  InboundAnswer,
  InboundMessage,
  OrgUnitEntity,
} from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { complaint } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// The receiving transport seam: a province's inbound wire bound in the API delivers partner messages, which
// take the same checks, mapping and idempotent registration as the GraphQL mutations.
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { client { id version } } }`;
const UPDATE = `mutation($input: UpdateApiClientInput!) { updateApiClient(input: $input) { id active } }`;

/** Stands for a poller of a province's queue: keeps the deliver function it is started with. */
class FakeReceiver extends ExchangeReceiver {
  deliver: ((m: InboundMessage) => Promise<InboundAnswer>) | null = null;
  stopped = false;
  async start(deliver: (m: InboundMessage) => Promise<InboundAnswer>): Promise<void> {
    this.deliver = deliver;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
}

describe('province receivers (the receiving exchange transport)', () => {
  const receiver = new FakeReceiver();
  let api: TestApi;
  let admin: GqlClient;
  let units: Map<string, OrgUnitEntity>;
  let closed = false;
  let seq = 0;
  const gdbh = () => `RX12345-${Date.now().toString(36)}-${++seq}`;
  const order = (no: string, extra: Record<string, unknown> = {}) => ({
    gdbh: no,
    sqlx: '投诉',
    sqnr: '网购的电饭煲到货即损坏，商家拒不退换。',
    sqyq: '退货退款',
    sqr: '李收件',
    lxdh: '13900008888',
    bfydx: '某某网店',
    pdsj: new Date(Date.now() - 3_600_000).toISOString(),
    blsx: new Date(Date.now() + 5 * 86_400_000).toISOString(),
    ...extra,
  });
  const client = async (unit: string, channel: string, operations?: string[]) => {
    const input = { name: `${unit} 收件 ${++seq}`, unitId: String(units.get(unit)!.id), channel, operations };
    return (await admin.ok<{ createApiClient: { client: { id: string; version: number } } }>(CREATE, { input }))
      .createApiClient.client;
  };
  const deliver = (m: InboundMessage) => receiver.deliver!(m);
  const cases = (externalRef: string) => api.ds.getRepository(CaseEntity).countBy({ externalRef });

  beforeAll(async () => {
    api = await startTestApi({}, [receiver]);
    admin = (await loginAs(api.gql, 'admin')).client;
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  });
  afterAll(async () => {
    if (!closed) await api?.close();
  });

  it('registers a delivered 12345 work order once, attributed to its client, and answers a resend with the same case', async () => {
    expect(receiver.deliver).not.toBeNull(); // started with the application
    const c = await client('GL', 'TRANSFER_12345');
    const no = gdbh();
    const first = await deliver({ clientId: Number(c.id), body: order(no), idempotencyKey: `k-${no}` });
    expect(first).toMatchObject({ ok: true, created: true, externalRef: no, state: 'REGISTERED' });
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ externalRef: no });
    expect(stored).toMatchObject({
      caseNo: (first as { caseNo: string }).caseNo,
      channel: 'TRANSFER_12345',
      kind: 'COMPLAINT',
      registeredByClientId: Number(c.id),
      ownerUnitId: units.get('GL')!.id,
      consumerName: '李收件',
      respondentName: '某某网店',
      idempotencyKey: `k-${no}`,
    });
    const event = await api.ds
      .getRepository(CaseEventEntity)
      .findOneByOrFail({ caseId: stored.id, action: 'registerCase' });
    expect(event).toMatchObject({ actorKind: 'API_CLIENT', actorId: Number(c.id) });
    const audit = await api.ds
      .getRepository(AuditEventEntity)
      .findOneByOrFail({ action: 'case.transferIn', targetId: stored.id });
    expect(audit.actorClientId).toBe(Number(c.id));

    // The wire retries (once, then three at once): the same case, created false.
    const again = await deliver({ clientId: Number(c.id), body: order(no), idempotencyKey: `k-${no}` });
    expect(again).toEqual({ ...first, created: false });
    const raced = await Promise.all([1, 2, 3].map(() => deliver({ clientId: Number(c.id), body: order(no) })));
    expect(raced.map((r) => r.ok && r.created)).toEqual([false, false, false]);
    expect(await cases(no)).toBe(1);
    // The idempotency key of this work order cannot stand for another.
    const reused = await deliver({ clientId: Number(c.id), body: order(gdbh()), idempotencyKey: `k-${no}` });
    expect(reused).toMatchObject({ ok: false, code: 'IDEMPOTENCY_KEY_REUSED', retryable: false });
  });

  it('refuses a disabled client, one without TRANSFER_IN, one of no partner channel and an unknown one, storing nothing', async () => {
    const disabled = await client('GL', 'TRANSFER_12345');
    await admin.ok(UPDATE, { input: { id: disabled.id, version: disabled.version, active: false } });
    const readOnly = await client('GL', 'TRANSFER_12345', ['TRANSFER_READ']);
    const visit = await client('GL', 'TRANSFER_DEPARTMENT');
    const refusals: [number, string][] = [
      [Number(disabled.id), 'UNAUTHENTICATED'],
      [Number(readOnly.id), 'FORBIDDEN'],
      [Number(visit.id), 'FORBIDDEN'],
      [987654321, 'UNAUTHENTICATED'],
    ];
    for (const [clientId, code] of refusals) {
      const no = gdbh();
      expect(await deliver({ clientId, body: order(no) })).toMatchObject({ ok: false, code, retryable: false });
      expect(await cases(no)).toBe(0);
    }
  });

  it('answers a malformed work order with a coded error naming the partner field, storing nothing', async () => {
    const c = await client('HX', 'TRANSFER_12345');
    const no = gdbh();
    const bad = async (body: unknown, field: string, idempotencyKey?: string) =>
      expect(await deliver({ clientId: Number(c.id), body, idempotencyKey })).toMatchObject({
        ok: false,
        code: 'BAD_USER_INPUT',
        field,
        retryable: false,
      });
    await bad(order(no, { sqlx: '表扬' }), 'sqlx'); // the form's rules, as over GraphQL
    await bad(order(no, { gdbh: undefined }), 'gdbh');
    await bad(order(no, { lxdh: null }), 'lxdh'); // the adapter's mapping (WorkOrderMappingError)
    await bad(order(no, { blsx: new Date(Date.now() - 2 * 86_400_000).toISOString() }), 'blsx');
    await bad('not a work order', 'body');
    await bad(order(no), 'idempotencyKey', 'has space');
    expect(await cases(no)).toBe(0);
  });

  it('maps a 12315 platform client’s message with its own adapter (Weiquan’s transfer form) through the same path', async () => {
    const c = await client('GL', 'TRANSFER_UPPER');
    const { channel: _c, ...fields } = complaint();
    const ref = gdbh();
    const first = await deliver({ clientId: Number(c.id), body: { ...fields, externalRef: ref } });
    expect(first).toMatchObject({ ok: true, created: true, externalRef: ref });
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ externalRef: ref });
    expect(stored).toMatchObject({ channel: 'TRANSFER_UPPER', registeredByClientId: Number(c.id) });
    expect(await deliver({ clientId: Number(c.id), body: { ...fields, externalRef: ref } })).toMatchObject({
      ok: true,
      created: false,
      caseNo: stored.caseNo,
    });
    const bad = await deliver({ clientId: Number(c.id), body: fields });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_USER_INPUT', field: 'externalRef' });
  });

  it('stops the receiver when the application shuts down', async () => {
    expect(receiver.stopped).toBe(false);
    closed = true;
    await api.close();
    expect(receiver.stopped).toBe(true);
  });
});
