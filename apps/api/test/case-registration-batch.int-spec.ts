import {
  CaseDeadlineEntity,
  CaseEntity,
  CaseEventEntity,
  DeadlineScheduler,
  jobId,
  makeActor,
  REPAIR_HORIZON_MS,
  OrgUnitEntity,
  UserEntity,
} from '@weiquan/core';
import { DataScope } from '@weiquan/shared';
import { loginAs } from '@weiquan/testing';
import { CaseIntakeService, PreparedRegistration } from '../src/modules/case/case-intake.service';
import { RegisterCaseInput } from '../src/modules/case/case.input';
import { CaseOps, complaint, freshPhone } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// Registrations that arrive together are written together (group commit, CaseIntakeService.registerMany).
// Each must come out exactly as if it had been registered alone.
describe('registration batches', () => {
  let api: TestApi;
  let ops: CaseOps;
  let intake: CaseIntakeService;

  beforeAll(async () => {
    api = await startTestApi();
    ops = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    intake = api.app.get(CaseIntakeService);
  });
  afterAll(() => api?.close());
  afterEach(() => jest.restoreAllMocks());

  const cityActor = async () => {
    const city = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'CITY' });
    const user = await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_op' });
    return makeActor({
      kind: 'USER',
      id: user.id,
      name: user.displayName,
      roles: user.roles,
      unitId: city.id,
      unitPath: city.path,
      dataScope: DataScope.ALL,
    });
  };
  const clocksOf = async (caseId: string) =>
    (await api.ds.getRepository(CaseDeadlineEntity).find({ where: { caseId }, order: { ruleCode: 'ASC' } })).map(
      (d) => ({ rule: d.ruleCode, due: d.dueAt?.toISOString(), status: d.status }),
    );

  it('writes 30 concurrent registrations in shared transactions, each whole: own number, timeline entry, clocks and due time', async () => {
    const spy = jest.spyOn(intake, 'registerMany');
    // Queueing alarms made slow: an answer that did not wait for its alarms would come before them.
    const scheduler = api.app.get(DeadlineScheduler);
    const add = scheduler.add.bind(scheduler);
    jest.spyOn(scheduler, 'add').mockImplementation(async (...args) => {
      await new Promise((r) => setTimeout(r, 150));
      return add(...args);
    });
    // Received ten days ago (a letter): the clocks' first alarms ring at once, so they are queued at commit.
    const receivedAt = new Date(api.clock.now().getTime() - 10 * 86_400_000).toISOString();
    const alone = await ops.register(complaint({ receivedAt }));
    const many = await Promise.all(Array.from({ length: 30 }, () => ops.register(complaint({ receivedAt }))));
    // The answer came once the clocks' alarms were queued (queued after the commit, the next batch
    // meanwhile being written): every alarm ringing within the horizon is on the queue already.
    const rows = await api.ds.getRepository(CaseDeadlineEntity).findBy(many.map((c) => ({ caseId: c.id })));
    const horizon = api.clock.now().getTime() + REPAIR_HORIZON_MS;
    const near = (await scheduler.nextAlarms(rows, new Map())).filter((a) => a.at.getTime() <= horizon);
    expect(near.length).toBeGreaterThanOrEqual(30);
    for (const a of near) expect(await scheduler.queue.getJob(jobId(a.job))).toBeTruthy();

    const sizes = spy.mock.calls.map(([items]) => items.length);
    expect(Math.max(...sizes)).toBeGreaterThan(1); // batches were really formed
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(31);

    // Numbers: unique, and consecutive (nothing failed, so no gaps).
    const seq = many.map((c) => Number(c.caseNo.split('-').pop())).sort((a, b) => a - b);
    expect(new Set(seq).size).toBe(30);
    expect(seq[29]! - seq[0]!).toBe(29);

    const expectedClocks = await clocksOf(alone.id);
    expect(expectedClocks.length).toBeGreaterThan(0);
    const stored = await api.ds.getRepository(CaseEntity).findBy(many.map((c) => ({ id: c.id })));
    const aloneRow = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: alone.id });
    for (const c of many) {
      const row = stored.find((r) => r.id === c.id)!;
      expect(row.caseNo).toBe(c.caseNo);
      expect(row.state).toBe('REGISTERED');
      expect(row.dueAt?.toISOString()).toBe(aloneRow.dueAt?.toISOString());
      expect(await clocksOf(c.id)).toEqual(expectedClocks);
      const events = await api.ds.getRepository(CaseEventEntity).findBy({ caseId: c.id });
      expect(events.map((e) => [e.action, e.toState, (e.detail as { caseNo?: string } | null)?.caseNo])).toEqual([
        ['registerCase', 'REGISTERED', c.caseNo],
      ]);
    }
  });

  it('links two concurrent registrations of the same consumer against the same business (never in one batch)', async () => {
    const actor = await cityActor();
    const phone = freshPhone();
    const same = () => complaint({ consumer: { name: '王五', phone } }) as unknown as RegisterCaseInput;
    // The first one is written alone; the two that arrive meanwhile would share the next batch.
    const spy = jest.spyOn(intake, 'registerMany');
    const [, x, y] = await Promise.all([
      intake.register(actor, complaint() as unknown as RegisterCaseInput),
      intake.register(actor, same()),
      intake.register(actor, same()),
    ]);
    expect(spy.mock.calls.map(([items]) => items.length)).toEqual([1, 1, 1]);
    expect(x.repeatOfId).toBeNull();
    expect(y.repeatOfId).toBe(x.id);
  });

  it('writes the good registrations of a batch when one of them fails, and stores nothing of the bad one', async () => {
    const actor = await cityActor();
    const city = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'CITY' });
    const prepared = await Promise.all(
      [1, 2, 3].map(() => intake.prepare(actor, complaint() as unknown as RegisterCaseInput)),
    );
    // The middle one names a unit that does not exist: its INSERT breaks the batch's transaction.
    const bad: PreparedRegistration = {
      ...prepared[1]!,
      unit: Object.assign(new OrgUnitEntity(), { ...city, id: 2_000_000_000 }),
    };
    const before = await api.ds.getRepository(CaseEntity).count();
    const out = await intake.registerMany([prepared[0]!, bad, prepared[2]!]);
    expect(out.map((o) => o.ok)).toEqual([true, false, true]);
    // Numbers are taken in the batch's transaction: the failed batch and the failed one gave theirs back.
    const nos = out.flatMap((o) => (o.ok ? [Number(o.value.case.caseNo.split('-').pop())] : []));
    expect(nos[1]! - nos[0]!).toBe(1);
    expect(await api.ds.getRepository(CaseEntity).count()).toBe(before + 2);
    for (const o of out) {
      if (!o.ok) continue;
      const id = o.value.case.id;
      expect(await api.ds.getRepository(CaseEventEntity).countBy({ caseId: id })).toBe(1);
      expect((await clocksOf(id)).length).toBeGreaterThan(0);
    }
    expect(await api.ds.getRepository(CaseEntity).countBy({ ownerUnitId: 2_000_000_000 })).toBe(0);
  });
});
