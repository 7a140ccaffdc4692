import { CaseEntity, CaseEventEntity, CaseLifecycleService, OrgUnitEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CASES, complaint, freshPhone } from './case-ops';

describe('Case lifecycle over GraphQL', () => {
  let api: TestApi;
  let unit: (code: string) => OrgUnitEntity;
  const ops: Record<string, CaseOps> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const units = await api.ds.getRepository(OrgUnitEntity).find();
    unit = (code) => units.find((u) => u.code === code)!;
    for (const name of [
      'city_op',
      'city_director',
      'city_mediator',
      'gl_county',
      'gl_director',
      'gl_station',
      'hx_county',
    ]) {
      ops[name] = new CaseOps((await loginAs(api.gql, name)).client);
    }
  });
  afterAll(() => api?.close());

  const uid = (code: string) => String(unit(code).id);

  it('takes a complaint through register → accept → dispatch → receive → suspend/resume → extension → conclude → reply → unsatisfied follow-up → new round → archive', async () => {
    const { city_op, gl_station, city_director } = ops;
    let c = await city_op.register(complaint());
    expect(c.caseNo).toMatch(/^WQ-2026-\d{6}$/);
    expect(c.state).toBe('REGISTERED');
    c = await city_op.run('acceptCase', c);
    expect(c.state).toBe('ACCEPTED');
    c = await city_op.run('dispatchCase', c, {
      targetType: 'UNIT',
      unitId: uid('GL-T1'),
      mode: 'ON_BEHALF',
      instructions: '请尽快联系消费者',
    });
    expect(c).toMatchObject({ state: 'DISPATCHED', ownerUnitId: uid('GL-T1'), assignedUnitId: uid('GL-T1') });
    c = await gl_station.run('receiveCase', c);
    expect(c.state).toBe('IN_PROGRESS');
    c = await gl_station.run('recordContact', c, { method: 'PHONE', content: '已电话联系消费者，约定明日上门检测' });
    expect(c.state).toBe('IN_PROGRESS');
    c = await gl_station.run('suspendCase', c, { reason: 'TESTING' });
    expect(c.state).toBe('SUSPENDED');
    c = await gl_station.run('resumeCase', c);
    expect(c.state).toBe('IN_PROGRESS');
    c = await gl_station.run('requestExtension', c, { reason: '检测机构出具报告需要时间', days: 5 });
    const second = await gl_station.fail('requestExtension', c, { reason: '再次申请', days: 3 });
    expect(second.extensions?.code).toBe('EXTENSION_PENDING');
    c = await city_director.run('decideExtension', c, { approved: true });
    c = await gl_station.run('concludeCase', c, {
      outcome: 'MEDIATED',
      agreementText: '商家同意退货退款 2999 元',
      amountRecovered: 2999,
    });
    expect(c).toMatchObject({
      state: 'CONCLUDED',
      outcome: 'MEDIATED',
      amountRecovered: 2999,
      ownerUnitId: uid('CITY'),
    });
    c = await city_op.run('replyCase', c, { content: '经调解，商家同意退货退款。' });
    expect(c.state).toBe('REPLIED');
    const early = await city_op.fail('archiveCase', c);
    expect(early.extensions?.code).toBe('FOLLOW_UP_REQUIRED');
    c = await city_op.run('recordFollowUp', c, {
      result: 'REACHED',
      satisfaction: 'UNSATISFIED',
      note: '认为退款太慢',
    });
    expect(c).toMatchObject({ state: 'FOLLOWED_UP', satisfaction: 'UNSATISFIED', followUpDone: true });
    expect(c.nextRoundId).toEqual(expect.any(String));
    const next = await city_op.get(c.nextRoundId);
    expect(next).toMatchObject({ state: 'REGISTERED', round: 2, previousRoundId: c.id, caseNo: `${c.caseNo}-R2` });
    c = await city_op.run('archiveCase', c);
    expect(c.state).toBe('ARCHIVED');

    const full = await city_op.get(c.id);
    expect(full.timeline.map((e: { action: string }) => e.action)).toEqual([
      'registerCase',
      'acceptCase',
      'notifyConsumer', // the route and the promised date (seed 002)
      'dispatchCase',
      'receiveCase',
      'recordContact',
      'suspendCase',
      'resumeCase',
      'requestExtension',
      'decideExtension',
      'concludeCase',
      'replyCase',
      'notifyConsumer', // the result
      'notifyConsumer', // the follow-up request
      'recordFollowUp',
      'archiveCase',
    ]);
    expect(full.timeline[1]).toMatchObject({
      fromState: 'REGISTERED',
      toState: 'ACCEPTED',
      actorName: '王丽（12315受理）',
    });
  });

  it('rejects with a ground from the fixed list and a referral, tells the consumer, and archives without follow-up', async () => {
    const { gl_county } = ops;
    let c = await gl_county.register(complaint());
    expect(c.caseNo).toMatch(/^GL-2026-\d{6}$/);
    const noReferral = await gl_county.fail('rejectCase', c, { ground: 'OUTSIDE_JURISDICTION' });
    expect(noReferral.extensions?.code).toBe('REFERRAL_REQUIRED');
    c = await gl_county.run('rejectCase', c, {
      ground: 'OUTSIDE_JURISDICTION',
      referralAuthority: '市交通运输局',
      referralPhone: '12328',
    });
    expect(c.state).toBe('REJECTED');
    c = await gl_county.run('replyCase', c, { content: '不属于本部门职责，请向市交通运输局（12328）反映。' });
    expect(c.state).toBe('CLOSED');
    c = await gl_county.run('archiveCase', c);
    expect(c.state).toBe('ARCHIVED');
  });

  it('lets a receiving unit only return a case to intake, after which it may only read it, and intake re-dispatches', async () => {
    const { city_op, gl_county, hx_county } = ops;
    let c = await city_op.register(complaint());
    c = await city_op.run('acceptCase', c);
    c = await city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL'), mode: 'ON_BEHALF' });
    // the receiving unit can never forward it elsewhere itself
    const forward = await gl_county.fail('dispatchCase', c, {
      targetType: 'UNIT',
      unitId: uid('GL-T2'),
      mode: 'ON_BEHALF',
    });
    expect(forward.extensions?.code).toMatch(/INVALID_TRANSITION|NOT_INTAKE_UNIT/);
    const noReason = await gl_county.fail('returnCase', c, { reason: ' ' });
    // Whitespace-only text is refused for every input before the lifecycle's own guard (input-rules).
    expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
    c = await gl_county.run('returnCase', c, { reason: '经营者注册地在红星县，不属本区管辖' });
    expect(c).toMatchObject({ state: 'RETURNED', ownerUnitId: uid('CITY'), assignedUnitId: null });
    // It keeps read access to a case it handled (issue 11), but no step of it is its own any more.
    expect((await gl_county.get(c.id)).state).toBe('RETURNED');
    const again = await gl_county.fail('receiveCase', c);
    expect(again.extensions?.code).toBe('NOT_FOUND');
    c = await city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('HX'), mode: 'ON_BEHALF' });
    c = await hx_county.run('receiveCase', c);
    expect(c.state).toBe('IN_PROGRESS');
    const hops = await api.ds.query(
      'SELECT hop, to_unit_id, returned_at IS NOT NULL AS returned FROM case_dispatch WHERE case_id = ? ORDER BY hop',
      [c.id],
    );
    expect(hops.map((h: any) => [h.hop, String(h.to_unit_id), Number(h.returned)])).toEqual([
      [1, uid('GL'), 1],
      [2, uid('HX'), 0],
    ]);
  });

  it('tells missing materials once, completely, and refuses a second request', async () => {
    const { gl_county } = ops;
    let c = await gl_county.register(complaint());
    const empty = await gl_county.fail('requestMaterials', c, { missingItems: ['  '] });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.missingItems' });
    c = await gl_county.run('requestMaterials', c, { missingItems: ['购物小票或发票', '身份证复印件'] });
    expect(c.state).toBe('MATERIALS_PENDING');
    const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
    expect(stored.missingItems).toEqual(['购物小票或发票', '身份证复印件']);
    c = await gl_county.run('supplyMaterials', c);
    const again = await gl_county.fail('requestMaterials', c, { missingItems: ['保修卡'] });
    expect(again.extensions?.code).toBe('MATERIALS_ALREADY_REQUESTED');
  });

  it('files a report, dispatches it to a workroom and archives after the allowed failed follow-ups', async () => {
    const { city_op, city_director, city_mediator } = ops;
    let c = await city_op.register({ ...complaint(), kind: 'REPORT', summary: '超市销售过期食品' });
    c = await city_op.run('acceptCase', c);
    const early = await city_op.fail('dispatchCase', c, {
      targetType: 'WORKROOM',
      workroom: 'RIGHTS',
      mode: 'IMMEDIATE',
    });
    expect(early.extensions?.code).toBe('INVALID_TRANSITION');
    c = await city_director.run('decideFiling', c, { filed: true, reason: '有违法线索' });
    expect(c.state).toBe('FILED');
    c = await city_op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    expect(c.ownerUnitId).toBe(uid('CITY-RIGHTS'));
    c = await city_mediator.run('receiveCase', c);
    const wrongOutcome = await city_mediator.fail('concludeCase', c, { outcome: 'MEDIATED' });
    expect(wrongOutcome.extensions?.code).toBe('OUTCOME_NOT_FOR_KIND');
    c = await city_mediator.run('concludeCase', c, { outcome: 'PENALIZED' });
    c = await city_op.run('replyCase', c, { content: '已立案查处。' });
    for (let i = 1; i <= 3; i++) {
      if (i < 3) expect((await city_op.fail('archiveCase', c)).extensions?.code).toBe('FOLLOW_UP_REQUIRED');
      c = await city_op.run('recordFollowUp', c, { result: 'UNREACHABLE' });
      expect(c).toMatchObject({ state: 'REPLIED', followUpAttempts: i });
    }
    c = await city_op.run('archiveCase', c);
    expect(c.state).toBe('ARCHIVED');
  });

  it('answers a consultation at once (即办) and archives it', async () => {
    const { city_op } = ops;
    let c = await city_op.register({
      kind: 'CONSULTATION',
      channel: 'PHONE_12315',
      consumer: { name: '王五', phone: freshPhone() },
      summary: '网购七天无理由退货的规定？',
    });
    c = await city_op.run('answerConsultation', c, { content: '依据《消费者权益保护法》第二十五条……' });
    expect(c).toMatchObject({ state: 'CLOSED', outcome: 'ANSWERED' });
    c = await city_op.run('archiveCase', c);
    expect(c.state).toBe('ARCHIVED');
  });

  it('lets exactly one of two concurrent transitions win and answers the other with CONFLICT', async () => {
    const { city_op } = ops;
    const c = await city_op.register(complaint());
    const doc = `mutation($input: AcceptCaseInput!) { acceptCase(input: $input) { state version } }`;
    const results = await Promise.all(
      [0, 1, 2].map(() => city_op.gql.request(doc, { input: { caseId: c.id, version: c.version } })),
    );
    expect(results.filter((r) => r.data?.acceptCase).length).toBe(1);
    const errors = results.filter((r) => r.errors).map((r) => r.errors![0].extensions);
    expect(errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'version' }),
      expect.objectContaining({ code: 'CONFLICT', field: 'version' }),
    ]);
    const events = await api.ds.getRepository(CaseEventEntity).countBy({ caseId: c.id, action: 'acceptCase' });
    expect(events).toBe(1);
  });

  it('refuses a transition from a wrong state and a stale version, changing nothing', async () => {
    const { city_op } = ops;
    const c = await city_op.register(complaint());
    const wrong = await city_op.fail('concludeCase', c, { outcome: 'MEDIATED' });
    expect(wrong.extensions?.code).toBe('INVALID_TRANSITION');
    const stale = await city_op.fail('acceptCase', { id: c.id, version: c.version + 5 });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const after = await city_op.get(c.id);
    expect(after).toMatchObject({ state: 'REGISTERED', version: c.version });
    expect(after.timeline).toHaveLength(1);
  });

  it('keeps the event log append-only at the database', async () => {
    const c = await ops.city_op.register(complaint());
    await expect(api.ds.query("UPDATE case_event SET note = 'x' WHERE case_id = ?", [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(api.ds.query('DELETE FROM case_event WHERE case_id = ?', [c.id])).rejects.toThrow(/append-only/);
  });

  it('blocks a recused staff member from taking or being assigned the case', async () => {
    const { city_op, city_director, gl_station } = ops;
    let c = await city_op.register(complaint());
    c = await city_op.run('acceptCase', c);
    const stationUser = await api.ds.query("SELECT id FROM app_user WHERE username = 'gl_station'");
    // a receptionist may declare only for themself; a director may record it for a colleague
    expect(
      (await city_op.fail('declareRecusal', c, { userId: String(stationUser[0].id), reason: 'x' })).extensions?.code,
    ).toBe('FORBIDDEN');
    await city_director.run('declareRecusal', c, { userId: String(stationUser[0].id), reason: '被投诉人系其亲属' });
    const assign = await city_op.fail('dispatchCase', await city_op.get(c.id), {
      targetType: 'UNIT',
      unitId: uid('GL-T1'),
      mode: 'ON_BEHALF',
      handlerId: String(stationUser[0].id),
    });
    expect(assign.extensions).toMatchObject({ code: 'HANDLER_RECUSED', field: 'input.handlerId' });
    c = await city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    expect((await gl_station.fail('receiveCase', c)).extensions?.code).toBe('ACTOR_RECUSED');
  });

  it('flags a possible repeat and links it, and closes a report that repeats the same facts', async () => {
    const { city_op } = ops;
    const phone = freshPhone();
    const first = await city_op.register(complaint({ consumer: { name: '赵六', phone } }));
    const second = await city_op.register(complaint({ consumer: { name: '赵六', phone }, summary: '另一件事' }));
    expect(second.repeatOfId).toBe(first.id);
    expect(second.state).toBe('REGISTERED');
    const reportPhone = freshPhone();
    const r1 = await city_op.register({
      ...complaint({ consumer: { name: '钱七', phone: reportPhone } }),
      kind: 'REPORT',
      summary: '无证经营，销售假冒白酒。',
    });
    const r2 = await city_op.register({
      ...complaint({ consumer: { name: '钱七', phone: reportPhone } }),
      kind: 'REPORT',
      summary: '无证经营， 销售假冒白酒',
    });
    expect(r2).toMatchObject({ state: 'CLOSED', repeatOfId: r1.id });
  });

  it('merges new facts against the same business into the open report (并案) and refuses another business', async () => {
    const { city_op } = ops;
    const respondent = { name: '某某超市有限公司', creditCode: '91350100M000100Y43' };
    let open = await city_op.register({ ...complaint({ respondent }), kind: 'REPORT', summary: '销售过期牛奶' });
    open = await city_op.run('acceptCase', open);
    const other = await city_op.register({
      ...complaint({ respondent: { name: '另一家公司' } }),
      kind: 'REPORT',
      summary: '无照经营',
    });
    const refused = await city_op.fail('mergeReport', other, { intoCaseId: open.id });
    expect(refused.extensions).toMatchObject({ code: 'MERGE_DIFFERENT_RESPONDENT', field: 'input.intoCaseId' });
    const fresh = await city_op.register({
      ...complaint({ respondent }),
      kind: 'REPORT',
      summary: '又发现销售过期面包',
    });
    const merged = await city_op.run('mergeReport', fresh, { intoCaseId: open.id });
    expect(merged).toMatchObject({ state: 'CLOSED' });
    const target = await city_op.get(open.id);
    const last = target.timeline[target.timeline.length - 1];
    expect(last).toMatchObject({ action: 'mergedReport', note: '又发现销售过期面包' });
    expect(JSON.parse(last.detail).from).toBe(fresh.caseNo);
    expect((await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: fresh.id })).mergedIntoId).toBe(open.id);
  });

  it('masks phone and ID number, records unmasking, and refuses it to staff who do not need it', async () => {
    const { city_op, gl_station } = ops;
    let c = await city_op.register(
      complaint({
        consumer: { name: '孙八', phone: '13812345678', idNumber: '11010519491231002X', address: '鼓楼区' },
      }),
    );
    expect(c.consumer).toMatchObject({ phone: '138****5678', masked: true });
    expect(c.consumer.idNumber).not.toContain('19491231');
    const full = await city_op.gql.ok<{ unmaskConsumer: { phone: string; idNumber: string } }>(
      `mutation($i: UnmaskConsumerInput!) { unmaskConsumer(input: $i) { phone idNumber } }`,
      { i: { caseId: c.id, reason: '回访需要' } },
    );
    expect(full.unmaskConsumer).toEqual({ phone: '13812345678', idNumber: '11010519491231002X' });
    c = await city_op.run('acceptCase', c);
    c = await city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    const denied = await gl_station.gql.error(
      `mutation($i: UnmaskConsumerInput!) { unmaskConsumer(input: $i) { phone } }`,
      { i: { caseId: c.id, reason: '想看' } },
    );
    expect(denied.extensions?.code).toBe('FORBIDDEN');
    const timeline = (await city_op.get(c.id)).timeline.map((e: { action: string }) => e.action);
    expect(timeline.filter((a: string) => a === 'unmaskConsumer')).toHaveLength(1);
    // a reporter's identity is confidential as a whole
    const r = await city_op.register({
      ...complaint({ consumer: { name: '周九', phone: freshPhone() } }),
      kind: 'REPORT',
    });
    expect(r.consumer.name).toBe('周*');
  });

  it('numbers cases uniquely per center and year under concurrency', async () => {
    const { gl_county } = ops;
    const made = await Promise.all(Array.from({ length: 12 }, () => gl_county.register(complaint())));
    const nos = made.map((c) => c.caseNo);
    expect(new Set(nos).size).toBe(12);
    const seqs = nos.map((n) => Number(n.split('-')[2])).sort((a, b) => a - b);
    expect(seqs[11] - seqs[0]).toBe(11);
  });

  it('shows the registering operator the case in their queue until a handler receives it (首问负责)', async () => {
    const { gl_county, gl_station } = ops;
    let c = await gl_county.register(complaint());
    const mine = async () =>
      (
        await gl_county.gql.ok<{ cases: { items: { id: string }[] } }>(CASES, {
          f: { queue: 'MINE' },
          p: { limit: 100 },
        })
      ).cases.items.map((i) => i.id);
    expect(await mine()).toContain(c.id);
    c = await gl_county.run('acceptCase', c);
    c = await gl_county.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    expect(await mine()).toContain(c.id);
    await gl_station.run('receiveCase', c);
    expect(await mine()).not.toContain(c.id);
  });

  it('runs a step again when InnoDB gives its transaction up (a deadlock), and logs it once', async () => {
    const { gl_county } = ops;
    let c = await gl_county.register(complaint());
    let calls = 0;
    const flaky = {
      async afterTransition(_actor: unknown, t: { action: string }) {
        if (t.action !== 'acceptCase' || ++calls > 1) return;
        // what TypeORM throws when MariaDB picks this transaction as the deadlock victim
        throw Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), {
          driverError: { code: 'ER_LOCK_DEADLOCK', errno: 1213 },
        });
      },
    };
    api.app.get(CaseLifecycleService).registerHook(flaky as never);
    c = await gl_county.run('acceptCase', c);
    expect(c.state).toBe('ACCEPTED');
    expect(calls).toBe(2);
    const events = await api.ds.getRepository(CaseEventEntity).findBy({ caseId: c.id, action: 'acceptCase' });
    expect(events).toHaveLength(1);
    // another error is not retried: it reaches the caller as before
    calls = 0;
    const failing = {
      async afterTransition(_actor: unknown, t: { action: string }) {
        if (t.action === 'recordContact') {
          calls++;
          throw new Error('not a lock problem');
        }
      },
    };
    api.app.get(CaseLifecycleService).registerHook(failing as never);
    const err = await gl_county.fail('recordContact', c, { method: 'PHONE', content: '联系' });
    expect(err.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(calls).toBe(1);
    expect(await api.ds.getRepository(CaseEventEntity).countBy({ caseId: c.id, action: 'recordContact' })).toBe(0);
  });
});
