import type IORedis from 'ioredis';
import { OrgUnitEntity, REDIS } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { accessToken } }`;
const PASSWORD = 'cobalt-Lantern-58';
const WINDOW_S = 8; // long enough for a burst of argon2 checks on a busy machine

/**
 * Login throttling shared by API processes (Redis): per client address and per username, answered with
 * TOO_MANY_REQUESTS and a retry time before any password is checked; unknown usernames answer exactly
 * as known ones. `a` and `b` are two API processes; addresses come from X-Forwarded-For (trusted from
 * loopback, as behind the nginx of docker/), using the documentation ranges of RFC 5737.
 */
describe('login throttling', () => {
  let a: TestApi;
  let b: TestApi;
  let unitId: string;
  let admin: GqlClient;
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  let seq = 0;
  const uniq = () => `th${run}${(seq++).toString(36)}`;
  const addr = () => `198.51.${Math.floor(Math.random() * 250) + 1}.${(seq++ % 250) + 1}`;
  const limits = {
    LOGIN_RATE_PER_IP: '8',
    LOGIN_RATE_PER_ACCOUNT: '6',
    LOGIN_RATE_WINDOW_SECONDS: String(WINDOW_S),
    LOGIN_MAX_FAILURES: '5',
  };

  beforeAll(async () => {
    a = await startTestApi(limits);
    b = await startTestApi(limits);
    unitId = String((await a.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'QS' })).id);
    // Earlier suites' logins from 127.0.0.1 (and as admin) count in the shared window under other limits:
    // start from clean counters, and sign the administrator in once.
    const redis = a.app.get<IORedis>(REDIS);
    const keys = await redis.keys('wqtest:login:*');
    if (keys.length) await redis.del(...keys);
    admin = (await loginAs(a.gql, 'admin')).client;
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function login(api: TestApi, username: string, password: string, ip: string) {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ query: LOGIN, variables: { i: { username, password } } }),
    });
    const body = (await res.json()) as {
      data?: { login: { accessToken: string } } | null;
      errors?: { extensions: { code: string; retryAfterSeconds?: number; details?: { retryAfterSeconds?: number } } }[];
    };
    return { code: body.errors?.[0]?.extensions.code ?? 'OK', ext: body.errors?.[0]?.extensions };
  }

  async function newUser(): Promise<string> {
    const username = uniq();
    await admin.ok(CREATE_USER, {
      input: { username, displayName: '限流测试', password: PASSWORD, roles: ['MEDIATOR'], unitId },
    });
    return username;
  }

  it('throttles a burst from one address across usernames and processes, with a retry time, then lets it go', async () => {
    const ip = addr();
    const real = await newUser();
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push((await login(i % 2 ? a : b, uniq(), 'guess-guess-1', ip)).code);
    expect(codes).toEqual(Array(8).fill('INVALID_CREDENTIALS'));
    // Over the limit: refused before the password is looked at, even the right one of a real account.
    for (const api of [a, b]) {
      const over = await login(api, real, PASSWORD, ip);
      expect(over.code).toBe('TOO_MANY_REQUESTS');
      expect(over.ext?.details?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(over.ext?.details?.retryAfterSeconds).toBeLessThanOrEqual(WINDOW_S);
    }
    // Another address is not affected.
    expect((await login(a, real, PASSWORD, addr())).code).toBe('OK');
    await new Promise((r) => setTimeout(r, WINDOW_S * 1000 + 200));
    expect((await login(b, real, PASSWORD, ip)).code).toBe('OK');
  });

  it('throttles guesses at one account from many addresses', async () => {
    const real = await newUser();
    for (let i = 0; i < 6; i++) await login(i % 2 ? a : b, real, i < 5 ? `guess-${i}-xx` : PASSWORD, addr());
    const over = await login(a, real, PASSWORD, addr());
    expect(over.code).toBe('TOO_MANY_REQUESTS');
  });

  it('answers an unknown username exactly as an existing one, lockout included', async () => {
    const real = await newUser();
    const ghost = uniq(); // never created
    const sequence = async (username: string) => {
      const codes: string[] = [];
      for (let i = 0; i < 7; i++) codes.push((await login(i % 2 ? a : b, username, `wrong-${i}-pass`, addr())).code);
      return codes;
    };
    const known = await sequence(real);
    const unknown = await sequence(ghost);
    expect(known).toEqual([
      ...Array(5).fill('INVALID_CREDENTIALS'),
      'ACCOUNT_LOCKED',
      'TOO_MANY_REQUESTS', // the per-account limit of 6 per window
    ]);
    expect(unknown).toEqual(known);
  });

  it('counts usernames case-insensitively, as the database compares them', async () => {
    const real = await newUser();
    const variants = [real, real.toUpperCase(), ` ${real}`, real.replace(/^./, (c) => c.toUpperCase())];
    for (let i = 0; i < 6; i++) await login(a, variants[i % variants.length], 'no-no-no-no-1', addr());
    expect((await login(b, real.toUpperCase(), PASSWORD, addr())).code).toBe('TOO_MANY_REQUESTS');
  });
});
