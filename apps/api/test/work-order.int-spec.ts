import { CaseDeadlineEntity, CaseEntity, OrgUnitEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { CaseOps, complaint } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// The 12345 hotline's exchange adapter over GraphQL: work orders in its own fields, the reply fields back.
const CREATE = `mutation($input: CreateApiClientInput!) { createApiClient(input: $input) { secret client { id } } }`;
const REPLY = 'gdbh blzt cbdw blsx tdyy bjjg bjsj dfnr hfjg dqhj';
const RECEIVE = `mutation($input: WorkOrder12345Input!) { receiveWorkOrder12345(input: $input) {
  created transfer { caseId caseNo externalRef kind channel state } reply { ${REPLY} } } }`;
const READ = `query($gdbh: String!) { workOrderReply12345(gdbh: $gdbh) { ${REPLY} } }`;

type Result = {
  created: boolean;
  transfer: { caseId: string; caseNo: string; externalRef: string; kind: string; channel: string; state: string };
  reply: Record<string, string | null>;
};

describe('12345 work orders (exchange adapter over GraphQL)', () => {
  let api: TestApi;
  let admin: GqlClient;
  let units: Map<string, OrgUnitEntity>;
  let seq = 0;
  const gdbh = () => `RC12345-${Date.now().toString(36)}-${++seq}`;
  const order = (no: string, extra: Record<string, unknown> = {}) => ({
    gdbh: no,
    sqlx: '投诉',
    sqnr: '在某某电器购买的空调三天后不制冷，商家拒绝退换。',
    sqyq: '退货退款',
    sqr: '王热线',
    lxdh: '13900009999',
    lxdz: '鼓楼区五四路 1 号',
    bfydx: '某某电器有限公司',
    sfdd: '鼓楼区东街口',
    pdsj: new Date(Date.now() - 3_600_000).toISOString(),
    blsx: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    ...extra,
  });
  const client = async (unit: string, channel: string) => {
    const r = (
      await admin.ok<{ createApiClient: { secret: string } }>(CREATE, {
        input: { name: `${unit} 热线 ${++seq}`, unitId: String(units.get(unit)!.id), channel },
      })
    ).createApiClient;
    return api.gql.withApiKey(r.secret);
  };

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await loginAs(api.gql, 'admin')).client;
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  });
  afterAll(() => api?.close());

  it('registers a work order as a transfer with its fields mapped, once, and answers in the hotline fields', async () => {
    const gl = await client('GL', 'TRANSFER_12345');
    const no = gdbh();
    const input = order(no);
    const r = (await gl.ok<{ receiveWorkOrder12345: Result }>(RECEIVE, { input })).receiveWorkOrder12345;
    expect(r.created).toBe(true);
    expect(r.transfer).toMatchObject({
      externalRef: no,
      kind: 'COMPLAINT',
      channel: 'TRANSFER_12345',
      state: 'REGISTERED',
    });
    expect(r.reply).toMatchObject({ gdbh: no, blzt: '待签收', cbdw: units.get('GL')!.name, bjjg: null, hfjg: null });
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: r.transfer.caseId });
    expect(stored).toMatchObject({
      externalRef: no,
      kind: 'COMPLAINT',
      consumerName: '王热线',
      consumerPhone: '13900009999',
      respondentName: '某某电器有限公司',
      occurredPlace: '鼓楼区东街口',
      demand: '退货退款',
      ownerUnitId: units.get('GL')!.id,
    });
    expect(stored.receivedAt.toISOString()).toBe(input.pdsj);
    // 办理时限 starts a clock of its own, due at the sender's time, written by the deadline engine.
    expect(stored.senderDueAt?.toISOString()).toBe(input.blsx);
    const clock = () =>
      api.ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ caseId: stored.id, ruleCode: 'SENDER_DUE' });
    expect(await clock()).toMatchObject({ status: 'RUNNING', layer: 'COMMITMENT', triggerEvent: 'registerCase' });
    expect((await clock()).dueAt!.toISOString()).toBe(input.blsx);
    expect((await clock()).startedAt.toISOString()).toBe(input.pdsj);

    // Resent three times at once (a retry after a timeout): the same case.
    const again = await Promise.all(
      [1, 2, 3].map(
        async () => (await gl.ok<{ receiveWorkOrder12345: Result }>(RECEIVE, { input })).receiveWorkOrder12345,
      ),
    );
    expect(again.map((a) => [a.created, a.transfer.caseId])).toEqual([1, 2, 3].map(() => [false, r.transfer.caseId]));
    expect(await api.ds.getRepository(CaseEntity).countBy({ externalRef: no })).toBe(1);

    // Rejected by the center: 已退单 with the ground in words.
    const staff = new CaseOps((await loginAs(api.gql, 'gl_county')).client);
    await staff.run('rejectCase', await staff.get(r.transfer.caseId), {
      ground: 'OUTSIDE_JURISDICTION',
      referralAuthority: '榕城市交通运输局',
      referralPhone: '12328',
    });
    const back = (await gl.ok<{ workOrderReply12345: Record<string, string> }>(READ, { gdbh: no })).workOrderReply12345;
    expect(back).toMatchObject({ gdbh: no, blzt: '已退单' });
    expect(back.tdyy).toMatch(/职责/);
    // The matter went back to the sender: its deadline is no longer this center's.
    expect((await clock()).status).toBe('MET');
  });

  it('takes the sender deadline on transferCase too, and refuses one not after the receipt', async () => {
    const gl = await client('GL', 'TRANSFER_12345');
    const { channel: _c, ...fields } = complaint();
    const receivedAt = new Date(Date.now() - 3_600_000);
    const due = new Date(Date.now() + 3 * 86_400_000);
    const T = `mutation($input: TransferCaseInput!) { transferCase(input: $input) { transfer { caseId senderDueAt } } }`;
    const bad = await gl.error(T, {
      input: {
        ...fields,
        externalRef: gdbh(),
        receivedAt: receivedAt.toISOString(),
        senderDueAt: receivedAt.toISOString(),
      },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.senderDueAt' });
    const ok = (
      await gl.ok<{ transferCase: { transfer: { caseId: string; senderDueAt: string } } }>(T, {
        input: { ...fields, externalRef: gdbh(), receivedAt: receivedAt.toISOString(), senderDueAt: due.toISOString() },
      })
    ).transferCase.transfer;
    expect(ok.senderDueAt).toBe(due.toISOString());
    const d = await api.ds
      .getRepository(CaseDeadlineEntity)
      .findOneByOrFail({ caseId: ok.caseId, ruleCode: 'SENDER_DUE' });
    expect(d.dueAt!.toISOString()).toBe(due.toISOString());
    // Without a sender deadline, no such clock.
    const plain = (
      await gl.ok<{ transferCase: { transfer: { caseId: string } } }>(T, { input: { ...fields, externalRef: gdbh() } })
    ).transferCase.transfer;
    expect(
      await api.ds.getRepository(CaseDeadlineEntity).countBy({ caseId: plain.caseId, ruleCode: 'SENDER_DUE' }),
    ).toBe(0);
  });

  it('rejects a work order it cannot map on the sender field, storing nothing', async () => {
    const gl = await client('GL', 'TRANSFER_12345');
    const no = gdbh();
    const bad = await gl.error(RECEIVE, { input: order(no, { sqlx: '表扬' }) });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.sqlx' });
    const late = await gl.error(RECEIVE, {
      input: order(no, { blsx: new Date(Date.now() - 86_400_000 * 2).toISOString() }),
    });
    expect(late.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.blsx' });
    const noPhone = await gl.error(RECEIVE, { input: order(no, { lxdh: null }) });
    expect(noPhone.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lxdh' });
    expect(await api.ds.getRepository(CaseEntity).countBy({ externalRef: no })).toBe(0);
  });

  it('serves only 12345 clients, and each its own work orders: another county’s hotline cannot read them', async () => {
    const gl = await client('GL', 'TRANSFER_12345');
    const hx = await client('HX', 'TRANSFER_12345');
    const upper = await client('GL', 'TRANSFER_UPPER');
    const no = gdbh();
    const mine = (await gl.ok<{ receiveWorkOrder12345: Result }>(RECEIVE, { input: order(no) })).receiveWorkOrder12345;
    expect((await hx.error(READ, { gdbh: no })).extensions?.code).toBe('NOT_FOUND');
    // The same 工单编号 from another county's hotline is its own case, in its own county.
    const theirs = (await hx.ok<{ receiveWorkOrder12345: Result }>(RECEIVE, { input: order(no) }))
      .receiveWorkOrder12345;
    expect(theirs.transfer.caseId).not.toBe(mine.transfer.caseId);
    expect((await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: theirs.transfer.caseId })).ownerUnitId).toBe(
      units.get('HX')!.id,
    );
    expect((await upper.error(RECEIVE, { input: order(gdbh()) })).extensions?.code).toBe('FORBIDDEN');
    expect((await upper.error(READ, { gdbh: no })).extensions?.code).toBe('FORBIDDEN');
    const staff = (await loginAs(api.gql, 'gl_county')).client;
    expect((await staff.error(RECEIVE, { input: order(gdbh()) })).extensions?.code).toBe('FORBIDDEN');
  });
});
