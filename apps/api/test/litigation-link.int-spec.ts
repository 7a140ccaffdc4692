import {
  AuditEventEntity,
  CaseDeadlineEntity,
  DeadlineEffects,
  DeadlineReconciler,
  DeadlineScheduler,
  ExternalAgencyEntity,
  jobId,
  OrgUnitEntity,
  SupervisionEntity,
  ViolationEntity,
} from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CaseView, complaint } from './case-ops';

// Instants in Asia/Shanghai written as UTC (+08:00).
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => sh(`${day}T23:59:59.999`);

const REFERRAL = `id caseId caseNo type status open matter courtCaseNo statusNote court { id name kind } unit { code } sentAt acceptedAt mediatedAt confirmedAt rejectedAt withdrawnAt version`;
const HANDLING = `id caseId caseNo mode status matter contactPerson contactPhone agreedDeadline overdue result unit { code } closedAt version
  department { id name kind } deadline { id status dueAt stoppedAt }`;
const EXPERT = `id name field organisation phone active unit { code } version`;
const SEMINAR = `id topic heldOn minutes hotIssueTags experts { id name } cases { id caseNo } unit { code } version`;
const MESSAGE = `id kind senderUnit { code } targetUnit { code } title content dueAt overdue acknowledged acknowledgedAt ackNote version`;
const QUEUE = `query($sort: LitigationLinkQueueSort, $p: PageInput) { litigationLinkWorkQueue(sort: $sort, page: $p) { total items { kind id caseId caseNo title status dueAt dueLabel timeLeftMs overdue since } } }`;
const TIMELINE = `query($id: ID!) { case(id: $id) { timeline { action note detail } } }`;

const mutation = (name: string, input: string, fields: string) =>
  `mutation($input: ${input}!) { ${name}(input: $input) { ${fields} } }`;
const M = {
  refer: mutation('referCaseToCourt', 'ReferCaseToCourtInput', REFERRAL),
  updateReferral: mutation('updateCourtReferral', 'UpdateCourtReferralInput', REFERRAL),
  startHandling: mutation('startDepartmentHandling', 'StartDepartmentHandlingInput', HANDLING),
  updateHandling: mutation('updateDepartmentHandling', 'UpdateDepartmentHandlingInput', HANDLING),
  completeHandling: mutation('completeDepartmentHandling', 'CloseDepartmentHandlingInput', HANDLING),
  cancelHandling: mutation('cancelDepartmentHandling', 'CloseDepartmentHandlingInput', HANDLING),
  createExpert: mutation('createExpert', 'CreateExpertInput', EXPERT),
  updateExpert: mutation('updateExpert', 'UpdateExpertInput', EXPERT),
  createSeminar: mutation('createExpertSeminar', 'CreateExpertSeminarInput', SEMINAR),
  updateSeminar: mutation('updateExpertSeminar', 'UpdateExpertSeminarInput', SEMINAR),
  send: mutation('sendLinkageMessage', 'SendLinkageMessageInput', MESSAGE),
  ack: mutation('acknowledgeLinkageMessage', 'AcknowledgeLinkageMessageInput', MESSAGE),
};
const Q = {
  referrals: `query($f: CourtReferralFilter, $p: PageInput) { courtReferrals(filter: $f, page: $p) { total items { ${REFERRAL} } } }`,
  referral: `query($id: ID!) { courtReferral(id: $id) { ${REFERRAL} } }`,
  handlings: `query($f: DepartmentHandlingFilter, $p: PageInput) { departmentHandlings(filter: $f, page: $p) { total items { ${HANDLING} } } }`,
  handling: `query($id: ID!) { departmentHandling(id: $id) { ${HANDLING} } }`,
  experts: `query($f: ExpertFilter, $p: PageInput) { experts(filter: $f, page: $p) { total items { ${EXPERT} } } }`,
  expert: `query($id: ID!) { expert(id: $id) { ${EXPERT} } }`,
  seminars: `query($f: ExpertSeminarFilter, $p: PageInput) { expertSeminars(filter: $f, page: $p) { total items { ${SEMINAR} } } }`,
  seminar: `query($id: ID!) { expertSeminar(id: $id) { ${SEMINAR} } }`,
  inbox: `query($f: LinkageMessageFilter, $p: PageInput) { linkageInbox(filter: $f, page: $p) { total items { ${MESSAGE} } } }`,
  outbox: `query($f: LinkageMessageFilter, $p: PageInput) { linkageOutbox(filter: $f, page: $p) { total items { ${MESSAGE} } } }`,
  message: `query($id: ID!) { linkageMessage(id: $id) { ${MESSAGE} } }`,
};

type Item = Record<string, any> & { id: string; version: number };
interface WorkItem {
  kind: string;
  id: string;
  caseId: string | null;
  title: string;
  dueAt: string | null;
  timeLeftMs: number | null;
  overdue: boolean;
}

describe('诉调对接 (litigation–mediation link) workroom over GraphQL', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  let agencies: ExternalAgencyEntity[];
  const as: Record<string, GqlClient> = {};
  const ops: Record<string, CaseOps> = {};

  beforeAll(async () => {
    api = await startTestApi();
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    agencies = await api.ds.getRepository(ExternalAgencyEntity).find({ where: { active: true } });
    await at('2026-12-01T09:00:00'); // Tuesday
  });
  afterAll(() => api?.close());

  /** Moves the fake clock and signs everyone in again (tokens expire by the same clock). */
  const at = async (local: string) => {
    api.clock.set(sh(local));
    for (const name of ['city_op', 'city_coord', 'gl_county', 'gl_station', 'hx_county', 'hx_director']) {
      as[name] = (await loginAs(api.gql, name)).client;
      ops[name] = new CaseOps(as[name]);
    }
  };

  const uid = (code: string) => String(units.get(code)!.id);
  const agency = (kind: string) => String(agencies.find((a) => a.kind === kind)!.id);
  const ok = async (client: GqlClient, doc: string, vars: Record<string, unknown>): Promise<Item> =>
    Object.values(await client.ok<Record<string, Item>>(doc, vars))[0];
  const fail = async (client: GqlClient, doc: string, vars: Record<string, unknown>) => {
    const e = await client.error(doc, vars);
    return { code: e.extensions?.code, field: e.extensions?.field, message: e.message };
  };
  const page = async (
    client: GqlClient,
    doc: string,
    vars: Record<string, unknown> = {},
  ): Promise<{ total: number; items: Item[] }> =>
    Object.values(
      await client.ok<Record<string, { total: number; items: Item[] }>>(doc, { p: { limit: 100 }, ...vars }),
    )[0];
  const timeline = async (caseId: string) =>
    (
      await as.city_coord.ok<{ case: { timeline: { action: string; note: string | null; detail: string | null }[] } }>(
        TIMELINE,
        { id: caseId },
      )
    ).case.timeline;
  const deadline = (id: string) => api.ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ id });
  const audit = async (type: string, id: string) =>
    (
      await api.ds
        .getRepository(AuditEventEntity)
        .find({ where: { targetType: type, targetId: id }, order: { id: 'ASC' } })
    ).map((a) => a.action);

  /** A complaint registered by the city, dispatched to 鼓东街道站点 (GL-T1) and received there: IN_PROGRESS in GL. */
  const glCase = async (): Promise<CaseView> => {
    let c = await ops.city_op.register(complaint());
    c = await ops.city_op.run('acceptCase', c);
    c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    return ops.gl_station.run('receiveCase', c);
  };

  describe('court referrals (移送法院)', () => {
    it('refers a case, moves its status with timestamps and versions, and records every step on the case timeline', async () => {
      const c = await glCase();
      const r = await ok(as.city_coord, M.refer, {
        input: {
          caseId: c.id,
          type: 'PRE_SUIT_MEDIATION',
          courtId: agency('COURT'),
          matter: '消费者同意诉前调解，移送鼓楼区人民法院',
        },
      });
      expect(r).toMatchObject({
        caseId: c.id,
        caseNo: c.caseNo,
        type: 'PRE_SUIT_MEDIATION',
        status: 'SENT',
        open: true,
        version: 1,
        acceptedAt: null,
        unit: { code: 'CITY' },
      });
      expect(r.court.kind).toBe('COURT');
      expect(new Date(r.sentAt)).toEqual(api.clock.now());

      // the same type cannot be sent twice while open
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '重复移送' },
        }),
      ).toMatchObject({ code: 'REFERRAL_ALREADY_OPEN' });
      // 司法确认 needs an agreement first
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'JUDICIAL_CONFIRMATION', courtId: agency('COURT'), matter: '申请司法确认' },
        }),
      ).toMatchObject({ code: 'NO_MEDIATION_AGREEMENT' });

      await at('2026-12-01T10:00:00');
      const accepted = await ok(as.city_coord, M.updateReferral, {
        input: { id: r.id, version: 1, status: 'ACCEPTED', courtCaseNo: '(2026)闽0102民诉前调1234号' },
      });
      expect(accepted).toMatchObject({ status: 'ACCEPTED', version: 2, courtCaseNo: '(2026)闽0102民诉前调1234号' });
      expect(new Date(accepted.acceptedAt)).toEqual(api.clock.now());
      expect(
        await fail(as.city_coord, M.updateReferral, { input: { id: r.id, version: 1, status: 'MEDIATED' } }),
      ).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
      expect(
        await fail(as.city_coord, M.updateReferral, { input: { id: r.id, version: 2, status: 'CONFIRMED' } }),
      ).toMatchObject({ code: 'REFERRAL_STATUS_INVALID', field: 'input.status' });
      // the station sees the case but did not refer it
      expect(
        await fail(as.gl_station, M.updateReferral, { input: { id: r.id, version: 2, status: 'MEDIATED' } }),
      ).toMatchObject({ code: 'LITIGATION_LINK_NOT_HANDLING_UNIT' });
      const mediated = await ok(as.city_coord, M.updateReferral, {
        input: { id: r.id, version: 2, status: 'MEDIATED', note: '法院诉前调解成功，商家退款' },
      });
      expect(mediated).toMatchObject({
        status: 'MEDIATED',
        open: false,
        version: 3,
        statusNote: '法院诉前调解成功，商家退款',
      });
      expect(mediated.mediatedAt).toEqual(expect.any(String));
      expect(
        await fail(as.city_coord, M.updateReferral, { input: { id: r.id, version: 3, status: 'WITHDRAWN' } }),
      ).toMatchObject({ code: 'REFERRAL_STATUS_INVALID' });

      // now a judicial confirmation of the court-mediated agreement may follow
      const jc = await ok(as.city_coord, M.refer, {
        input: {
          caseId: c.id,
          type: 'JUDICIAL_CONFIRMATION',
          courtId: agency('COURT'),
          matter: '申请对调解协议进行司法确认',
        },
      });
      expect(jc).toMatchObject({ type: 'JUDICIAL_CONFIRMATION', status: 'SENT' });

      const listed = await page(as.city_coord, Q.referrals, { f: { caseId: c.id } });
      expect(listed.total).toBe(2);
      expect(listed.items.map((i) => i.id).sort()).toEqual([r.id, jc.id].sort());
      expect(
        (await page(as.gl_county, Q.referrals, { f: { caseId: c.id, statuses: ['SENT', 'ACCEPTED'] } })).items.map(
          (i) => i.id,
        ),
      ).toEqual([jc.id]);
      expect((await ok(as.gl_station, Q.referral, { id: r.id })).status).toBe('MEDIATED');

      const actions = (await timeline(c.id)).map((e) => e.action);
      expect(actions.filter((a) => a === 'referCaseToCourt')).toHaveLength(2);
      expect(actions.filter((a) => a === 'updateCourtReferral')).toHaveLength(2);
      const update = (await timeline(c.id)).find(
        (e) => e.action === 'updateCourtReferral' && e.detail?.includes('"to":"MEDIATED"'),
      );
      expect(JSON.parse(update!.detail!)).toMatchObject({ referralId: r.id, from: 'ACCEPTED', to: 'MEDIATED' });
    });

    it('refuses a staff member who declared 回避, and lets exactly one of two simultaneous updates of a version win', async () => {
      const c = await glCase();
      const r = await ok(as.city_coord, M.refer, {
        input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '移送诉前调解' },
      });
      const both = await Promise.all(
        [{ status: 'ACCEPTED' }, { status: 'WITHDRAWN' }].map((x) =>
          as.city_coord.request(M.updateReferral, { input: { id: r.id, version: 1, ...x } }),
        ),
      );
      const won = both.filter((x) => !x.errors);
      expect(won).toHaveLength(1);
      expect(both.filter((x) => x.errors).map((x) => x.errors![0].extensions)).toEqual([
        { code: 'CONFLICT', field: 'input.version' },
      ]);
      const stored = await ok(as.city_coord, Q.referral, { id: r.id });
      expect(stored).toMatchObject({ version: 2, status: won[0].data!.updateCourtReferral.status });

      await ops.gl_county.run('declareRecusal', c, { reason: '系消费者近亲属' });
      const refused = await fail(as.gl_county, M.startHandling, {
        input: {
          caseId: c.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'JOINT',
          agreedDeadline: '2026-12-30',
          matter: '联办',
        },
      });
      expect(refused).toMatchObject({ code: 'ACTOR_RECUSED', field: 'input.caseId' });
      expect((await page(as.gl_county, Q.handlings, { f: { caseId: c.id } })).total).toBe(0);
    });

    it('validates the input: a court must be a court, a report cannot go to court, the matter is required', async () => {
      const c = await glCase();
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('DEPARTMENT'), matter: '移送' },
        }),
      ).toMatchObject({ code: 'AGENCY_KIND_MISMATCH', field: 'input.courtId' });
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '   ' },
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.matter' });
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'SUIT', courtId: agency('COURT'), matter: '移送' },
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: '999999', matter: '移送' },
        }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.courtId' });
      const registered = await ops.city_op.register(complaint());
      expect(
        await fail(as.city_coord, M.refer, {
          input: { caseId: registered.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '移送' },
        }),
      ).toMatchObject({ code: 'CASE_NOT_REFERABLE' });
    });
  });

  describe('joint handling and transfer with a department (联办、移交)', () => {
    it('starts an agreed-deadline clock in the deadline engine, moves it when re-agreed and stops it on completion', async () => {
      await at('2026-12-01T10:00:00');
      const c = await glCase();
      expect(
        await fail(as.city_coord, M.startHandling, {
          input: {
            caseId: c.id,
            departmentId: agency('DEPARTMENT'),
            mode: 'JOINT',
            agreedDeadline: '2026-12-01',
            matter: '联合调查',
          },
        }),
      ).toMatchObject({
        code: 'AGREED_DEADLINE_NOT_FUTURE',
        field: 'input.agreedDeadline',
      });
      expect(
        await fail(as.city_coord, M.startHandling, {
          input: {
            caseId: c.id,
            departmentId: agency('DEPARTMENT'),
            mode: 'JOINT',
            agreedDeadline: '2026-02-30',
            matter: '联合调查',
          },
        }),
      ).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.agreedDeadline',
      });
      expect(
        await fail(as.city_coord, M.startHandling, {
          input: {
            caseId: c.id,
            departmentId: agency('COURT'),
            mode: 'JOINT',
            agreedDeadline: '2026-12-11',
            matter: '联合调查',
          },
        }),
      ).toMatchObject({ code: 'AGENCY_KIND_MISMATCH' });

      const h = await ok(as.city_coord, M.startHandling, {
        input: {
          caseId: c.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'JOINT',
          agreedDeadline: '2026-12-11',
          matter: '景区门票退费，会同文旅部门联合调查',
          contactPerson: '李科长',
          contactPhone: '0591-87654321',
        },
      });
      expect(h).toMatchObject({
        caseId: c.id,
        mode: 'JOINT',
        status: 'IN_PROGRESS',
        agreedDeadline: '2026-12-11',
        overdue: false,
        version: 1,
        unit: { code: 'CITY' },
      });
      expect(h.deadline).toMatchObject({ status: 'RUNNING', stoppedAt: null });
      expect(new Date(h.deadline.dueAt)).toEqual(endOf('2026-12-11'));

      // the clock is a case_deadline row of its own, with the agreed due, owned by the unit holding the case
      const row = await deadline(h.deadline.id);
      expect(row).toMatchObject({
        caseId: c.id,
        ruleCode: 'DEPARTMENT_AGREED',
        layer: 'COMMITMENT',
        ruleSetCode: 'COMMITMENT',
        status: 'RUNNING',
        unit: 'CALENDAR_DAYS',
        amount: 10,
        responsibleUnitId: Number(uid('GL-T1')),
        roundKey: `dh${h.id}`,
      });
      expect(row.dueAt).toEqual(endOf('2026-12-11'));
      expect(row.ruleId).toEqual(expect.any(Number));
      // its alarm is the engine's: days away, so queued by the reconciler once it rings within a day
      const scheduler = api.app.get(DeadlineScheduler);
      // (one alarm per live deadline: its next one — see libs/core/src/deadline/deadline-alarms.ts)
      const [next] = await scheduler.nextAlarms([row], new Map());
      expect(await scheduler.queue.getJob(jobId(next!.job))).toBeUndefined();
      await api.app.get(DeadlineReconciler).run({ horizonMs: Infinity }); // (a pass with no horizon queues it now)
      expect(await scheduler.queue.getJob(jobId(next!.job))).toBeTruthy();
      expect(
        await fail(as.city_coord, M.startHandling, {
          input: {
            caseId: c.id,
            departmentId: agency('DEPARTMENT'),
            mode: 'TRANSFER',
            agreedDeadline: '2026-12-20',
            matter: '再次移交',
          },
        }),
      ).toMatchObject({ code: 'DEPARTMENT_HANDLING_EXISTS' });

      // re-agreed: the running clock moves (a new version, new alarms)
      const moved = await ok(as.city_coord, M.updateHandling, {
        input: { id: h.id, version: 1, agreedDeadline: '2026-12-15', contactPerson: '王科长', reason: '部门申请延长' },
      });
      expect(moved).toMatchObject({ agreedDeadline: '2026-12-15', contactPerson: '王科长', version: 2 });
      const movedRow = await deadline(h.deadline.id);
      expect(movedRow).toMatchObject({ status: 'RUNNING', amount: 14, version: 2 });
      expect(movedRow.dueAt).toEqual(endOf('2026-12-15'));
      expect(
        await fail(as.city_coord, M.updateHandling, { input: { id: h.id, version: 1, matter: '过期版本' } }),
      ).toMatchObject({ code: 'CONFLICT' });
      expect(
        await fail(as.city_coord, M.updateHandling, { input: { id: h.id, version: 2, contactPhone: '12' } }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contactPhone' });

      const listed = await page(as.gl_county, Q.handlings, { f: { caseId: c.id } });
      expect(listed.items.map((i) => i.id)).toEqual([h.id]);

      await at('2026-12-10T15:00:00');
      const done = await ok(as.city_coord, M.completeHandling, {
        input: { id: h.id, version: 2, result: '文旅部门已责令景区退费' },
      });
      expect(done).toMatchObject({ status: 'COMPLETED', result: '文旅部门已责令景区退费', version: 3 });
      expect(done.deadline).toMatchObject({ status: 'MET' });
      const stopped = await deadline(h.deadline.id);
      expect(stopped.status).toBe('MET');
      expect(stopped.stoppedAt).toEqual(sh('2026-12-10T15:00:00'));
      expect(
        await fail(as.city_coord, M.updateHandling, { input: { id: h.id, version: 3, matter: '办结后修改' } }),
      ).toMatchObject({ code: 'DEPARTMENT_HANDLING_CLOSED' });

      const actions = (await timeline(c.id)).map((e) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['startDepartmentHandling', 'updateDepartmentHandling', 'completeDepartmentHandling']),
      );
      const started = (await timeline(c.id)).find((e) => e.action === 'startDepartmentHandling')!;
      expect(JSON.parse(started.detail!)).toMatchObject({
        handlingId: h.id,
        agreedDeadline: '2026-12-11',
        deadlineId: h.deadline.id,
      });
    });

    it('is enforced like any clock when the agreed date passes, is stopped by the case being concluded, and cancelling cancels it', async () => {
      await at('2026-12-01T10:00:00');
      const c = await glCase();
      const h = await ok(as.city_coord, M.startHandling, {
        input: {
          caseId: c.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'TRANSFER',
          agreedDeadline: '2026-12-03',
          matter: '移交交通运输部门处理',
        },
      });
      await at('2026-12-04T00:00:01');
      const effects = api.app.get(DeadlineEffects);
      const row = await deadline(h.deadline.id);
      expect(await effects.fire({ deadlineId: row.id, version: row.version, kind: 'due' })).toBe('applied');
      expect((await deadline(row.id)).status).toBe('BREACHED');
      expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: `deadline-${row.id}` })).toBe(1);
      expect(
        await api.ds.getRepository(ViolationEntity).countBy({ deadlineId: row.id, ruleCode: 'DEPARTMENT_AGREED' }),
      ).toBe(1);
      expect((await ok(as.city_coord, Q.handling, { id: h.id })).overdue).toBe(true);
      // a breached clock cannot be re-agreed; completing records when it stopped
      expect(
        await fail(as.city_coord, M.updateHandling, { input: { id: h.id, version: 1, agreedDeadline: '2026-12-20' } }),
      ).toMatchObject({ code: 'DEPARTMENT_DEADLINE_NOT_RUNNING' });
      const late = await ok(as.city_coord, M.completeHandling, { input: { id: h.id, version: 1, result: '已移交' } });
      expect(late.deadline).toMatchObject({ status: 'BREACHED', stoppedAt: expect.any(String) });

      // concluding the case stops a running agreed clock through the engine (the rule's stop events)
      await at('2026-12-05T10:00:00');
      let c2 = await glCase();
      const h2 = await ok(as.city_coord, M.startHandling, {
        input: {
          caseId: c2.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'JOINT',
          agreedDeadline: '2026-12-20',
          matter: '联合检查',
        },
      });
      c2 = await ops.gl_station.run('concludeCase', c2, {
        outcome: 'MEDIATED',
        agreementText: '商家同意退款',
        amountRecovered: 100,
      });
      expect((await deadline(h2.deadline.id)).status).toBe('MET');

      const c3 = await glCase();
      const h3 = await ok(as.city_coord, M.startHandling, {
        input: {
          caseId: c3.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'TRANSFER',
          agreedDeadline: '2026-12-20',
          matter: '移交',
        },
      });
      const cancelled = await ok(as.city_coord, M.cancelHandling, {
        input: { id: h3.id, version: 1, result: '部门不予接收' },
      });
      expect(cancelled).toMatchObject({ status: 'CANCELLED' });
      expect((await deadline(h3.deadline.id)).status).toBe('CANCELLED');
      expect((await timeline(c3.id)).map((e) => e.action)).toContain('cancelDepartmentHandling');
    });
  });

  describe('expert roster and seminars (专家库、专家研讨会)', () => {
    it('keeps a center’s roster and seminars, links hot issues and cases, and writes the case timeline', async () => {
      const e1 = await ok(as.gl_county, M.createExpert, {
        input: { name: '陈教授', field: '家用电器', organisation: '福州大学', phone: '13800138000' },
      });
      expect(e1).toMatchObject({ name: '陈教授', field: '家用电器', active: true, version: 1, unit: { code: 'GL' } });
      const e2 = await ok(as.gl_county, M.createExpert, { input: { name: '吴律师', field: '法律' } });
      expect(await fail(as.gl_county, M.createExpert, { input: { name: '', field: '法律' } })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.name',
      });
      const e1b = await ok(as.gl_county, M.updateExpert, {
        input: { id: e1.id, version: 1, organisation: '福州大学机电学院' },
      });
      expect(e1b).toMatchObject({ organisation: '福州大学机电学院', version: 2 });
      expect(await fail(as.gl_county, M.updateExpert, { input: { id: e1.id, version: 1, name: '陈' } })).toMatchObject({
        code: 'CONFLICT',
      });
      expect((await page(as.gl_county, Q.experts, { f: { keyword: '机电' } })).items.map((e) => e.id)).toContain(e1.id);

      const c = await glCase();
      const s = await ok(as.gl_county, M.createSeminar, {
        input: {
          topic: '空调质量纠纷集中投诉会商',
          heldOn: '2026-11-28',
          expertIds: [e1.id, e2.id],
          hotIssueTags: ['空调不制冷', ' 退换货 '],
          caseIds: [c.id],
        },
      });
      expect(s).toMatchObject({
        topic: '空调质量纠纷集中投诉会商',
        heldOn: '2026-11-28',
        minutes: null,
        hotIssueTags: ['空调不制冷', '退换货'],
        version: 1,
        unit: { code: 'GL' },
      });
      expect(s.experts.map((e: Item) => e.id)).toEqual([e1.id, e2.id]);
      expect(s.cases).toEqual([{ id: c.id, caseNo: c.caseNo }]);
      const updated = await ok(as.gl_county, M.updateSeminar, {
        input: { id: s.id, version: 1, minutes: '一、与会专家认为……二、建议……', expertIds: [e1.id] },
      });
      expect(updated).toMatchObject({ minutes: '一、与会专家认为……二、建议……', version: 2 });
      expect(updated.experts.map((e: Item) => e.id)).toEqual([e1.id]);
      expect((await page(as.gl_county, Q.seminars, { f: { tag: '退换货' } })).items.map((i) => i.id)).toContain(s.id);
      expect((await page(as.gl_county, Q.seminars, { f: { caseId: c.id } })).items.map((i) => i.id)).toEqual([s.id]);
      expect((await page(as.city_coord, Q.seminars, { f: { expertId: e2.id } })).items.map((i) => i.id)).toEqual([]);
      expect(
        await fail(as.gl_county, M.createSeminar, {
          input: { topic: '研讨', heldOn: '2026-13-01', expertIds: [], hotIssueTags: [], caseIds: [] },
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });

      const actions = (await timeline(c.id)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['createExpertSeminar', 'updateExpertSeminar']));
      // who did what, for what has no case timeline of its own
      expect(await audit('expert', e1.id)).toEqual(['createExpert', 'updateExpert']);
      expect(await audit('expert_seminar', s.id)).toEqual(['createExpertSeminar', 'updateExpertSeminar']);

      // the city (all data) sees the county's roster; a workroom of the center too
      expect((await ok(as.city_coord, Q.expert, { id: e1.id })).name).toBe('陈教授');
    });
  });

  describe('linkage with county centers and stations (联动)', () => {
    it('sends instructions down and reports up, each acknowledged once by the receiving unit', async () => {
      const down = await ok(as.city_coord, M.send, {
        input: {
          kind: 'INSTRUCTION',
          targetUnitId: uid('GL'),
          title: '关于开展节前消费维权联动检查的通知',
          content: '请各县区中心于本周内完成检查并上报。',
          dueAt: sh('2026-12-20T18:00:00').toISOString(),
        },
      });
      expect(down).toMatchObject({
        kind: 'INSTRUCTION',
        senderUnit: { code: 'CITY' },
        targetUnit: { code: 'GL' },
        acknowledged: false,
        version: 1,
      });
      expect(
        await fail(as.gl_county, M.send, {
          input: { kind: 'INSTRUCTION', targetUnitId: uid('HX'), title: '越级', content: '内容' },
        }),
      ).toMatchObject({ code: 'LINKAGE_TARGET_NOT_SUBORDINATE', field: 'input.targetUnitId' });
      expect(
        await fail(as.gl_county, M.send, {
          input: { kind: 'REPORT', targetUnitId: uid('GL-T1'), title: '上报', content: '内容' },
        }),
      ).toMatchObject({ code: 'LINKAGE_TARGET_NOT_SUPERIOR' });
      expect(
        await fail(as.gl_county, M.send, {
          input: { kind: 'INSTRUCTION', targetUnitId: uid('GL-RIGHTS'), title: '指示', content: '内容' },
        }),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        await fail(as.gl_county, M.send, {
          input: { kind: 'INSTRUCTION', targetUnitId: uid('GL-T1'), title: '', content: '内容' },
        }),
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });

      expect((await page(as.gl_county, Q.inbox, { f: { acknowledged: false } })).items.map((i) => i.id)).toContain(
        down.id,
      );
      // the sender may not acknowledge for the receiver
      expect(await fail(as.city_coord, M.ack, { input: { id: down.id } })).toMatchObject({
        code: 'LINKAGE_NOT_RECIPIENT',
        field: 'input.id',
      });
      // a station below the receiver sees nothing of it
      expect(await fail(as.gl_station, M.ack, { input: { id: down.id } })).toMatchObject({ code: 'NOT_FOUND' });
      const acked = await ok(as.gl_county, M.ack, { input: { id: down.id, note: '已收到，立即部署' } });
      expect(acked).toMatchObject({ acknowledged: true, ackNote: '已收到，立即部署', version: 2 });
      const twice = await fail(as.gl_county, M.ack, { input: { id: down.id } });
      expect(twice).toMatchObject({ code: 'LINKAGE_ALREADY_ACKNOWLEDGED', field: 'input.id' });
      expect(twice.message).toMatch(/已于 .* 签收，不能重复签收/);
      const outbox = await page(as.city_coord, Q.outbox, {});
      expect(outbox.items.find((i) => i.id === down.id)).toMatchObject({ acknowledged: true });

      expect(await audit('linkage_message', down.id)).toEqual(['sendLinkageMessage', 'acknowledgeLinkageMessage']);

      const up = await ok(as.gl_station, M.send, {
        input: { kind: 'REPORT', targetUnitId: uid('GL'), title: '鼓东街道检查情况', content: '共检查商户 12 家。' },
      });
      expect(up).toMatchObject({ kind: 'REPORT', senderUnit: { code: 'GL-T1' }, targetUnit: { code: 'GL' } });
      expect((await page(as.gl_county, Q.inbox, {})).items.map((i) => i.id)).toContain(up.id);
      expect((await page(as.gl_station, Q.outbox, {})).items.map((i) => i.id)).toContain(up.id);
      expect((await ok(as.gl_county, M.ack, { input: { id: up.id } })).acknowledged).toBe(true);
    });
  });

  describe('work queue and data scope', () => {
    it('lists the open items of the user’s unit and workroom with their deadlines, sorted by time left', async () => {
      await at('2026-12-01T11:00:00');
      const c = await glCase();
      const referral = await ok(as.city_coord, M.refer, {
        input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '移送诉前调解' },
      });
      const handling = await ok(as.city_coord, M.startHandling, {
        input: {
          caseId: c.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'JOINT',
          agreedDeadline: '2026-12-04',
          matter: '联合调查',
        },
      });
      const report = await ok(as.gl_county, M.send, {
        input: {
          kind: 'REPORT',
          targetUnitId: uid('CITY'),
          title: '鼓楼区月度联动情况',
          content: '本月……',
          dueAt: sh('2026-12-02T18:00:00').toISOString(),
        },
      });

      const { litigationLinkWorkQueue: q } = await as.city_coord.ok<{
        litigationLinkWorkQueue: { total: number; items: WorkItem[] };
      }>(QUEUE, { p: { limit: 100 } });
      const mine = (kind: string, id: string) => q.items.find((i) => i.kind === kind && i.id === id);
      expect(mine('COURT_REFERRAL', referral.id)).toMatchObject({
        caseId: c.id,
        title: expect.stringContaining('诉前调解'),
      });
      expect(mine('DEPARTMENT_HANDLING', handling.id)).toMatchObject({
        caseId: c.id,
        dueAt: endOf('2026-12-04').toISOString(),
        overdue: false,
      });
      expect(mine('DEPARTMENT_HANDLING', handling.id)!.timeLeftMs).toBe(
        endOf('2026-12-04').getTime() - api.clock.now().getTime(),
      );
      expect(mine('LINKAGE_MESSAGE', report.id)).toMatchObject({
        caseId: null,
        dueAt: sh('2026-12-02T18:00:00').toISOString(),
      });
      expect(q.total).toBeGreaterThanOrEqual(3);
      // sorted by time left: earliest due first, items without a deadline last
      const dues = q.items.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Infinity));
      expect(dues).toEqual([...dues].sort((a, b) => a - b));
      const newest = (
        await as.city_coord.ok<{ litigationLinkWorkQueue: { items: (WorkItem & { since: string })[] } }>(QUEUE, {
          sort: 'NEWEST',
          p: { limit: 100 },
        })
      ).litigationLinkWorkQueue.items;
      const since = newest.map((i) => Date.parse(i.since));
      expect(since).toEqual([...since].sort((a, b) => b - a));

      // the county's queue has what waits for the county, not the city's items
      const glQueue = (
        await as.gl_county.ok<{ litigationLinkWorkQueue: { items: WorkItem[] } }>(QUEUE, { p: { limit: 100 } })
      ).litigationLinkWorkQueue.items;
      expect(glQueue.find((i) => i.id === handling.id && i.kind === 'DEPARTMENT_HANDLING')).toBeUndefined();
      expect(glQueue.find((i) => i.id === report.id && i.kind === 'LINKAGE_MESSAGE')).toBeUndefined();

      // acknowledging and completing take them off the queue
      await ok(as.city_coord, M.ack, { input: { id: report.id } });
      await ok(as.city_coord, M.completeHandling, { input: { id: handling.id, version: 1, result: '已办结' } });
      const after = (
        await as.city_coord.ok<{ litigationLinkWorkQueue: { items: WorkItem[] } }>(QUEUE, { p: { limit: 100 } })
      ).litigationLinkWorkQueue.items;
      expect(after.find((i) => i.id === report.id && i.kind === 'LINKAGE_MESSAGE')).toBeUndefined();
      expect(after.find((i) => i.id === handling.id && i.kind === 'DEPARTMENT_HANDLING')).toBeUndefined();
      expect(after.find((i) => i.id === referral.id && i.kind === 'COURT_REFERRAL')).toBeDefined();
    });

    it('never shows a county’s workroom items to another county, through lists, ids, filters or writes', async () => {
      await at('2026-12-01T12:00:00');
      const c = await glCase();
      const referral = await ok(as.city_coord, M.refer, {
        input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '移送' },
      });
      const handling = await ok(as.gl_county, M.startHandling, {
        input: {
          caseId: c.id,
          departmentId: agency('DEPARTMENT'),
          mode: 'JOINT',
          agreedDeadline: '2026-12-09',
          matter: '联办',
        },
      });
      expect(handling.unit.code).toBe('GL');
      const expert = await ok(as.gl_county, M.createExpert, { input: { name: '郑工程师', field: '汽车' } });
      const seminar = await ok(as.gl_county, M.createSeminar, {
        input: {
          topic: '汽车维修纠纷研讨',
          heldOn: '2026-11-30',
          expertIds: [expert.id],
          hotIssueTags: ['汽车维修'],
          caseIds: [c.id],
        },
      });
      const message = await ok(as.city_coord, M.send, {
        input: { kind: 'INSTRUCTION', targetUnitId: uid('GL'), title: '鼓楼区专项指示', content: '内容' },
      });
      const glReport = await ok(as.gl_county, M.send, {
        input: { kind: 'REPORT', targetUnitId: uid('CITY'), title: '鼓楼区上报', content: '内容' },
      });

      for (const who of ['hx_county', 'hx_director']) {
        const hx = as[who];
        expect((await page(hx, Q.referrals)).items.map((i) => i.id)).not.toContain(referral.id);
        expect((await page(hx, Q.handlings)).items.map((i) => i.id)).not.toContain(handling.id);
        expect((await page(hx, Q.experts)).items.map((i) => i.id)).not.toContain(expert.id);
        expect((await page(hx, Q.seminars)).items.map((i) => i.id)).not.toContain(seminar.id);
        expect((await page(hx, Q.inbox)).items.map((i) => i.id)).not.toContain(message.id);
        expect((await page(hx, Q.outbox)).items.map((i) => i.id)).not.toContain(glReport.id);
        const queue = (await hx.ok<{ litigationLinkWorkQueue: { items: WorkItem[] } }>(QUEUE, { p: { limit: 100 } }))
          .litigationLinkWorkQueue.items;
        const keys = queue.map((i) => `${i.kind}:${i.id}`);
        for (const key of [
          `COURT_REFERRAL:${referral.id}`,
          `DEPARTMENT_HANDLING:${handling.id}`,
          `LINKAGE_MESSAGE:${message.id}`,
          `LINKAGE_MESSAGE:${glReport.id}`,
        ])
          expect(keys).not.toContain(key);

        for (const [doc, id] of [
          [Q.referral, referral.id],
          [Q.handling, handling.id],
          [Q.expert, expert.id],
          [Q.seminar, seminar.id],
          [Q.message, message.id],
        ] as const) {
          expect(await fail(hx, doc, { id })).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
        }
        expect(await fail(hx, Q.referrals, { f: { caseId: c.id } })).toMatchObject({
          code: 'NOT_FOUND',
          field: 'filter.caseId',
        });
      }
      const hx = as.hx_county;
      expect(
        await fail(hx, M.updateReferral, { input: { id: referral.id, version: 1, status: 'WITHDRAWN' } }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        await fail(hx, M.completeHandling, { input: { id: handling.id, version: 1, result: '越权' } }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        await fail(hx, M.cancelHandling, { input: { id: handling.id, version: 1, result: '越权' } }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        await fail(hx, M.updateHandling, { input: { id: handling.id, version: 1, agreedDeadline: '2026-12-30' } }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        await fail(hx, M.startHandling, {
          input: {
            caseId: c.id,
            departmentId: agency('DEPARTMENT'),
            mode: 'TRANSFER',
            agreedDeadline: '2026-12-30',
            matter: '越权移交',
          },
        }),
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.caseId',
      });
      expect(await fail(hx, M.updateExpert, { input: { id: expert.id, version: 1, name: '改名' } })).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.id',
      });
      expect(await fail(hx, M.updateSeminar, { input: { id: seminar.id, version: 1, minutes: '纪要' } })).toMatchObject(
        { code: 'NOT_FOUND', field: 'input.id' },
      );
      expect(await fail(hx, M.ack, { input: { id: message.id } })).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.id',
      });
      expect(
        await fail(hx, M.refer, {
          input: { caseId: c.id, type: 'PRE_SUIT_MEDIATION', courtId: agency('COURT'), matter: '越权移送' },
        }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseId' });
      expect(
        await fail(hx, M.createSeminar, {
          input: { topic: '研讨', heldOn: '2026-11-30', expertIds: [expert.id], hotIssueTags: [], caseIds: [] },
        }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.expertIds.0' });
      expect(
        await fail(hx, M.createSeminar, {
          input: { topic: '越权研讨', heldOn: '2026-11-30', expertIds: [], hotIssueTags: [], caseIds: [c.id] },
        }),
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseIds.0' });
      // nothing half-stored: no seminar row, the handling untouched, no entry on the case
      expect(
        Number((await api.ds.query("SELECT COUNT(*) AS n FROM expert_seminar WHERE topic = '越权研讨'"))[0].n),
      ).toBe(0);
      expect(await ok(as.gl_county, Q.handling, { id: handling.id })).toMatchObject({
        status: 'IN_PROGRESS',
        agreedDeadline: '2026-12-09',
        version: 1,
      });
      expect(
        (await timeline(c.id)).filter((e) => e.action.endsWith('DepartmentHandling')).map((e) => e.action),
      ).toEqual(['startDepartmentHandling']);

      // the case's own county sees them all
      expect((await page(as.gl_county, Q.referrals, { f: { caseId: c.id } })).items.map((i) => i.id)).toEqual([
        referral.id,
      ]);
      expect((await ok(as.gl_county, Q.seminar, { id: seminar.id })).cases).toEqual([{ id: c.id, caseNo: c.caseNo }]);
    });
  });
});
