import { OrgUnitEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CaseView, complaint } from './case-ops';

// 我的待办: each queue lists what waits on the actor's unit — for the right people, never for a second
// county or a sibling station — and an item leaves the queue when its step is taken.
const COUNTS = `{ myQueues { receive approve reply followUp supervisionAnswer supervisionReview total } }`;
const CASE_QUEUE = `query($q: CaseWorkQueue!, $p: PageInput) { myCaseQueue(queue: $q, page: $p) { total items { id caseNo state } } }`;
const SUP_QUEUE = `query($q: SupervisionWorkQueue!, $p: PageInput) { mySupervisionQueue(queue: $q, page: $p) { total items { id status version } } }`;
const NOTIFICATIONS = `{ notifications(page: { limit: 100 }) { items { kind title caseId } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const OPEN_SUP = `mutation($input: OpenSupervisionInput!) { openSupervision(input: $input) { id version } }`;
const RESPOND_SUP = `mutation($input: RespondSupervisionInput!) { respondSupervision(input: $input) { id version } }`;
const REVIEW_SUP = `mutation($input: ReviewSupervisionInput!) { reviewSupervision(input: $input) { id status } }`;

type Counts = Record<
  'receive' | 'approve' | 'reply' | 'followUp' | 'supervisionAnswer' | 'supervisionReview' | 'total',
  number
>;

describe('Work queues (我的待办)', () => {
  let api: TestApi;
  const as: Record<string, CaseOps> = {};
  let units: Map<string, OrgUnitEntity>;
  const uid = (code: string) => String(units.get(code)!.id);

  beforeAll(async () => {
    api = await startTestApi();
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['gl_county', 'gl_director', 'gl_station', 'hx_county', 'hx_director', 'hx_station', 'admin'])
      as[name] = new CaseOps((await loginAs(api.gql, name)).client);
    // A sibling station of gl_station (GL-T2) with its own staff.
    const username = `gl_t2_${Date.now()}`;
    await as.admin.gql.ok(CREATE_USER, {
      input: {
        username,
        displayName: '洪山镇站点',
        password: 'Passw0rd!x',
        roles: ['STATION_STAFF'],
        unitId: uid('GL-T2'),
        dataScope: 'OWN_UNIT',
      },
    });
    as.gl_sibling = new CaseOps((await loginAs(api.gql, username, 'Passw0rd!x')).client);
  });
  afterAll(() => api?.close());

  const counts = async (who: string) => (await as[who].gql.ok<{ myQueues: Counts }>(COUNTS)).myQueues;
  /** Every id of a queue, page by page (other test files leave open work at the same units). */
  async function allIds(who: string, query: string, field: 'myCaseQueue' | 'mySupervisionQueue', q: string) {
    const ids: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const data = await as[who].gql.ok<Record<string, { total: number; items: { id: string }[] }>>(query, {
        q,
        p: { offset, limit: 100 },
      });
      ids.push(...data[field]!.items.map((i) => i.id));
      if (offset + 100 >= data[field]!.total) return ids;
    }
  }
  const queueIds = (who: string, q: string) => allIds(who, CASE_QUEUE, 'myCaseQueue', q);
  const supIds = (who: string, q: string) => allIds(who, SUP_QUEUE, 'mySupervisionQueue', q);
  const notified = async (who: string, kind: string, caseId: string | null) =>
    (
      await as[who].gql.ok<{ notifications: { items: { kind: string; caseId: string | null }[] } }>(NOTIFICATIONS)
    ).notifications.items.some((n) => n.kind === kind && (caseId == null || n.caseId === caseId));

  /** A complaint registered and accepted by gl_county, dispatched to the GL-T1 station. */
  async function dispatchedToStation(): Promise<CaseView> {
    let c = await as.gl_county.register(complaint());
    c = await as.gl_county.run('acceptCase', c);
    return as.gl_county.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
  }

  it('待签收: a case dispatched to a station is in that station’s queue (with a notification), nowhere else, until received', async () => {
    const before = { station: await counts('gl_station'), sibling: await counts('gl_sibling') };
    const c = await dispatchedToStation();
    expect(c.state).toBe('DISPATCHED');
    expect((await counts('gl_station')).receive).toBe(before.station.receive + 1);
    expect(await queueIds('gl_station', 'RECEIVE')).toContain(c.id);
    expect(await notified('gl_station', 'QUEUE_RECEIVE', c.id)).toBe(true);
    // Not a sibling station, not another county, not the dispatching county itself.
    expect((await counts('gl_sibling')).receive).toBe(before.sibling.receive);
    for (const who of ['gl_sibling', 'hx_station', 'hx_county', 'gl_county'])
      expect(await queueIds(who, 'RECEIVE')).not.toContain(c.id);
    expect(await notified('gl_sibling', 'QUEUE_RECEIVE', c.id)).toBe(false);
    expect(await notified('gl_county', 'QUEUE_RECEIVE', c.id)).toBe(false); // the actor is not told of their own step

    await as.gl_station.run('receiveCase', c);
    expect(await queueIds('gl_station', 'RECEIVE')).not.toContain(c.id);
    expect((await counts('gl_station')).receive).toBe(before.station.receive);
  });

  it('待审批: a station’s extension request waits on the director of the county above it, not on another county’s', async () => {
    let c = await dispatchedToStation();
    c = await as.gl_station.run('receiveCase', c);
    c = await as.gl_station.run('requestExtension', c, { reason: '需现场核实', days: 5 });
    expect(await queueIds('gl_director', 'APPROVE')).toContain(c.id);
    expect(await notified('gl_director', 'QUEUE_APPROVE', c.id)).toBe(true);
    expect(await queueIds('hx_director', 'APPROVE')).not.toContain(c.id);
    expect(await notified('hx_director', 'QUEUE_APPROVE', c.id)).toBe(false);
    // Not a director: no approval queue at all.
    expect(await queueIds('gl_county', 'APPROVE')).toEqual([]);
    expect((await counts('gl_station')).approve).toBe(0);

    await as.gl_director.run('decideExtension', c, { approved: true });
    expect(await queueIds('gl_director', 'APPROVE')).not.toContain(c.id);
  });

  it('待审批: a station asks to suspend for investigation; the county director decides (approved: suspended, clocks paused; refused: goes on)', async () => {
    const DEADLINES = `query($id: ID!) { case(id: $id) { pendingSuspension suspendReason deadlines { status } } }`;
    const running = async (id: string) =>
      (
        await as.gl_director.gql.ok<{ case: { deadlines: { status: string }[] } }>(DEADLINES, { id })
      ).case.deadlines.filter((d) => d.status === 'RUNNING').length;
    let c = await dispatchedToStation();
    c = await as.gl_station.run('receiveCase', c);
    // the reason is required, named at its field; nothing is stored
    const bad = await as.gl_station.fail('requestSuspension', c, { reason: '  ' });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    expect((await as.gl_station.get(c.id)).version).toBe(c.version);
    // nobody can decide what was not asked
    expect((await as.gl_director.fail('decideSuspension', c, { approved: true })).extensions?.code).toBe(
      'NO_PENDING_SUSPENSION',
    );

    c = await as.gl_station.run('requestSuspension', c, { reason: '需调取商场监控录像核实' });
    expect(c.state).toBe('IN_PROGRESS');
    expect((await as.gl_station.fail('requestSuspension', c, { reason: '再次申请' })).extensions?.code).toBe(
      'SUSPENSION_PENDING',
    );
    expect(await queueIds('gl_director', 'APPROVE')).toContain(c.id);
    expect(await notified('gl_director', 'QUEUE_APPROVE', c.id)).toBe(true);
    expect(await queueIds('hx_director', 'APPROVE')).not.toContain(c.id);
    expect(await notified('hx_director', 'QUEUE_APPROVE', c.id)).toBe(false);
    // the station cannot approve its own request, nor can another county's director
    expect((await as.gl_station.fail('decideSuspension', c, { approved: true })).extensions?.code).toBeDefined();
    expect((await as.hx_director.fail('decideSuspension', c, { approved: true })).extensions?.code).toBeDefined();
    const runningBefore = await running(c.id);
    expect(runningBefore).toBeGreaterThan(0);

    c = await as.gl_director.run('decideSuspension', c, { approved: true, note: '同意中止调查' });
    expect(c.state).toBe('SUSPENDED');
    expect(await queueIds('gl_director', 'APPROVE')).not.toContain(c.id);
    const after = await as.gl_director.gql.ok<{
      case: { pendingSuspension: boolean; suspendReason: string; deadlines: { status: string }[] };
    }>(DEADLINES, { id: c.id });
    expect(after.case).toMatchObject({ pendingSuspension: false, suspendReason: 'INVESTIGATION' });
    expect(await running(c.id)).toBe(0); // every running clock paused
    const entry = (await as.gl_director.get(c.id)).timeline.find(
      (e: { action: string }) => e.action === 'decideSuspension',
    );
    expect(entry).toMatchObject({ fromState: 'IN_PROGRESS', toState: 'SUSPENDED' });
    expect(JSON.parse(entry.detail)).toMatchObject({ approved: true, requestReason: '需调取商场监控录像核实' });

    // refused: the case goes on, the clocks never stopped, and a new request may be made
    let d = await dispatchedToStation();
    d = await as.gl_station.run('receiveCase', d);
    d = await as.gl_station.run('requestSuspension', d, { reason: '需调查' });
    d = await as.gl_director.run('decideSuspension', d, { approved: false, note: '事实清楚，无需中止' });
    expect(d.state).toBe('IN_PROGRESS');
    expect(await queueIds('gl_director', 'APPROVE')).not.toContain(d.id);
    expect(await running(d.id)).toBeGreaterThan(0);
    d = await as.gl_station.run('requestSuspension', d, { reason: '新发现需检测' });
    // a request lapses when the case leaves 办理中 (here: returned to intake)
    d = await as.gl_station.run('returnCase', d, { reason: '不属本站管辖' });
    expect(await queueIds('gl_director', 'APPROVE')).not.toContain(d.id);
  });

  it('待审批 → 待回复: an accepted report waits on the director’s filing decision, then on intake to reply', async () => {
    let r = await as.gl_county.register(complaint({ kind: 'REPORT' }));
    r = await as.gl_county.run('acceptCase', r);
    expect(await queueIds('gl_director', 'APPROVE')).toContain(r.id);
    expect(await queueIds('hx_director', 'APPROVE')).not.toContain(r.id);
    r = await as.gl_director.run('decideFiling', r, { filed: false, reason: '举报事项不属于本机关管辖' });
    expect(r.state).toBe('NOT_FILED');
    expect(await queueIds('gl_director', 'APPROVE')).not.toContain(r.id);
    expect(await queueIds('gl_county', 'REPLY')).toContain(r.id);
    expect(await notified('gl_county', 'QUEUE_REPLY', r.id)).toBe(true);
    expect(await queueIds('hx_county', 'REPLY')).not.toContain(r.id);
  });

  it('待回复 and 待回访 at intake: a concluded case waits on the intake unit, then its follow-up, then leaves', async () => {
    let c = await dispatchedToStation();
    c = await as.gl_station.run('receiveCase', c);
    c = await as.gl_station.run('concludeCase', c, { outcome: 'MEDIATED' });
    expect(await queueIds('gl_county', 'REPLY')).toContain(c.id);
    expect(await notified('gl_county', 'QUEUE_REPLY', c.id)).toBe(true);
    // The station handled it but is not the intake unit; another county sees nothing.
    expect(await queueIds('gl_station', 'REPLY')).not.toContain(c.id);
    expect(await queueIds('hx_county', 'REPLY')).not.toContain(c.id);

    c = await as.gl_county.run('replyCase', c, { content: '已调解，商家同意退货' });
    expect(await queueIds('gl_county', 'REPLY')).not.toContain(c.id);
    expect(await queueIds('gl_county', 'FOLLOW_UP')).toContain(c.id);
    expect(await queueIds('hx_county', 'FOLLOW_UP')).not.toContain(c.id);
    expect(await queueIds('gl_station', 'FOLLOW_UP')).not.toContain(c.id);

    await as.gl_county.run('recordFollowUp', c, { result: 'REACHED', satisfaction: 'SATISFIED' });
    expect(await queueIds('gl_county', 'FOLLOW_UP')).not.toContain(c.id);
  });

  it('督办: an item waits on the target unit to answer, then on the issuer to review, and leaves when accepted', async () => {
    const due = new Date(api.clock.now().getTime() + 3 * 86_400_000).toISOString();
    const { openSupervision: s } = await as.gl_director.gql.ok<{ openSupervision: { id: string; version: number } }>(
      OPEN_SUP,
      { input: { targetUnitId: uid('GL-T1'), level: 'URGING', content: '请加快办理积压投诉', responseDueAt: due } },
    );
    expect(await supIds('gl_station', 'ANSWER')).toContain(s.id);
    expect(await notified('gl_station', 'QUEUE_SUPERVISION_ANSWER', null)).toBe(true);
    expect(await supIds('gl_sibling', 'ANSWER')).not.toContain(s.id);
    expect(await supIds('hx_station', 'ANSWER')).not.toContain(s.id);
    expect(await supIds('gl_director', 'REVIEW')).not.toContain(s.id); // not answered yet

    const { respondSupervision: answered } = await as.gl_station.gql.ok<{
      respondSupervision: { id: string; version: number };
    }>(RESPOND_SUP, { input: { id: s.id, version: s.version, response: '已安排专人办理' } });
    expect(await supIds('gl_station', 'ANSWER')).not.toContain(s.id);
    expect(await supIds('gl_director', 'REVIEW')).toContain(s.id);
    expect(await notified('gl_director', 'QUEUE_SUPERVISION_REVIEW', null)).toBe(true);
    expect(await supIds('hx_director', 'REVIEW')).not.toContain(s.id);

    await as.gl_director.gql.ok(REVIEW_SUP, { input: { id: s.id, version: answered.version, accepted: true } });
    expect(await supIds('gl_director', 'REVIEW')).not.toContain(s.id);
  });

  it('counts add up to the lists, and the total to the counts', async () => {
    const c = await counts('gl_county');
    const reply = (
      await as.gl_county.gql.ok<{ myCaseQueue: { total: number } }>(CASE_QUEUE, { q: 'REPLY', p: { limit: 1 } })
    ).myCaseQueue.total;
    expect(reply).toBe(c.reply);
    expect(c.total).toBe(c.receive + c.approve + c.reply + c.followUp + c.supervisionAnswer + c.supervisionReview);
  });
});
