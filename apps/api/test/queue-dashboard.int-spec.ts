import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const TICKET = `mutation { queueDashboardTicket { url expiresAt } }`;

describe('Queue dashboard (Bull Board) behind sign-in', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.close());

  it('refuses the dashboard to anyone but an administrator', async () => {
    const op = await loginAs(api.gql, 'city_op');
    expect((await op.client.error(TICKET)).extensions?.code).toBe('FORBIDDEN');
    expect((await fetch(`${api.url}/admin/queues`, { redirect: 'manual' })).status).toBe(403);
    expect((await fetch(`${api.url}/admin/queues/login?ticket=forged`, { redirect: 'manual' })).status).toBe(401);
  });

  it('lets an administrator in through a one-minute ticket exchanged for a path-scoped cookie', async () => {
    const admin = await loginAs(api.gql, 'admin');
    const { queueDashboardTicket } = await admin.client.ok<{ queueDashboardTicket: { url: string } }>(TICKET);
    const login = await fetch(`${api.url}${queueDashboardTicket.url}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/wq_queue_session=.+; Path=\/admin\/queues; .*HttpOnly/);
    const page = await fetch(`${api.url}/admin/queues`, { headers: { cookie: cookie.split(';')[0] } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const queues = await fetch(`${api.url}/admin/queues/api/queues`, { headers: { cookie: cookie.split(';')[0] } });
    const body = (await queues.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name)).toEqual(
      expect.arrayContaining(['deadline', 'housekeeping', 'notification']),
    );
    // the ticket is single-use: a second exchange (a leaked URL, browser history) is refused
    expect((await fetch(`${api.url}${queueDashboardTicket.url}`, { redirect: 'manual' })).status).toBe(401);
    // an unused ticket expires after a minute
    const unused = (await admin.client.ok<{ queueDashboardTicket: { url: string } }>(TICKET)).queueDashboardTicket;
    api.clock.advanceMinutes(2);
    expect((await fetch(`${api.url}${unused.url}`, { redirect: 'manual' })).status).toBe(401);
    api.clock.set(new Date());
  });

  it('lets exactly one of many parallel exchanges of one ticket through', async () => {
    const admin = await loginAs(api.gql, 'admin');
    const { queueDashboardTicket } = await admin.client.ok<{ queueDashboardTicket: { url: string } }>(TICKET);
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () => fetch(`${api.url}${queueDashboardTicket.url}`, { redirect: 'manual' })),
    ).then((rs) => rs.map((r) => r.status));
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 401)).toHaveLength(7);
  });

  it('ends the dashboard session when the administrator logs out', async () => {
    const admin = await loginAs(api.gql, 'admin');
    const { queueDashboardTicket } = await admin.client.ok<{ queueDashboardTicket: { url: string } }>(TICKET);
    const login = await fetch(`${api.url}${queueDashboardTicket.url}`, { redirect: 'manual' });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await fetch(`${api.url}/admin/queues`, { headers: { cookie } })).status).toBe(200);
    await api.gql.ok(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: admin.refreshToken });
    expect((await fetch(`${api.url}/admin/queues`, { headers: { cookie } })).status).toBe(403);
  });
});
