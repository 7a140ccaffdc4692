import { DataSource, EntityManager } from 'typeorm';
import { Role } from '@weiquan/shared';
import {
  DEMO_API_KEY,
  NewNotification,
  NotificationEntity,
  NotificationService,
  OrgUnitEntity,
  SmsOutbox,
  SmsOutboxEntity,
  UserEntity,
} from '@weiquan/core';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const NOTIFICATIONS = `query($u: Boolean, $p: PageInput) { notifications(unreadOnly: $u, page: $p) { total items { id kind title body caseId read readAt } } }`;
const UNREAD = `{ unreadNotificationCount }`;
const MARK_READ = `mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`;
const SMS_OUTBOX = `query($s: SmsStatus, $c: ID, $p: PageInput) { smsOutbox(status: $s, caseId: $c, page: $p) { total items { id phone content caseId status attempts notBefore } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setUserActive(id: $id, active: $active) { id } }`;
const PASSWORD = 'Passw0rd!x';

interface Note {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  caseId: string | null;
  read: boolean;
  readAt: string | null;
}

describe('Notifications over GraphQL', () => {
  let api: TestApi;
  let ds: DataSource;
  let notifications: NotificationService;
  let admin: GqlClient;
  let unitByCode: Map<string, OrgUnitEntity>;
  // Fresh users, so counts never depend on what other tests left in the shared database.
  let alice: { id: number; client: GqlClient };
  let bob: { id: number; client: GqlClient };
  const created: string[] = [];
  const uniq = () => `n${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

  const tx = <T>(fn: (m: EntityManager) => Promise<T>) => ds.transaction(fn);
  const notify = (userIds: number[], n: NewNotification) => tx((m) => notifications.notifyUsers(m, userIds, n));

  async function createUser(
    roles: Role[],
    unitCode: string,
    dataScope = 'SUBTREE',
  ): Promise<{ id: number; username: string }> {
    const username = uniq();
    const { createUser: u } = await admin.ok<{ createUser: { id: string } }>(CREATE_USER, {
      input: {
        username,
        displayName: '通知测试',
        password: PASSWORD,
        roles,
        unitId: String(unitByCode.get(unitCode)!.id),
        dataScope,
      },
    });
    created.push(u.id);
    return { id: Number(u.id), username };
  }

  async function signedInUser(roles: Role[], unitCode: string) {
    const u = await createUser(roles, unitCode);
    return { id: u.id, client: (await loginAs(api.gql, u.username, PASSWORD)).client };
  }

  beforeAll(async () => {
    api = await startTestApi();
    ds = api.app.get(DataSource);
    notifications = api.app.get(NotificationService);
    unitByCode = new Map((await ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    admin = (await loginAs(api.gql, 'admin')).client;
    alice = await signedInUser([Role.MEDIATOR], 'GL-RIGHTS');
    bob = await signedInUser([Role.MEDIATOR], 'GL-RIGHTS');
  });
  afterAll(async () => {
    // Leave no extra active directors or supervisors behind for other tests' recipient look-ups.
    for (const id of created) await admin?.request(SET_ACTIVE, { id, active: false });
    await api?.close();
  });

  it('lists only the signed-in user’s own notifications, newest first, and counts the unread', async () => {
    expect(
      await notify([alice.id], { kind: 'DEADLINE_WARNING', title: '案件即将超期', body: '已过 50%', caseId: '42' }),
    ).toBe(1);
    await notify([alice.id, bob.id], { kind: 'DEADLINE_BREACHED', title: '案件已超期' });

    const { notifications: page } = await alice.client.ok<{ notifications: { total: number; items: Note[] } }>(
      NOTIFICATIONS,
    );
    expect(page.total).toBe(2);
    expect(page.items.map((n) => n.title)).toEqual(['案件已超期', '案件即将超期']);
    expect(page.items[1]).toMatchObject({
      kind: 'DEADLINE_WARNING',
      body: '已过 50%',
      caseId: '42',
      read: false,
      readAt: null,
    });
    expect((await alice.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount).toBe(2);

    const bobs = await bob.client.ok<{ notifications: { total: number; items: Note[] } }>(NOTIFICATIONS);
    expect(bobs.notifications.items.map((n) => n.title)).toEqual(['案件已超期']);
  });

  it('marks only the user’s own rows read, ignoring another user’s ids', async () => {
    const mine = await alice.client.ok<{ notifications: { items: Note[] } }>(NOTIFICATIONS, { u: true });
    const theirs = await bob.client.ok<{ notifications: { items: Note[] } }>(NOTIFICATIONS, { u: true });
    const bobBefore = (await bob.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;
    expect(bobBefore).toBeGreaterThan(0);

    const ids = [mine.notifications.items[0].id, ...theirs.notifications.items.map((n) => n.id)];
    expect((await alice.client.ok<{ markNotificationsRead: number }>(MARK_READ, { ids })).markNotificationsRead).toBe(
      1,
    );
    // Bob's rows are untouched and Alice cannot see them either.
    expect((await bob.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount).toBe(bobBefore);
    const aliceAll = await alice.client.ok<{ notifications: { items: Note[] } }>(NOTIFICATIONS);
    expect(aliceAll.notifications.items.some((n) => theirs.notifications.items.some((t) => t.id === n.id))).toBe(false);

    const unread = await alice.client.ok<{ notifications: { total: number; items: Note[] } }>(NOTIFICATIONS, {
      u: true,
    });
    expect(unread.notifications.total).toBe(1);
    expect(unread.notifications.items[0].id).toBe(mine.notifications.items[1].id);
    // Marking an already read row again changes nothing.
    expect(
      (await alice.client.ok<{ markNotificationsRead: number }>(MARK_READ, { ids: [mine.notifications.items[0].id] }))
        .markNotificationsRead,
    ).toBe(0);
  });

  it('marks all of the user’s unread rows read when no ids are given', async () => {
    await notify([alice.id], { kind: 'SUPERVISION', title: '收到督办' });
    const before = (await alice.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;
    expect(before).toBe(2);
    const bobBefore = (await bob.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount;

    expect((await alice.client.ok<{ markNotificationsRead: number }>(MARK_READ)).markNotificationsRead).toBe(2);
    expect((await alice.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount).toBe(0);
    expect((await bob.client.ok<{ unreadNotificationCount: number }>(UNREAD)).unreadNotificationCount).toBe(bobBefore);
    const all = await alice.client.ok<{ notifications: { items: Note[] } }>(NOTIFICATIONS);
    expect(all.notifications.items.every((n) => n.read && n.readAt)).toBe(true);
  });

  it('rejects malformed ids and callers without an inbox', async () => {
    const bad = await alice.client.error(MARK_READ, { ids: ['abc'] });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ids.0' });
    const client = api.gql.withApiKey(DEMO_API_KEY);
    expect((await client.error(UNREAD)).extensions?.code).toBe('FORBIDDEN');
    expect((await api.gql.error(UNREAD)).extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('writes nothing for a user who already has the dedupe key, and everything with the caller’s transaction', async () => {
    const key = `deadline:${uniq()}:w50`;
    const n = { kind: 'DEADLINE_WARNING', title: '重复测试', dedupeKey: key };
    expect(await notify([alice.id], n)).toBe(1);
    // Same key again, now also for Bob: only Bob's row is new.
    expect(await notify([alice.id, bob.id, bob.id], n)).toBe(1);
    expect(await notify([alice.id, bob.id], n)).toBe(0);
    const rows = await ds
      .getRepository(NotificationEntity)
      .find({ where: [{ dedupeKey: `${key}:u${alice.id}` }, { dedupeKey: `${key}:u${bob.id}` }] });
    expect(rows.map((r) => r.userId).sort((a, b) => a - b)).toEqual([alice.id, bob.id].sort((a, b) => a - b));

    // Rolled back with the caller's change.
    const title = `回滚 ${uniq()}`;
    await expect(
      tx(async (m) => {
        await notifications.notifyUsers(m, [alice.id], { kind: 'DEADLINE_BREACHED', title });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await ds.getRepository(NotificationEntity).countBy({ title })).toBe(0);

    await expect(notify([alice.id], { kind: 'bad kind', title: 'x' })).rejects.toThrow(/kind/);
    await expect(notify([alice.id], { kind: 'X', title: 'x', dedupeKey: 'k'.repeat(120) })).rejects.toThrow(
      /longer than 120/,
    );
    expect(await notify([], { kind: 'X', title: 'nobody' })).toBe(0);
  });

  it('finds the directors of a unit (and its workrooms) and the supervisors whose scope covers a unit', async () => {
    const gl = unitByCode.get('GL')!;
    const users = ds.getRepository(UserEntity);
    const glDirector = await users.findOneByOrFail({ username: 'gl_director' });
    const hxDirector = await users.findOneByOrFail({ username: 'hx_director' });
    const cityDirector = await users.findOneByOrFail({ username: 'city_director' });
    const citySupervisor = await users.findOneByOrFail({ username: 'supervisor' });
    const workroomDirector = await createUser([Role.DIRECTOR, Role.MEDIATOR], 'GL-RIGHTS');
    const stationDirector = await createUser([Role.DIRECTOR], 'GL-T1');
    const hxSupervisor = await createUser([Role.SUPERVISOR], 'HX');
    const retired = await createUser([Role.DIRECTOR], 'GL');
    await admin.ok(SET_ACTIVE, { id: String(retired.id), active: false });

    const directors = await notifications.usersWithRole(ds.manager, gl.id, Role.DIRECTOR);
    expect(directors).toEqual(expect.arrayContaining([glDirector.id, workroomDirector.id]));
    for (const id of [hxDirector.id, cityDirector.id, stationDirector.id, retired.id, alice.id])
      expect(directors).not.toContain(id);

    const forGlStation = await notifications.supervisorsFor(ds.manager, unitByCode.get('GL-T1')!.path);
    expect(forGlStation).toContain(citySupervisor.id);
    expect(forGlStation).not.toContain(hxSupervisor.id);
    const forHxStation = await notifications.supervisorsFor(ds.manager, unitByCode.get('HX-T1')!.path);
    expect(forHxStation).toEqual(expect.arrayContaining([citySupervisor.id, hxSupervisor.id]));
    expect(forHxStation).not.toContain(glDirector.id);
  });

  describe('smsOutbox', () => {
    let glCaseId: string;
    let hxCaseId: string;
    const phone = '13912345678';

    beforeAll(async () => {
      glCaseId = String((await insertCase(ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' })).id);
      hxCaseId = String((await insertCase(ds, { unitCode: 'HX-T1', intakeUnitCode: 'HX' })).id);
    });

    it('holds a message produced at night until 08:00 and returns the first row for a repeated dedupe key', async () => {
      const outbox = api.app.get(SmsOutbox);
      api.clock.set('2026-03-10T22:30:00+08:00');
      const key = `sms:${uniq()}`;
      const first = await tx((m) =>
        outbox.enqueue(m, { phone: '+86 139-1234-5678', content: '您的投诉已受理', caseId: glCaseId, dedupeKey: key }),
      );
      expect(first).toMatchObject({ created: true, notBefore: new Date('2026-03-11T08:00:00+08:00') });
      const again = await tx((m) =>
        outbox.enqueue(m, { phone, content: '您的投诉已受理', caseId: glCaseId, dedupeKey: key }),
      );
      expect(again).toEqual({ id: first.id, created: false, notBefore: first.notBefore });
      const row = await ds.getRepository(SmsOutboxEntity).findOneByOrFail({ id: first.id! });
      expect(row).toMatchObject({ phone, status: 'PENDING', attempts: 0, caseId: glCaseId });

      api.clock.set('2026-03-11T10:00:00+08:00');
      const daytime = await tx((m) => outbox.enqueue(m, { phone, content: '调解已安排', caseId: hxCaseId }));
      expect(daytime.notBefore).toEqual(new Date('2026-03-11T10:00:00+08:00'));
      const landline = await tx((m) =>
        outbox.enqueue(m, { phone: '0591-87654321', content: '座机收不到短信', caseId: hxCaseId }),
      );
      expect(landline).toEqual({ id: null, created: false, notBefore: null, skipped: 'NOT_MOBILE' });
      await expect(tx((m) => outbox.enqueue(m, { phone, content: '长'.repeat(501) }))).rejects.toThrow(/content/);
    });

    it('is for administrators only, scoped by the case’s unit', async () => {
      const all = await admin.ok<{ smsOutbox: { items: { caseId: string; phone: string; status: string }[] } }>(
        SMS_OUTBOX,
        { c: glCaseId },
      );
      expect(all.smsOutbox.items).toHaveLength(1);
      expect(all.smsOutbox.items[0]).toMatchObject({ phone, status: 'PENDING' });
      const pending = await admin.ok<{ smsOutbox: { total: number } }>(SMS_OUTBOX, { s: 'PENDING' });
      expect(pending.smsOutbox.total).toBeGreaterThanOrEqual(2);
      expect(
        (await admin.ok<{ smsOutbox: { total: number } }>(SMS_OUTBOX, { s: 'SENT', c: glCaseId })).smsOutbox.total,
      ).toBe(0);

      const director = (await loginAs(api.gql, 'gl_director')).client;
      expect((await director.error(SMS_OUTBOX)).extensions?.code).toBe('FORBIDDEN');

      // An administrator of one county sees its consumers' messages only.
      const countyAdmin = await createUser([Role.ADMIN], 'GL');
      const client = (await loginAs(api.gql, countyAdmin.username, PASSWORD)).client;
      const seen = await client.ok<{ smsOutbox: { items: { caseId: string | null }[] } }>(SMS_OUTBOX, {
        p: { limit: 100 },
      });
      expect(seen.smsOutbox.items.map((s) => s.caseId)).toContain(glCaseId);
      const glPath = unitByCode.get('GL')!.path;
      const owners = await ds.query('SELECT id, owner_path AS path FROM wq_case WHERE id IN (?)', [
        seen.smsOutbox.items.map((s) => s.caseId),
      ]);
      expect(owners.every((c: { path: string }) => c.path.startsWith(glPath))).toBe(true);
      expect((await client.ok<{ smsOutbox: { total: number } }>(SMS_OUTBOX, { c: hxCaseId })).smsOutbox.total).toBe(0);
    });
  });
});
