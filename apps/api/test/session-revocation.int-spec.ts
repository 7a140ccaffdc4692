import jwt from 'jsonwebtoken';
import { AppConfig, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) }`;
const LOGOUT = `mutation($t: String!) { logout(refreshToken: $t) }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { username } }`;
const PASSWORD = 'cobalt-Lantern-58';

/**
 * Access tokens are revoked at once — on every API process — by logout, a password reset, disabling
 * the account and a reused refresh token, not at their expiry. `a` and `b` stand for two API processes.
 */
describe('access-token revocation', () => {
  let a: TestApi;
  let b: TestApi;
  let admin: GqlClient;
  let unitId: string;
  const uniq = () => `rv${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi();
    admin = (await loginAs(a.gql, 'admin')).client;
    unitId = String((await a.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'QS' })).id);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function signedInUser() {
    const username = uniq();
    const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
      input: { username, displayName: '吊销测试', password: PASSWORD, roles: ['MEDIATOR'], unitId },
    });
    // Two sessions (two devices), each used on both processes so both keep the actor in memory.
    const s1 = await loginAs(a.gql, username, PASSWORD);
    const s2 = await loginAs(b.gql, username, PASSWORD);
    for (const s of [s1, s2])
      for (const api of [a, b]) expect((await api.gql.withBearer(s.accessToken).ok(ME)).me.username).toBe(username);
    return { id: createUser.id, username, s1, s2 };
  }

  const revocations: [string, (u: Awaited<ReturnType<typeof signedInUser>>) => Promise<unknown>][] = [
    ['logout', (u) => a.gql.ok(LOGOUT, { t: u.s1.refreshToken })],
    ['a password reset', (u) => admin.ok(RESET, { id: u.id, p: 'amber-Harbour-73' })],
    ['disabling the account', (u) => admin.ok(SET_ACTIVE, { id: u.id, active: false })],
    [
      'a reused refresh token',
      async (u) => {
        await a.gql.ok(REFRESH, { t: u.s1.refreshToken });
        expect((await b.gql.error(REFRESH, { t: u.s1.refreshToken })).extensions?.code).toBe('REFRESH_TOKEN_REUSED');
      },
    ],
  ];

  it.each(revocations)('%s cuts off every access token of the user on every process at once', async (_, revoke) => {
    const u = await signedInUser();
    await revoke(u);
    // The notice crosses Redis to the other process; allow it a moment, far less than a token's life.
    for (const s of [u.s1, u.s2])
      for (const api of [a, b])
        await eventually(async () =>
          expect((await api.gql.withBearer(s.accessToken).error(ME)).extensions?.code).toBe('UNAUTHENTICATED'),
        );
  });

  it('leaves other users signed in', async () => {
    const victim = await signedInUser();
    const bystander = await signedInUser();
    await a.gql.ok(LOGOUT, { t: victim.s1.refreshToken });
    await eventually(async () =>
      expect((await b.gql.withBearer(victim.s2.accessToken).error(ME)).extensions?.code).toBe('UNAUTHENTICATED'),
    );
    for (const api of [a, b])
      expect((await api.gql.withBearer(bystander.s1.accessToken).ok(ME)).me.username).toBe(bystander.username);
  });

  it('after logout the other device refreshes and carries on; the logged-out session cannot', async () => {
    const u = await signedInUser();
    await a.gql.ok(LOGOUT, { t: u.s1.refreshToken });
    expect((await a.gql.error(REFRESH, { t: u.s1.refreshToken })).extensions?.code).toMatch(/REFRESH_TOKEN_/);
    const renewed = await b.gql.ok<{ refreshToken: { accessToken: string } }>(REFRESH, { t: u.s2.refreshToken });
    for (const api of [a, b])
      expect((await api.gql.withBearer(renewed.refreshToken.accessToken).ok(ME)).me.username).toBe(u.username);
  });

  it('refuses correctly signed tokens whose version is missing, old, ahead or not a number', async () => {
    const u = await signedInUser();
    const row = await a.ds.getRepository(UserEntity).findOneByOrFail({ id: Number(u.id) });
    const secret = a.app.get(AppConfig).JWT_SECRET;
    const now = Math.floor(a.clock.now().getTime() / 1000);
    for (const tv of [undefined, row.tokenVersion - 1, row.tokenVersion + 1, String(row.tokenVersion), 1.5, null]) {
      const token = jwt.sign({ sub: u.id, typ: 'access', tv, iat: now, exp: now + 600 }, secret, {
        algorithm: 'HS256',
      });
      expect((await a.gql.withBearer(token).error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
    }
    const good = jwt.sign({ sub: u.id, typ: 'access', tv: row.tokenVersion, iat: now, exp: now + 600 }, secret, {
      algorithm: 'HS256',
    });
    expect((await a.gql.withBearer(good).ok(ME)).me.username).toBe(u.username);
  });
});

async function eventually(fn: () => Promise<void>): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (i >= 40) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
