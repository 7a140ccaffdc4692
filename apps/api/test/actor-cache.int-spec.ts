import { OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { ACTOR_CACHE_TTL_MS } from '../src/modules/auth/actor.resolver.service';
import { startTestApi, TestApi } from './test-api';

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const UPDATE_USER = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id } }`;
const ME = `{ me { username displayName } }`;
const USERS = `{ users { total } }`;

/** Waits until `fn` stops throwing (a change notice crosses Redis), at most 2 s. */
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

// Two API instances on one database and Redis stand for two API processes: the actor each keeps in
// memory must follow a change made through the other at once, and never outlive its TTL.
describe('signed-in actor kept in memory', () => {
  let a: TestApi;
  let b: TestApi;
  let admin: GqlClient;
  let qs: OrgUnitEntity;
  const uniq = () => `ac${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  beforeAll(async () => {
    a = await startTestApi();
    b = await startTestApi();
    admin = (await loginAs(a.gql, 'admin')).client;
    qs = await a.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'QS' });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  async function newUser(roles: string[]): Promise<{ id: string; onB: GqlClient; name: string }> {
    const name = uniq();
    const { createUser } = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
      input: { username: name, displayName: '缓存测试', password: 'Passw0rd!x', roles, unitId: String(qs.id) },
    });
    const session = await loginAs(b.gql, name, 'Passw0rd!x');
    return { id: createUser.id, onB: session.client, name };
  }

  it('cuts off an account disabled through another process at once', async () => {
    const u = await newUser(['MEDIATOR']);
    expect((await u.onB.ok<{ me: { username: string } }>(ME)).me.username).toBe(u.name); // now kept by b
    await admin.ok(SET_ACTIVE, { id: u.id, active: false }); // through a
    await eventually(async () => expect((await u.onB.error(ME)).extensions?.code).toBe('UNAUTHENTICATED'));
  });

  it('takes a role away everywhere at once', async () => {
    const u = await newUser(['DIRECTOR']);
    expect((await u.onB.ok<{ users: { total: number } }>(USERS)).users.total).toBeGreaterThan(0);
    await admin.ok(UPDATE_USER, { input: { id: u.id, roles: ['MEDIATOR'] } });
    await eventually(async () => expect((await u.onB.error(USERS)).extensions?.code).toBe('FORBIDDEN'));
  });

  it('keeps a copy no longer than its TTL when the change bypassed the API', async () => {
    const u = await newUser(['MEDIATOR']);
    expect((await u.onB.ok<{ me: { displayName: string } }>(ME)).me.displayName).toBe('缓存测试');
    await b.ds.getRepository(UserEntity).update({ id: Number(u.id) }, { active: false }); // by hand, no notice
    // Still the copy kept by b (signed in, though the row says disabled) …
    expect((await u.onB.ok<{ me: { username: string } }>(ME)).me.username).toBe(u.name);
    // … until its TTL has passed.
    b.clock.advance(ACTOR_CACHE_TTL_MS + 1);
    expect((await u.onB.error(ME)).extensions?.code).toBe('UNAUTHENTICATED');
  });
});
