import { OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const RESET = `mutation($id: ID!, $p: String!) { resetUserPassword(id: $id, newPassword: $p) }`;

// The policy itself is unit-tested (libs/core password-policy.spec.ts); here: both ways a password is
// set apply it, answer a field error, and store nothing.
describe('password policy through the API', () => {
  let api: TestApi;
  let admin: GqlClient;
  let unitId: string;
  const uniq = () => `pw${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  beforeAll(async () => {
    api = await startTestApi();
    admin = (await loginAs(api.gql, 'admin')).client;
    unitId = String((await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'QS' })).id);
  });
  afterAll(() => api?.close());

  const bad = (username: string) => [
    'Short1!',
    'Weiquan@2026',
    'password2026!',
    'Qwertyuiop123',
    `${username}-Lantern-58`,
    ' cobalt-Lantern-58',
    'cobalt-Lantern-58 ',
    'cobalt-\u0000Lantern-58',
    'cobalt-\ud800Lantern-58',
  ];

  it('createUser refuses each bad password on input.password and creates nobody', async () => {
    for (const password of bad('newbie')) {
      const username = `newbie${uniq()}`;
      const err = await admin.error(CREATE_USER, {
        input: {
          username,
          displayName: '策略',
          password: password.replace('newbie', username),
          roles: ['MEDIATOR'],
          unitId,
        },
      });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.password' });
      expect(await api.ds.getRepository(UserEntity).existsBy({ username })).toBe(false);
    }
  });

  it('resetUserPassword refuses each bad password on newPassword and keeps the old one', async () => {
    const username = uniq();
    const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
      input: { username, displayName: '策略', password: 'cobalt-Lantern-58', roles: ['MEDIATOR'], unitId },
    });
    for (const password of bad(username)) {
      const err = await admin.error(RESET, { id: createUser.id, p: password });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    }
    expect((await loginAs(api.gql, username, 'cobalt-Lantern-58')).accessToken).toEqual(expect.any(String));
  });

  it('demo accounts keep their demo logins', async () => {
    for (const u of ['admin', 'gl_county', 'hx_county']) expect((await loginAs(api.gql, u)).accessToken).toBeTruthy();
  });
});
