import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GqlClient, loginAs, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { createApiApp } from '../src/bootstrap';
import { startTestApi, TestApi } from './test-api';

const CASE_FIELDS =
  'id caseNo kind state channel receivedAt summary version consumer { name phone } respondent { name }';
const aliased = (n: number, limit: number) =>
  `{ ${Array.from({ length: n }, (_, i) => `a${i}: cases(page: { limit: ${limit} }) { total items { ${CASE_FIELDS} } }`).join(' ')} }`;

async function post(url: string, body: string, contentType = 'application/json') {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  let json: { errors?: { message: string; extensions?: { code?: string } }[] } | null = null;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON: the assertion below reports it */
  }
  return { status: res.status, json, text };
}

describe('GraphQL bounds and transport errors', () => {
  let api: TestApi;
  let city: GqlClient;

  beforeAll(async () => {
    api = await startTestApi();
    city = (await loginAs(api.gql, 'city_op')).client;
  });
  afterAll(() => api?.close());

  it('refuses the 16-alias cases(limit: 100) shape and costly fewer-alias shapes before resolving anything', async () => {
    for (const [n, limit] of [
      [16, 100],
      [15, 100],
      [8, 100],
      [12, 70],
    ]) {
      const started = Date.now();
      const r = await city.request(aliased(n, limit));
      expect(r.data ?? null).toBeNull();
      expect(r.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(r.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('lets a page of 100 cases and a few small aliases through', async () => {
    expect((await city.ok<Record<string, { total: number }>>(aliased(1, 100))).a0.total).toBeGreaterThanOrEqual(0);
    expect(Object.keys(await city.ok(aliased(4, 20)))).toHaveLength(4);
  });

  it('caps page limits at 100 on every paged field', async () => {
    for (const field of ['cases', 'users', 'supervisions', 'notifications']) {
      const err = await city.error(`{ ${field}(page: { limit: 101 }) { total } }`);
      expect(err.extensions?.code).toMatch(/BAD_USER_INPUT|QUERY_TOO_COMPLEX|FORBIDDEN/);
      expect(err.extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
    expect((await city.error(`{ cases(page: { limit: 101 }) { total } }`)).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses batched operations, huge token counts and too many aliases with coded errors', async () => {
    const batch = await post(api.url, JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]));
    expect(batch.status).toBeGreaterThanOrEqual(400);
    expect(batch.json?.errors?.[0].extensions?.code).toEqual(expect.any(String));
    const tokens = await city.request(`{ me { ${'id '.repeat(4000)} } }`);
    expect(tokens.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const aliases = await city.request(`{ ${Array.from({ length: 40 }, (_, i) => `m${i}: me { id }`).join(' ')} }`);
    expect(aliases.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers transport errors in the GraphQL error shape with a stable code', async () => {
    const cases: [string, string, string | undefined, number, string][] = [
      ['malformed JSON', '{"query": "{ me { id } "', undefined, 400, 'BAD_REQUEST'],
      ['truncated JSON', '{', undefined, 400, 'BAD_REQUEST'],
      [
        'too large',
        JSON.stringify({ query: `{ me { id } }`, pad: 'x'.repeat(3 * 1024 * 1024) }),
        undefined,
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      ['form body', 'query=%7B+me+%7D', 'application/x-www-form-urlencoded', 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['plain text', '{ me { id } }', 'text/plain', 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [what, body, type, status, code] of cases) {
      const r = await post(api.url, body, type);
      expect({ what, status: r.status, code: r.json?.errors?.[0].extensions?.code }).toEqual({ what, status, code });
    }
  });

  it('keeps introspection and suggestions in development', async () => {
    expect(
      (await api.gql.ok<{ __schema: { queryType: { name: string } } }>(`{ __schema { queryType { name } } }`)).__schema
        .queryType.name,
    ).toBe('Query');
    expect((await city.error(`{ mee { id } }`)).message).toMatch(/Did you mean/);
  });
});

describe('GraphQL in production', () => {
  let app: INestApplication;
  let ds: DataSource;
  let gql: GqlClient;

  beforeAll(async () => {
    // The test database's password is a published one, so loadConfig would (rightly) refuse production:
    // the switch is flipped after loading, which is all the GraphQL module reads.
    const config = testConfig();
    Object.assign(config, { NODE_ENV: 'production' });
    ds = await prepareTestDatabase(config);
    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    gql = new GqlClient(`http://127.0.0.1:${port}`);
  });
  afterAll(async () => {
    await app?.close();
    await ds?.destroy();
  });

  it('turns introspection and field suggestions off', async () => {
    const r = await gql.request(`{ __schema { types { name } } }`);
    expect(r.data ?? null).toBeNull();
    expect(r.errors?.[0].extensions?.code).not.toBe('INTERNAL_SERVER_ERROR');
    const city = (await loginAs(gql, 'city_op')).client;
    const err = await city.error(`{ mee { id } }`);
    expect(err.message).not.toMatch(/Did you mean/);
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
