import { CaseEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint, REGISTER } from './case-ops';

describe('registerCase input validation', () => {
  let api: TestApi;
  let ops: CaseOps;

  beforeAll(async () => {
    api = await startTestApi();
    ops = new CaseOps((await loginAs(api.gql, 'city_op')).client);
  });
  afterAll(() => api?.close());

  const count = () => api.ds.getRepository(CaseEntity).count();

  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'a missing summary',
      (() => {
        const c = complaint();
        delete c.summary;
        return c;
      })(),
      'BAD_USER_INPUT',
      'input.summary',
    ],
    ['an empty summary', complaint({ summary: '' }), 'BAD_USER_INPUT', 'input.summary'],
    ['a 100 KB summary', complaint({ summary: '投'.repeat(100 * 1024) }), 'BAD_USER_INPUT', 'input.summary'],
    [
      'a bad phone number',
      complaint({ consumer: { name: '甲', phone: '1234' } }),
      'BAD_USER_INPUT',
      'input.consumer.phone',
    ],
    [
      'a phone with letters',
      complaint({ consumer: { name: '甲', phone: '1381234567a' } }),
      'BAD_USER_INPUT',
      'input.consumer.phone',
    ],
    [
      'a credit code with a wrong check digit',
      complaint({ respondent: { name: '乙公司', creditCode: '91350100M000100Y44' } }),
      'BAD_USER_INPUT',
      'input.respondent.creditCode',
    ],
    [
      'a credit code of the wrong length',
      complaint({ respondent: { name: '乙公司', creditCode: '9135' } }),
      'BAD_USER_INPUT',
      'input.respondent.creditCode',
    ],
    [
      'a bad ID number',
      complaint({ consumer: { name: '甲', phone: '13812345678', idNumber: '110105194912310021' } }),
      'BAD_USER_INPUT',
      'input.consumer.idNumber',
    ],
    ['an unknown kind', complaint({ kind: 'GRIEVANCE' }), 'BAD_USER_INPUT', 'input.kind'],
    ['an unknown channel', complaint({ channel: 'CARRIER_PIGEON' }), 'BAD_USER_INPUT', 'input.channel'],
    ['a negative amount', complaint({ amountInvolved: -5 }), 'BAD_USER_INPUT', 'input.amountInvolved'],
    ['a complaint without respondent', complaint({ respondent: null }), 'BAD_USER_INPUT', 'input.respondent.name'],
    ['a future receivedAt', complaint({ receivedAt: '2099-01-01T00:00:00Z' }), 'BAD_USER_INPUT', 'input.receivedAt'],
  ];

  it.each(cases)('refuses %s, naming the field, and stores nothing', async (_label, input, code, field) => {
    const before = await count();
    const err = await ops.gql.error(REGISTER, { input });
    expect(err.extensions).toMatchObject({ code, field });
    expect(err.message.length).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('stores script- and SQL-looking text verbatim and returns it as data', async () => {
    const summary = `<script>alert('x')</script> '; DROP TABLE wq_case; -- "quoted" \\ 100%_`;
    const c = await ops.register(complaint({ summary, respondent: { name: `Robert'); DROP TABLE app_user;--` } }));
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.summary).toBe(summary);
    expect(stored.respondentName).toBe(`Robert'); DROP TABLE app_user;--`);
    expect(c.summary).toBe(summary);
    const found = await ops.gql.ok<{ cases: { total: number } }>(
      `query($f: CaseFilter) { cases(filter: $f) { total } }`,
      { f: { keyword: `100%_` } },
    );
    expect(found.cases.total).toBeGreaterThanOrEqual(1);
    const raw = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: (ops.gql as any).authorization },
      body: JSON.stringify({ query: `query($id: ID!) { case(id: $id) { summary } }`, variables: { id: c.id } }),
    });
    expect(raw.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('accepts a letter received earlier than its registration and keeps that time', async () => {
    const receivedAt = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const c = await ops.register(complaint({ channel: 'LETTER', receivedAt }));
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.receivedAt.toISOString()).toBe(receivedAt);
    expect(stored.registeredAt.getTime()).toBeGreaterThan(stored.receivedAt.getTime());
  });

  it('lets another system register through its API key, owned by its intake center', async () => {
    const { DEMO_API_KEY } = await import('@weiquan/core');
    const client = new CaseOps(api.gql.withApiKey(DEMO_API_KEY));
    const { channel: _forced, ...fields } = complaint();
    const { transferCase } = await client.gql.ok<{ transferCase: { transfer: { caseId: string; caseNo: string } } }>(
      `mutation($input: TransferCaseInput!) { transferCase(input: $input) { transfer { caseId caseNo } } }`,
      { input: { ...fields, externalRef: `GD-${Date.now()}` } },
    );
    expect(transferCase.transfer.caseNo).toMatch(/^WQ-/);
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: transferCase.transfer.caseId });
    expect(stored.registeredByClientId).toEqual(expect.any(Number));
    expect(stored.channel).toBe('TRANSFER_12345');
    // an API client transfers in but cannot register as staff does, nor drive the lifecycle
    expect((await client.gql.error(REGISTER, { input: complaint() })).extensions?.code).toBe('FORBIDDEN');
    expect((await client.fail('acceptCase', { id: stored.id, version: stored.version })).extensions?.code).toBe(
      'FORBIDDEN',
    );
  });
});
