import { DEMO_API_KEY, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const ORG_UNITS = `{ orgUnits { id path name } }`;
const ORG_UNIT = `query($id: ID!) { orgUnit(id: $id) { id name } }`;
const USERS = `query($f: UserFilter, $p: PageInput) { users(filter: $f, page: $p) { total items { id username unit { path } } } }`;
const USER = `query($id: ID!) { user(id: $id) { id username } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id username dataScope unit { id } } }`;
const UPDATE_USER = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id displayName } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id active } }`;
const REFRESH = `mutation($t: String!) { refreshToken(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `{ me { username unit { path } } }`;
const TRANSFERS = `{ transfers { total } }`;

describe('Foundation over GraphQL', () => {
  let api: TestApi;
  let unitByCode: Map<string, OrgUnitEntity>;
  let admin: GqlClient;
  const uniq = () => `t${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  beforeAll(async () => {
    api = await startTestApi();
    unitByCode = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    admin = (await loginAs(api.gql, 'admin')).client;
  });
  afterAll(() => api?.close());

  const userCount = () => api.ds.getRepository(UserEntity).count();

  describe('org scope', () => {
    it('shows a county user only its own subtree and the city operator all of it', async () => {
      const gl = unitByCode.get('GL')!;
      const county = (await loginAs(api.gql, 'gl_county')).client;
      const { orgUnits } = await county.ok<{ orgUnits: { path: string }[] }>(ORG_UNITS);
      const expected = [...unitByCode.values()].filter((u) => u.path.startsWith(gl.path)).length;
      expect(orgUnits).toHaveLength(expected);
      expect(orgUnits.every((u) => u.path.startsWith(gl.path))).toBe(true);

      const city = (await loginAs(api.gql, 'city_op')).client;
      const all = await city.ok<{ orgUnits: unknown[] }>(ORG_UNITS);
      expect(all.orgUnits).toHaveLength(unitByCode.size);
    });

    it('answers another county unit by id exactly like a missing one', async () => {
      const county = (await loginAs(api.gql, 'gl_county')).client;
      const other = await county.error(ORG_UNIT, { id: String(unitByCode.get('HX')!.id) });
      const missing = await county.error(ORG_UNIT, { id: '999999' });
      expect(other.extensions?.code).toBe('NOT_FOUND');
      expect(other).toEqual({ ...missing, path: other['path' as never] });
      const own = await county.ok<{ orgUnit: { name: string } }>(ORG_UNIT, { id: String(unitByCode.get('GL-T1')!.id) });
      expect(own.orgUnit.name).toBe(unitByCode.get('GL-T1')!.name);
    });

    it("never lists or reads another county's users", async () => {
      const director = (await loginAs(api.gql, 'gl_director')).client;
      const glPath = unitByCode.get('GL')!.path;
      const { users } = await director.ok<{ users: { total: number; items: { unit: { path: string } }[] } }>(USERS, {
        p: { limit: 100 },
      });
      expect(users.total).toBeGreaterThan(0);
      expect(users.items.every((u) => u.unit.path.startsWith(glPath))).toBe(true);
      const dbCount = await api.ds
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .where('u.unit_path LIKE :p', { p: `${glPath}%` })
        .getCount();
      expect(users.total).toBe(dbCount);

      const hx = await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'hx_county' });
      expect((await director.error(USER, { id: String(hx.id) })).extensions?.code).toBe('NOT_FOUND');
      const filtered = await director.error(USERS, { f: { unitId: String(unitByCode.get('HX')!.id) } });
      expect(filtered.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.unitId' });
      const searched = await director.ok<{ users: { total: number } }>(USERS, { f: { keyword: 'hx_' } });
      expect(searched.users.total).toBe(0);
    });

    it('keeps a county administrator from creating or changing users in another county', async () => {
      const name = uniq();
      await admin.ok(CREATE_USER, {
        input: {
          username: name,
          displayName: '县管理员',
          password: 'Passw0rd!x',
          roles: ['ADMIN'],
          unitId: String(unitByCode.get('GL')!.id),
          dataScope: 'SUBTREE',
        },
      });
      const countyAdmin = (await loginAs(api.gql, name, 'Passw0rd!x')).client;
      const before = await userCount();
      const err = await countyAdmin.error(CREATE_USER, {
        input: {
          username: uniq(),
          displayName: 'x',
          password: 'Passw0rd!x',
          roles: ['STATION_STAFF'],
          unitId: String(unitByCode.get('HX-T1')!.id),
        },
      });
      expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.unitId' });
      const hx = await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'hx_station' });
      expect(
        (await countyAdmin.error(UPDATE_USER, { input: { id: String(hx.id), displayName: '改名' } })).extensions?.code,
      ).toBe('NOT_FOUND');
      expect((await countyAdmin.error(SET_ACTIVE, { id: String(hx.id), active: false })).extensions?.code).toBe(
        'NOT_FOUND',
      );
      expect(await userCount()).toBe(before);
      expect((await api.ds.getRepository(UserEntity).findOneByOrFail({ id: hx.id })).displayName).toBe('红星镇站点');
    });
  });

  describe('permissions', () => {
    it('rejects calls without credentials and roles without the permission', async () => {
      expect((await api.gql.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
      const station = (await loginAs(api.gql, 'gl_station')).client;
      expect((await station.error(USERS)).extensions?.code).toBe('FORBIDDEN');
      expect(
        (
          await station.error(CREATE_USER, {
            input: { username: uniq(), displayName: 'x', password: 'Passw0rd!x', roles: ['ADMIN'], unitId: '1' },
          })
        ).extensions?.code,
      ).toBe('FORBIDDEN');
      const me = await station.ok<{ me: { username: string } }>(ME);
      expect(me.me.username).toBe('gl_station');
    });

    it('authenticates other systems by hashed API key', async () => {
      // The demo 12345 client is least-privilege: its own transfers, not the org tree (api-client.int-spec).
      const ok = await api.gql.withApiKey(DEMO_API_KEY).ok<{ transfers: { total: number } }>(TRANSFERS);
      expect(ok.transfers.total).toBeGreaterThanOrEqual(0);
      expect((await api.gql.withApiKey(DEMO_API_KEY).error(ORG_UNITS)).extensions?.code).toBe('FORBIDDEN');
      const bad = await api.gql.withApiKey(DEMO_API_KEY.replace(/.$/, '0')).error(TRANSFERS);
      expect(bad.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await api.gql.withApiKey(DEMO_API_KEY).error(USERS)).extensions?.code).toBe('FORBIDDEN');
    });

    it('cuts a disabled account off at once', async () => {
      const name = uniq();
      const created = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
        input: {
          username: name,
          displayName: '临时',
          password: 'Passw0rd!x',
          roles: ['MEDIATOR'],
          unitId: String(unitByCode.get('QS')!.id),
        },
      });
      const session = await loginAs(api.gql, name, 'Passw0rd!x');
      await admin.ok(SET_ACTIVE, { id: created.createUser.id, active: false });
      expect((await session.client.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
      expect((await api.gql.error(REFRESH, { t: session.refreshToken })).extensions?.code).toMatch(
        /REFRESH_TOKEN_(INVALID|REUSED)/,
      );
      const login = await api.gql.error(
        `mutation { login(input: { username: "${name}", password: "Passw0rd!x" }) { accessToken } }`,
      );
      expect(login.extensions?.code).toBe('ACCOUNT_DISABLED');
    });
  });

  describe('sign-in', () => {
    it('refuses an access token once it has expired, even one that was accepted before', async () => {
      const session = await loginAs(api.gql, 'gl_station');
      expect((await session.client.ok<{ me: { username: string } }>(ME)).me.username).toBe('gl_station');
      api.clock.advanceMinutes(14);
      expect((await session.client.ok<{ me: { username: string } }>(ME)).me.username).toBe('gl_station');
      api.clock.advanceMinutes(2); // past the 15-minute lifetime
      expect((await session.client.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
      api.clock.set(new Date());
    });

    it('locks an account after 5 failures and unlocks after the lock period', async () => {
      const name = uniq();
      await admin.ok(CREATE_USER, {
        input: {
          username: name,
          displayName: '锁定测试',
          password: 'Passw0rd!x',
          roles: ['RECEPTIONIST'],
          unitId: String(unitByCode.get('GL')!.id),
        },
      });
      const attempt = (password: string) =>
        api.gql.request(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, {
          i: { username: name, password },
        });
      for (let i = 0; i < 5; i++)
        expect((await attempt('wrong-pass-1')).errors?.[0].extensions?.code).toBe('INVALID_CREDENTIALS');
      const lockedOut = await attempt('Passw0rd!x');
      expect(lockedOut.errors?.[0].extensions).toMatchObject({ code: 'ACCOUNT_LOCKED', field: 'username' });
      api.clock.advanceMinutes(14);
      expect((await attempt('Passw0rd!x')).errors?.[0].extensions?.code).toBe('ACCOUNT_LOCKED');
      api.clock.advanceMinutes(2);
      expect((await attempt('Passw0rd!x')).data?.login.accessToken).toEqual(expect.any(String));
      // success resets the counter: four more failures do not lock
      for (let i = 0; i < 4; i++) await attempt('wrong');
      expect((await attempt('Passw0rd!x')).data?.login).toBeTruthy();
      api.clock.set(new Date());
    });

    it('rotates refresh tokens and revokes the family when an old one is reused', async () => {
      const first = await loginAs(api.gql, 'city_op');
      const second = (
        await api.gql.ok<{ refreshToken: { accessToken: string; refreshToken: string } }>(REFRESH, {
          t: first.refreshToken,
        })
      ).refreshToken;
      expect(second.refreshToken).not.toBe(first.refreshToken);
      expect((await api.gql.withBearer(second.accessToken).ok<{ me: { username: string } }>(ME)).me.username).toBe(
        'city_op',
      );
      expect((await api.gql.error(REFRESH, { t: first.refreshToken })).extensions?.code).toBe('REFRESH_TOKEN_REUSED');
      // the thief's successor is dead too
      expect((await api.gql.error(REFRESH, { t: second.refreshToken })).extensions?.code).toBe('REFRESH_TOKEN_REUSED');
      expect((await api.gql.error(REFRESH, { t: 'not-a-token' })).extensions?.code).toBe('REFRESH_TOKEN_INVALID');
    });

    it('lets exactly one of two parallel refreshes with the same token win', async () => {
      const s = await loginAs(api.gql, 'city_op');
      const results = await Promise.all([
        api.gql.request(REFRESH, { t: s.refreshToken }),
        api.gql.request(REFRESH, { t: s.refreshToken }),
      ]);
      expect(results.filter((r) => r.data?.refreshToken).length).toBe(1);
      expect(results.filter((r) => r.errors?.[0].extensions?.code === 'REFRESH_TOKEN_REUSED').length).toBe(1);
    });
  });

  describe('bad input', () => {
    it('names the field for an empty password and changes no counter', async () => {
      const before = await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_op' });
      const err = await api.gql.error(
        `mutation { login(input: { username: "city_op", password: "" }) { accessToken } }`,
      );
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
      expect(err.message).toBe('请输入密码');
      const after = await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_op' });
      expect(after.failedLogins).toBe(before.failedLogins);
    });

    it('refuses a 10,000-character username and stores nothing', async () => {
      const before = await userCount();
      const long = 'a'.repeat(10_000);
      const err = await admin.error(CREATE_USER, {
        input: { username: long, displayName: 'x', password: 'Passw0rd!x', roles: ['MEDIATOR'], unitId: '1' },
      });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
      const login = await api.gql.error(`mutation($i: LoginInput!) { login(input: $i) { accessToken } }`, {
        i: { username: long, password: 'x' },
      });
      expect(login.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.username' });
      expect(await userCount()).toBe(before);
    });

    it('refuses an unknown role, naming the field, and stores nothing', async () => {
      const before = await userCount();
      const err = await admin.error(CREATE_USER, {
        input: { username: uniq(), displayName: 'x', password: 'Passw0rd!x', roles: ['OVERLORD'], unitId: '1' },
      });
      expect(err.extensions?.code).toBe('BAD_USER_INPUT');
      expect(err.extensions?.field).toMatch(/^input\.roles/);
      expect(await userCount()).toBe(before);
    });

    it('refuses a weak password, a duplicate username and a malformed unit id', async () => {
      const before = await userCount();
      const weak = await admin.error(CREATE_USER, {
        input: { username: uniq(), displayName: 'x', password: 'short', roles: ['MEDIATOR'], unitId: '1' },
      });
      expect(weak.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
      const dup = await admin.error(CREATE_USER, {
        input: { username: 'city_op', displayName: 'x', password: 'Passw0rd!x', roles: ['MEDIATOR'], unitId: '1' },
      });
      expect(dup.extensions).toMatchObject({ code: 'USERNAME_TAKEN', field: 'input.username' });
      const badId = await admin.error(CREATE_USER, {
        input: {
          username: uniq(),
          displayName: 'x',
          password: 'Passw0rd!x',
          roles: ['MEDIATOR'],
          unitId: "1' OR '1'='1",
        },
      });
      expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
      expect(await userCount()).toBe(before);
    });
  });

  describe('operability', () => {
    it('reports ready when MariaDB and Redis answer, and echoes the request id', async () => {
      const res = await fetch(`${api.url}/health/ready`, { headers: { 'x-request-id': 'req-test-1' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-request-id')).toBe('req-test-1');
      expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'up', redis: 'up' } });
      expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
    });
  });
});
