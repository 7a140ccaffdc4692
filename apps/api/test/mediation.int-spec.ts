import {
  CaseDeadlineEntity,
  CaseEventEntity,
  NotificationEntity,
  TestingCommissionEntity,
  UserEntity,
} from '@weiquan/core';
import { GqlClient, GqlError, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CaseView, complaint } from './case-ops';

const SESSION = `id caseId unitId mode heldAt place simple partiesConsented staff { userId name } parties { role name note } record result resultNote recordedById version`;
const INVESTIGATION = `id caseId unitId investigatedAt place staff { userId name } findings evidenceNote evidenceIds version`;
const TESTING = `id caseId agencyName agencyQualification items costAdvancedBy estimatedCost status suspendedCase result actualCost costBorneBy resultAt version`;
const AGREEMENT = `id caseId sessionId terms amount signedAt performanceDueAt performance performanceNote supervisionId version`;

const doc = (name: string, fields: string) =>
  `mutation($input: ${name[0].toUpperCase()}${name.slice(1)}Input!) { ${name}(input: $input) { ${fields} } }`;
const M = {
  recordMediationSession: doc('recordMediationSession', SESSION),
  updateMediationSession: doc('updateMediationSession', SESSION),
  recordInvestigation: doc('recordInvestigation', INVESTIGATION),
  updateInvestigation: doc('updateInvestigation', INVESTIGATION),
  commissionTesting: doc('commissionTesting', TESTING),
  recordTestingResult: doc('recordTestingResult', TESTING),
  recordAgreement: doc('recordAgreement', AGREEMENT),
  updateAgreementPerformance: doc('updateAgreementPerformance', AGREEMENT),
  feedBackResult: doc('feedBackResult', 'id state'),
};
type MutationName = keyof typeof M;

const CASE_WITH_RECORDS = `query($id: ID!) { case(id: $id) { id state version suspendReason
  timeline { action fromState toState actorName note detail }
  mediationSessions { id result staff { name } } investigations { id findings } testingCommissions { id status } agreements { id performance supervisionId } } }`;
const LISTS = `query($caseId: ID!) {
  mediationSessions(caseId: $caseId) { ${SESSION} }
  investigations(caseId: $caseId) { ${INVESTIGATION} }
  testingCommissions(caseId: $caseId) { ${TESTING} }
  mediationAgreements(caseId: $caseId) { ${AGREEMENT} } }`;
const QUEUE = `query($p: PageInput, $s: MediationQueueSort) { mediationWorkQueue(page: $p, sort: $s) { total offset limit
  items { case { id caseNo state } dueAt timeLeftMs overdue suspended sessionCount runningTestingCount openAgreementCount } } }`;
const SUPERVISIONS = `query($f: SupervisionFilter) { supervisions(filter: $f) { total items { id caseId automatic status level targetUnit { code } content } } }`;

interface QueueItem {
  case: { id: string; caseNo: string; state: string };
  dueAt: string | null;
  timeLeftMs: number | null;
  overdue: boolean;
  suspended: boolean;
  sessionCount: number;
  runningTestingCount: number;
  openAgreementCount: number;
}

// Instants in Asia/Shanghai written as UTC (+08:00).
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => sh(`${day}T23:59:59.999`);
const HOUR = 3_600_000;
const USERS = [
  'city_op',
  'city_mediator',
  'city_mediator2',
  'gl_county',
  'gl_mediator',
  'gl_station',
  'hx_county',
  'hx_station',
] as const;
type User = (typeof USERS)[number];

describe('维权服务 workroom (mediation) over GraphQL', () => {
  let api: TestApi;
  let userIds: Map<string, string>;
  const as = {} as Record<User, GqlClient>;
  const ops = {} as Record<User, CaseOps>;

  /** Signs everyone in again at the fake clock's time (tokens are issued and checked by that clock). */
  const relogin = async () => {
    for (const name of USERS) {
      as[name] = (await loginAs(api.gql, name)).client;
      ops[name] = new CaseOps(as[name]);
    }
  };
  const at = async (local: string) => {
    api.clock.set(sh(local));
    await relogin();
  };

  beforeAll(async () => {
    api = await startTestApi();
    userIds = new Map((await api.ds.getRepository(UserEntity).find()).map((u) => [u.username, String(u.id)]));
    await relogin();
  });
  afterAll(() => api?.close());

  const uid = (username: string) => userIds.get(username)!;
  const ago = (hours: number) => new Date(api.clock.now().getTime() - hours * HOUR).toISOString();
  const unitId = async (code: string) =>
    String((await api.ds.query('SELECT id FROM org_unit WHERE code = ?', [code]))[0].id);

  const run = async <T = any>(who: User, name: MutationName, input: Record<string, unknown>): Promise<T> =>
    (await as[who].ok<Record<string, T>>(M[name], { input }))[name];
  const fail = (who: User, name: MutationName, input: Record<string, unknown>): Promise<GqlError> =>
    as[who].error(M[name], { input });
  const caseOf = async (who: User, id: string) => (await as[who].ok<{ case: any }>(CASE_WITH_RECORDS, { id })).case;
  const lists = (who: User, caseId: string) => as[who].ok<any>(LISTS, { caseId });
  const actions = async (caseId: string) =>
    (await api.ds.getRepository(CaseEventEntity).find({ where: { caseId }, order: { id: 'ASC' } })).map(
      (e) => e.action,
    );
  const deadline = async (caseId: string, code: string) =>
    await api.ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ caseId, ruleCode: code, layer: 'COMMITMENT' });

  /** register (city) → accept → dispatch to the city's 维权服务工作室 → a mediator receives. */
  const atCityRights = async (): Promise<CaseView> => {
    let c = await ops.city_op.register(complaint());
    c = await ops.city_op.run('acceptCase', c);
    c = await ops.city_op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'ON_BEHALF' });
    return ops.city_mediator.run('receiveCase', c);
  };
  /** register (city) → accept → dispatch to the 鼓东街道 station → the station receives. */
  const atStation = async (): Promise<CaseView> => {
    let c = await ops.city_op.register(complaint());
    c = await ops.city_op.run('acceptCase', c);
    c = await ops.city_op.run('dispatchCase', c, {
      targetType: 'UNIT',
      unitId: await unitId('GL-T1'),
      mode: 'ON_BEHALF',
    });
    return ops.gl_station.run('receiveCase', c);
  };
  /** register (鼓楼区 center) → accept → dispatch to its own 维权服务工作室 → the county mediator receives. */
  const atGlRights = async (): Promise<CaseView> => {
    let c = await ops.gl_county.register(complaint());
    c = await ops.gl_county.run('acceptCase', c);
    c = await ops.gl_county.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'ON_BEHALF' });
    return ops.gl_mediator.run('receiveCase', c);
  };

  const sessionInput = (caseId: string, extra: Record<string, unknown> = {}) => ({
    caseId,
    mode: 'PHONE',
    heldAt: ago(1),
    staffIds: [uid('city_mediator'), uid('city_mediator2')],
    partiesConsented: true,
    parties: [
      { role: 'CONSUMER', name: '李四' },
      { role: 'BUSINESS', name: '王经理', note: '某某电器有限公司售后主管' },
    ],
    record: '电话分别联系双方，经营者同意检测后协商。',
    result: 'ADJOURNED',
    ...extra,
  });
  const testingInput = (caseId: string, extra: Record<string, unknown> = {}) => ({
    caseId,
    agencyName: '市产品质量检验所',
    agencyQualification: 'CMA 资质认定证书 210012345678',
    items: ['空调制冷量', '压缩机运行状况'],
    costAdvancedBy: 'BUSINESS',
    estimatedCost: 800,
    partiesAgreed: true,
    ...extra,
  });

  describe('mediation sessions', () => {
    it('records, updates and lists a session, and puts both steps on the case timeline', async () => {
      await at('2026-11-16T10:00:00');
      const c = await atCityRights();
      const s = await run('city_mediator', 'recordMediationSession', sessionInput(c.id, { place: null }));
      expect(s).toMatchObject({
        caseId: c.id,
        unitId: await unitId('CITY-RIGHTS'),
        mode: 'PHONE',
        simple: false,
        partiesConsented: true,
        result: 'ADJOURNED',
        version: 1,
        recordedById: uid('city_mediator'),
      });
      expect(s.staff.map((x: { name: string }) => x.name).sort()).toEqual(['张调解', '黄调解'].sort());
      expect(s.parties).toEqual([
        { role: 'CONSUMER', name: '李四', note: null },
        { role: 'BUSINESS', name: '王经理', note: '某某电器有限公司售后主管' },
      ]);

      const updated = await run('city_mediator2', 'updateMediationSession', {
        id: s.id,
        version: 1,
        mode: 'ON_SITE',
        place: '市维权中心调解室',
        result: 'AGREED',
        resultNote: '经营者同意退货退款',
      });
      expect(updated).toMatchObject({
        id: s.id,
        mode: 'ON_SITE',
        place: '市维权中心调解室',
        result: 'AGREED',
        resultNote: '经营者同意退货退款',
        version: 2,
      });
      expect(updated.staff).toHaveLength(2);
      const stale = await fail('city_mediator', 'updateMediationSession', { id: s.id, version: 1, record: '再次修改' });
      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });

      expect(
        (await lists('city_op', c.id)).mediationSessions.map((x: { id: string; version: number }) => [x.id, x.version]),
      ).toEqual([[s.id, 2]]);
      const view = await caseOf('city_op', c.id);
      expect(view.mediationSessions).toEqual([{ id: s.id, result: 'AGREED', staff: expect.any(Array) }]);
      const events = view.timeline.filter((e: { action: string }) => e.action.endsWith('MediationSession'));
      expect(events.map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
        ['recordMediationSession', '张调解'],
        ['updateMediationSession', '黄调解'],
      ]);
      expect(JSON.parse(events[0].detail)).toMatchObject({
        sessionId: s.id,
        mode: 'PHONE',
        simple: false,
        result: 'ADJOURNED',
      });
      expect(JSON.parse(events[1].detail).changed).toEqual(['mode', 'place', 'result', 'resultNote']);
    });

    it('lets exactly one of two simultaneous edits of the same version win; the other gets CONFLICT', async () => {
      const c = await atCityRights();
      const s = await run('city_mediator', 'recordMediationSession', sessionInput(c.id));
      const both = await Promise.all(
        (['city_mediator', 'city_mediator2'] as const).map((who) =>
          as[who].request(M.updateMediationSession, { input: { id: s.id, version: 1, record: `${who} 的修改` } }),
        ),
      );
      expect(both.filter((r) => !r.errors)).toHaveLength(1);
      expect(both.filter((r) => r.errors).map((r) => r.errors![0].extensions)).toEqual([
        { code: 'CONFLICT', field: 'input.version' },
      ]);
      const [stored] = (await lists('city_op', c.id)).mediationSessions;
      expect(stored.version).toBe(2);
      expect((await actions(c.id)).filter((a) => a === 'updateMediationSession')).toHaveLength(1);
    });

    it('refuses a session with one staff member unless it is marked simple, with a clear error', async () => {
      const c = await atCityRights();
      const one = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator')] }),
      );
      expect(one.extensions).toMatchObject({ code: 'MEDIATION_STAFF_TOO_FEW', field: 'input.staffIds' });
      expect(one.message).toContain('两名以上工作人员');
      // the same person twice is still one person
      const twice = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator'), uid('city_mediator')] }),
      );
      expect(twice.extensions?.code).toBe('MEDIATION_STAFF_TOO_FEW');
      // …also when written two ways: people are counted, not strings
      const padded = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator'), `0${uid('city_mediator')}`] }),
      );
      expect(padded.extensions).toMatchObject({ code: 'MEDIATION_STAFF_TOO_FEW', field: 'input.staffIds' });
      expect((await lists('city_mediator', c.id)).mediationSessions).toEqual([]);

      const simple = await run(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator')], simple: true, mode: 'SMS' }),
      );
      expect(simple).toMatchObject({ simple: true, mode: 'SMS' });
      // un-marking simple on a one-person session is refused too
      const unmark = await fail('city_mediator', 'updateMediationSession', {
        id: simple.id,
        version: 1,
        simple: false,
      });
      expect(unmark.extensions).toMatchObject({ code: 'MEDIATION_STAFF_TOO_FEW', field: 'input.simple' });
      const unmarkPadded = await fail('city_mediator', 'updateMediationSession', {
        id: simple.id,
        version: 1,
        simple: false,
        staffIds: [uid('city_mediator'), `00${uid('city_mediator')}`],
      });
      expect(unmarkPadded.extensions).toMatchObject({ code: 'MEDIATION_STAFF_TOO_FEW', field: 'input.staffIds' });
      expect(await actions(c.id)).toEqual([
        'registerCase',
        'acceptCase',
        'notifyConsumer',
        'dispatchCase',
        'receiveCase',
        'recordMediationSession',
      ]);
    });

    it('validates consent, parties, time, staff (visible, not recused) and who may record', async () => {
      const c = await atCityRights();
      const consent = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { partiesConsented: false }),
      );
      expect(consent.extensions).toMatchObject({ code: 'MEDIATION_CONSENT_REQUIRED', field: 'input.partiesConsented' });
      const noParty = await fail('city_mediator', 'recordMediationSession', sessionInput(c.id, { parties: [] }));
      expect(noParty.extensions).toMatchObject({ code: 'MEDIATION_PARTY_REQUIRED', field: 'input.parties' });
      const blank = await fail('city_mediator', 'recordMediationSession', sessionInput(c.id, { record: '  ' }));
      expect(blank).toMatchObject({
        message: '请填写调解记录',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.record' },
      });
      const noStaff = await fail('city_mediator', 'recordMediationSession', sessionInput(c.id, { staffIds: [] }));
      expect(noStaff).toMatchObject({
        message: '请选择参加调解的工作人员',
        extensions: { code: 'BAD_USER_INPUT', field: 'input.staffIds' },
      });
      const future = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { heldAt: new Date(api.clock.now().getTime() + HOUR).toISOString() }),
      );
      expect(future.extensions).toMatchObject({ code: 'TIME_IN_FUTURE', field: 'input.heldAt' });
      const missing = await fail(
        'city_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator'), '999999'] }),
      );
      expect(missing.extensions).toMatchObject({ code: 'STAFF_NOT_FOUND', field: 'input.staffIds' });
      // intake (reception) is not the handling unit
      const intake = await fail('city_op', 'recordMediationSession', sessionInput(c.id));
      expect(intake.extensions?.code).toBe('NOT_RECEIVING_UNIT');

      await ops.city_mediator2.run('declareRecusal', c, { reason: '与经营者负责人系亲属' });
      const recused = await fail('city_mediator', 'recordMediationSession', sessionInput(c.id));
      expect(recused.extensions).toMatchObject({ code: 'STAFF_RECUSED', field: 'input.staffIds' });
      expect(recused.message).toContain('黄调解');
      const recusedActor = await fail(
        'city_mediator2',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('city_mediator')], simple: true }),
      );
      expect(recusedActor.extensions?.code).toBe('ACTOR_RECUSED');

      // a station user sees only its own unit's staff: another county's staff answer like a missing user
      const s = await atStation();
      const other = await fail(
        'gl_station',
        'recordMediationSession',
        sessionInput(s.id, { staffIds: [uid('gl_station'), uid('hx_station')] }),
      );
      expect(other.extensions).toMatchObject({ code: 'STAFF_NOT_FOUND', field: 'input.staffIds' });
      expect(await actions(c.id)).not.toContain('recordMediationSession');
    });
  });

  describe('on-site investigations', () => {
    it('records, updates and lists an investigation and puts it on the timeline', async () => {
      const c = await atStation();
      const v = await run('gl_station', 'recordInvestigation', {
        caseId: c.id,
        investigatedAt: ago(2),
        place: '鼓楼区五四路 88 号某某电器门店',
        staffIds: [uid('gl_station')],
        findings: '门店承认空调为展示机翻新后出售。',
        evidenceNote: '现场拍照 6 张，调取销售记录一份',
      });
      expect(v).toMatchObject({
        caseId: c.id,
        unitId: await unitId('GL-T1'),
        place: '鼓楼区五四路 88 号某某电器门店',
        evidenceIds: [],
        version: 1,
        staff: [{ userId: uid('gl_station'), name: '鼓东街道站点' }],
      });
      const bad = await fail('gl_station', 'updateInvestigation', { id: v.id, version: 1, evidenceIds: ['999999999'] });
      expect(bad.extensions).toMatchObject({ code: 'EVIDENCE_NOT_ON_CASE', field: 'input.evidenceIds' });
      const updated = await run('gl_station', 'updateInvestigation', {
        id: v.id,
        version: 1,
        findings: '门店承认空调为展示机翻新后出售，未告知消费者。',
      });
      expect(updated).toMatchObject({ findings: '门店承认空调为展示机翻新后出售，未告知消费者。', version: 2 });
      expect((await lists('gl_station', c.id)).investigations.map((x: { id: string }) => x.id)).toEqual([v.id]);
      expect((await caseOf('city_op', c.id)).investigations).toEqual([{ id: v.id, findings: updated.findings }]);
      expect((await actions(c.id)).slice(-2)).toEqual(['recordInvestigation', 'updateInvestigation']);
    });
  });

  describe('testing commissions', () => {
    it('suspends the case and pauses its clocks; the last result resumes them with the remaining time', async () => {
      await at('2026-11-02T09:00:00'); // Monday
      const c = await atStation();
      const before = await deadline(c.id, 'COMPLAINT_CONCLUDE');
      expect(before).toMatchObject({ status: 'RUNNING', dueAt: endOf('2026-11-11') });

      await at('2026-11-03T10:00:00');
      const refused = await fail('gl_station', 'commissionTesting', testingInput(c.id, { partiesAgreed: false }));
      expect(refused.extensions).toMatchObject({ code: 'TESTING_NOT_AGREED', field: 'input.partiesAgreed' });
      const noQualification = await fail(
        'gl_station',
        'commissionTesting',
        testingInput(c.id, { agencyQualification: ' ' }),
      );
      expect(noQualification.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agencyQualification' });

      const first = await run('gl_station', 'commissionTesting', testingInput(c.id));
      expect(first).toMatchObject({
        status: 'RUNNING',
        suspendedCase: true,
        costAdvancedBy: 'BUSINESS',
        estimatedCost: 800,
        items: ['空调制冷量', '压缩机运行状况'],
        version: 1,
      });
      let view = await caseOf('gl_station', c.id);
      expect(view).toMatchObject({ state: 'SUSPENDED', suspendReason: 'TESTING' });
      expect(await deadline(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({ status: 'PAUSED', dueAt: null });

      // a second test while suspended: no second suspension
      const second = await run(
        'gl_station',
        'commissionTesting',
        testingInput(c.id, {
          agencyName: '市家电维修行业协会鉴定中心',
          items: ['安装工艺'],
          costAdvancedBy: 'CONSUMER',
          estimatedCost: null,
        }),
      );
      expect(second).toMatchObject({ status: 'RUNNING', suspendedCase: false });

      await at('2026-11-09T16:00:00');
      const r1 = await run('gl_station', 'recordTestingResult', {
        id: first.id,
        version: 1,
        result: '制冷量低于标称值 30%，属产品质量问题',
        costBorneBy: 'BUSINESS',
        actualCost: 760,
      });
      expect(r1).toMatchObject({ status: 'COMPLETED', costBorneBy: 'BUSINESS', actualCost: 760, version: 2 });
      expect((await caseOf('gl_station', c.id)).state).toBe('SUSPENDED'); // the other test still runs
      const again = await fail('gl_station', 'recordTestingResult', {
        id: first.id,
        version: 1,
        result: '重复登记',
        costBorneBy: 'BUSINESS',
      });
      expect(again.extensions).toMatchObject({ code: 'TESTING_ALREADY_COMPLETED', field: 'input.id' });

      await run('gl_station', 'recordTestingResult', {
        id: second.id,
        version: 1,
        result: '安装符合规范',
        costBorneBy: 'CONSUMER',
      });
      view = await caseOf('gl_station', c.id);
      expect(view).toMatchObject({ state: 'IN_PROGRESS', suspendReason: null });
      // 3–9 Nov paused; 7 working days resume: 10, 11, 12, 13, 16, 17, 18 Nov
      expect(await deadline(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({
        status: 'RUNNING',
        dueAt: endOf('2026-11-18'),
      });

      expect(view.testingCommissions).toEqual([
        { id: first.id, status: 'COMPLETED' },
        { id: second.id, status: 'COMPLETED' },
      ]);
      expect(
        (await lists('city_op', c.id)).testingCommissions.map((t: { costBorneBy: string }) => t.costBorneBy),
      ).toEqual(['BUSINESS', 'CONSUMER']);
      // (clocks this test lets fall due are breached by the engine on the next step: system entries, left out here)
      const system = new Set(['deadlineBreached', 'openSupervision']);
      // register, accept, the consumer's SMS, dispatch, receive: then the workroom's steps
      expect((await actions(c.id)).slice(5).filter((a) => !system.has(a))).toEqual([
        'commissionTesting',
        'suspendCase',
        'commissionTesting',
        'recordTestingResult',
        'recordTestingResult',
        'resumeCase',
      ]);
      const suspend = view.timeline.find((e: { action: string }) => e.action === 'suspendCase');
      expect(suspend).toMatchObject({ fromState: 'IN_PROGRESS', toState: 'SUSPENDED', actorName: '鼓东街道站点' });
      expect(JSON.parse(suspend.detail)).toMatchObject({ reason: 'TESTING', testingCommissionId: first.id });
    });

    it('refuses a manual resumeCase while a test runs (its time does not count); the result resumes the case', async () => {
      const c = await atStation();
      const t = await run('gl_station', 'commissionTesting', testingInput(c.id));
      const suspended = await ops.gl_station.get(c.id);
      expect(suspended.state).toBe('SUSPENDED');
      const refused = await ops.gl_station.fail('resumeCase', suspended);
      expect(refused.extensions).toMatchObject({ code: 'TESTING_RUNNING', field: 'input.caseId' });
      expect(refused.message).toContain('检测鉴定');
      // rolled back whole: still suspended, clocks still paused, no resume on the timeline
      expect(await ops.gl_station.get(c.id)).toMatchObject({ state: 'SUSPENDED', version: suspended.version });
      expect(await deadline(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({ status: 'PAUSED' });
      expect(await actions(c.id)).not.toContain('resumeCase');

      await run('gl_station', 'recordTestingResult', {
        id: t.id,
        version: 1,
        result: '符合标准',
        costBorneBy: 'CONSUMER',
      });
      expect((await ops.gl_station.get(c.id)).state).toBe('IN_PROGRESS');
      expect(await deadline(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({ status: 'RUNNING' });

      // suspended for another reason, with no test running: resuming by hand works as before
      const other = await ops.gl_station.run('suspendCase', await ops.gl_station.get(c.id), {
        reason: 'AWAITING_MATERIALS',
      });
      expect((await ops.gl_station.run('resumeCase', other)).state).toBe('IN_PROGRESS');
    });

    it('writes nothing when the suspension is refused (the commission and the suspension are one transaction)', async () => {
      const c = await atStation();
      // A consultation cannot be suspended: the lifecycle refuses, and no commission row remains.
      await api.ds.query("UPDATE wq_case SET kind = 'CONSULTATION' WHERE id = ?", [c.id]);
      const refused = await fail('gl_station', 'commissionTesting', testingInput(c.id));
      expect(refused.extensions?.code).toBe('INVALID_TRANSITION');
      expect(await api.ds.getRepository(TestingCommissionEntity).countBy({ caseId: c.id })).toBe(0);
      expect(await actions(c.id)).not.toContain('commissionTesting');
    });
  });

  describe('agreements', () => {
    it('records an agreement; unfulfilled after conclusion opens a supervision item for intake shown on the case', async () => {
      const c = await atCityRights();
      const s = await run('city_mediator', 'recordMediationSession', sessionInput(c.id, { result: 'AGREED' }));
      const other = await atCityRights();
      const wrongSession = await fail('city_mediator', 'recordAgreement', {
        caseId: other.id,
        sessionId: s.id,
        terms: '退款',
      });
      expect(wrongSession.extensions).toMatchObject({ code: 'SESSION_NOT_ON_CASE', field: 'input.sessionId' });

      const a = await run('city_mediator', 'recordAgreement', {
        caseId: c.id,
        sessionId: s.id,
        terms: '经营者于 7 日内退还货款 2999 元，消费者退回空调。',
        amount: 2999,
        performanceDueAt: new Date(api.clock.now().getTime() + 7 * 24 * HOUR).toISOString(),
      });
      expect(a).toMatchObject({
        caseId: c.id,
        sessionId: s.id,
        amount: 2999,
        performance: 'PENDING',
        supervisionId: null,
        version: 1,
      });
      const concluded = await ops.city_mediator.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: a.terms,
        amountRecovered: 2999,
      });
      expect(concluded.state).toBe('CONCLUDED');
      const late = await fail('city_mediator', 'recordMediationSession', sessionInput(c.id));
      expect(late.extensions).toMatchObject({ code: 'CASE_NOT_IN_HANDLING', field: 'input.caseId' });

      // reception (intake) learns at the return visit that the business did not pay
      const unfulfilled = await run('city_op', 'updateAgreementPerformance', {
        id: a.id,
        version: 1,
        performance: 'UNFULFILLED',
        note: '经营者逾期未退款',
      });
      expect(unfulfilled).toMatchObject({
        performance: 'UNFULFILLED',
        performanceNote: '经营者逾期未退款',
        version: 2,
      });
      expect(unfulfilled.supervisionId).toEqual(expect.any(String));
      const { supervisions } = await as.city_op.ok<any>(SUPERVISIONS, { f: { caseId: c.id } });
      expect(supervisions.items).toEqual([
        expect.objectContaining({
          id: unfulfilled.supervisionId,
          caseId: c.id,
          automatic: true,
          status: 'OPEN',
          level: 'SUPERVISION',
          targetUnit: { code: 'CITY' },
        }),
      ]);
      expect(supervisions.items[0].content).toContain('调解协议未履行');

      // paid after all; then it stays fulfilled
      const fulfilled = await run('city_op', 'updateAgreementPerformance', {
        id: a.id,
        version: 2,
        performance: 'FULFILLED',
      });
      expect(fulfilled).toMatchObject({
        performance: 'FULFILLED',
        supervisionId: unfulfilled.supervisionId,
        version: 3,
      });
      const again = await fail('city_op', 'updateAgreementPerformance', {
        id: a.id,
        version: 3,
        performance: 'UNFULFILLED',
      });
      expect(again.extensions).toMatchObject({ code: 'AGREEMENT_ALREADY_FULFILLED', field: 'input.id' });
      const pending = await fail('city_op', 'updateAgreementPerformance', {
        id: a.id,
        version: 3,
        performance: 'PENDING',
      });
      expect(pending.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.performance' });

      expect(
        (await lists('city_op', c.id)).mediationAgreements.map((x: { id: string; performance: string }) => [
          x.id,
          x.performance,
        ]),
      ).toEqual([[a.id, 'FULFILLED']]);
      expect((await caseOf('city_op', c.id)).agreements).toEqual([
        { id: a.id, performance: 'FULFILLED', supervisionId: unfulfilled.supervisionId },
      ]);
      expect((await actions(c.id)).slice(5)).toEqual([
        'recordMediationSession',
        'recordAgreement',
        'concludeCase',
        'openSupervision',
        'updateAgreementPerformance',
        'updateAgreementPerformance',
      ]);
    });

    it('opens no supervision when the agreement goes unfulfilled while the case is still being handled', async () => {
      const c = await atCityRights();
      const a = await run('city_mediator', 'recordAgreement', { caseId: c.id, terms: '经营者更换同型号新机。' });
      const u = await run('city_mediator', 'updateAgreementPerformance', {
        id: a.id,
        version: 1,
        performance: 'UNFULFILLED',
      });
      expect(u).toMatchObject({ performance: 'UNFULFILLED', supervisionId: null });
      expect((await as.city_op.ok<any>(SUPERVISIONS, { f: { caseId: c.id } })).supervisions.total).toBe(0);
    });
  });

  describe('feeding the result back to reception', () => {
    it('puts the note on the timeline and notifies the intake unit’s receptionists', async () => {
      const c = await atCityRights();
      const res = await run('city_mediator', 'feedBackResult', {
        caseId: c.id,
        content: '经现场调解，双方达成协议，经营者当场退款。',
      });
      expect(res).toMatchObject({ id: c.id, state: 'IN_PROGRESS' });
      const view = await caseOf('city_op', c.id);
      expect(view.timeline.at(-1)).toMatchObject({
        action: 'feedBackResult',
        actorName: '张调解',
        note: '经现场调解，双方达成协议，经营者当场退款。',
      });
      const notes = await api.ds.getRepository(NotificationEntity).findBy({ caseId: c.id, kind: 'RESULT_FEEDBACK' });
      expect(notes.map((n) => String(n.userId))).toContain(uid('city_op'));
      const blank = await fail('city_mediator', 'feedBackResult', { caseId: c.id, content: ' ' });
      expect(blank.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.content' });
    });
  });

  describe('work queue', () => {
    /** Every page of the actor's queue. */
    const wholeQueue = async (who: User, sort = 'TIME_LEFT'): Promise<QueueItem[]> => {
      const all: QueueItem[] = [];
      for (let offset = 0; ; offset += 100) {
        const page = (await as[who].ok<any>(QUEUE, { p: { offset, limit: 100 }, s: sort })).mediationWorkQueue;
        all.push(...page.items);
        if (all.length >= page.total || !page.items.length) return all;
      }
    };

    it('lists the workroom’s open cases with their earliest running deadline, sorted by time left', async () => {
      await at('2026-11-02T09:00:00');
      const early = await atCityRights();
      await at('2026-11-03T09:00:00');
      const later = await atCityRights();
      const paused = await atCityRights();
      await run('city_mediator', 'commissionTesting', testingInput(paused.id));
      await run('city_mediator', 'recordMediationSession', sessionInput(early.id));

      const queue = await wholeQueue('city_mediator');
      const pos = (id: string) => queue.findIndex((q) => q.case.id === id);
      expect(pos(early.id)).toBeGreaterThanOrEqual(0);
      expect(pos(early.id)).toBeLessThan(pos(later.id));
      expect(pos(paused.id)).toBeGreaterThanOrEqual(0);
      const dues = queue.map((q) => (q.dueAt ? Date.parse(q.dueAt) : Infinity));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));

      const e = queue[pos(early.id)];
      expect(e).toMatchObject({ suspended: false, sessionCount: 1, runningTestingCount: 0, openAgreementCount: 0 });
      expect(e.timeLeftMs).toBe(Date.parse(e.dueAt!) - api.clock.now().getTime());
      // suspended for testing: the conclusion clocks pause; the first contact was made at acceptance
      const p = queue[pos(paused.id)];
      expect(p).toMatchObject({ suspended: true, runningTestingCount: 1, dueAt: null });
      expect(await deadline(paused.id, 'FIRST_CONTACT')).toMatchObject({ status: 'MET' });
      // the 鼓楼区 station's and other centers' cases are not in the city workroom's queue
      const station = await atStation();
      expect((await wholeQueue('city_mediator')).some((q) => q.case.id === station.id)).toBe(false);
      expect((await wholeQueue('gl_station')).some((q) => q.case.id === station.id)).toBe(true);
      expect((await wholeQueue('city_mediator', 'RECEIVED')).map((q) => q.case.id)).toEqual(
        expect.arrayContaining([early.id, later.id, paused.id]),
      );

      // concluded cases leave the queue
      for (const c of [early, later, paused])
        await ops.city_mediator.run('concludeCase', { id: c.id }, { outcome: 'MEDIATION_FAILED' });
      const after = await wholeQueue('city_mediator');
      expect(after.some((q) => [early.id, later.id, paused.id].includes(q.case.id))).toBe(false);
    });
  });

  describe('data scope', () => {
    it('keeps another county’s workroom items out of reach: queue, lists, case fields and writes', async () => {
      const c = await atGlRights();
      const s = await run(
        'gl_mediator',
        'recordMediationSession',
        sessionInput(c.id, { staffIds: [uid('gl_mediator')], simple: true }),
      );
      const t = await run('gl_mediator', 'commissionTesting', testingInput(c.id));
      const a = await run('gl_mediator', 'recordAgreement', { caseId: c.id, terms: '退款 500 元' });

      // the county itself sees them
      expect((await lists('gl_county', c.id)).mediationSessions.map((x: { id: string }) => x.id)).toEqual([s.id]);
      const glQueue = (await as.gl_county.ok<any>(QUEUE, { p: { limit: 100 } })).mediationWorkQueue
        .items as QueueItem[];
      expect(glQueue.map((q) => q.case.id)).toContain(c.id);

      // another county does not, through any path
      const hxQueue = (await as.hx_county.ok<any>(QUEUE, { p: { limit: 100 } })).mediationWorkQueue
        .items as QueueItem[];
      expect(hxQueue.map((q) => q.case.id)).not.toContain(c.id);
      for (const q of ['mediationSessions', 'investigations', 'testingCommissions', 'mediationAgreements']) {
        const e = await as.hx_county.error(`query($id: ID!) { ${q}(caseId: $id) { id } }`, { id: c.id });
        expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      }
      expect((await as.hx_county.error(CASE_WITH_RECORDS, { id: c.id })).extensions?.code).toBe('NOT_FOUND');
      const writes: [MutationName, Record<string, unknown>][] = [
        ['updateMediationSession', { id: s.id, version: 1, record: '篡改' }],
        ['recordTestingResult', { id: t.id, version: 1, result: '篡改', costBorneBy: 'CENTER' }],
        ['updateAgreementPerformance', { id: a.id, version: 1, performance: 'FULFILLED' }],
      ];
      const v = await run('gl_mediator', 'recordInvestigation', {
        caseId: c.id,
        investigatedAt: ago(1),
        place: '门店',
        staffIds: [uid('gl_mediator')],
        findings: '属实',
      });
      writes.push(['updateInvestigation', { id: v.id, version: 1, findings: '篡改' }]);
      for (const [name, input] of writes) {
        expect((await fail('hx_county', name, input)).extensions).toMatchObject({
          code: 'NOT_FOUND',
          field: 'input.id',
        });
      }
      const onCase: [MutationName, Record<string, unknown>][] = [
        [
          'recordInvestigation',
          { caseId: c.id, investigatedAt: ago(1), place: '门店', staffIds: [uid('hx_county')], findings: '越权' },
        ],
        ['commissionTesting', testingInput(c.id)],
        ['recordAgreement', { caseId: c.id, terms: '越权协议' }],
        ['feedBackResult', { caseId: c.id, content: '越权反馈' }],
      ];
      for (const [name, input] of onCase) {
        expect((await fail('hx_county', name, input)).extensions).toMatchObject({
          code: 'NOT_FOUND',
          field: 'input.caseId',
        });
      }
      const after = await lists('gl_county', c.id);
      expect([after.investigations.length, after.testingCommissions.length, after.mediationAgreements.length]).toEqual([
        1, 1, 1,
      ]);
      expect(after.investigations[0]).toMatchObject({ findings: '属实', version: 1 });
      expect((await fail('hx_county', 'recordMediationSession', sessionInput(c.id))).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.caseId',
      });
      expect((await fail('hx_county', 'recordMediationSession', sessionInput(c.id))).message).toBe(
        (await fail('hx_county', 'recordMediationSession', sessionInput('999999999'))).message,
      );
      expect((await caseOf('gl_county', c.id)).mediationSessions).toEqual([
        { id: s.id, result: 'ADJOURNED', staff: [{ name: '鼓楼区调解员' }] },
      ]);
    });
  });
});
