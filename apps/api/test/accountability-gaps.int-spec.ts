import type { TestApi } from './test-api';
import { CaseView, complaint } from './case-ops';
import { caseFixture } from './case-fixture';

// Issue 11, audit gaps: handling units read their own workroom records afterwards; first-contact clocks stop
// at each real contact; the consumer's SMS say what they should; each clock's explanation gives the charge rule.
const sh = (local: string) => new Date(`${local}+08:00`);

const SESSIONS = `query($caseId: ID!) { mediationSessions(caseId: $caseId) { id record } }`;
const INVESTIGATIONS = `query($caseId: ID!) { investigations(caseId: $caseId) { id findings } }`;
const HANDLINGS = `query($f: DepartmentHandlingFilter) { departmentHandlings(filter: $f) { total items { id matter } } }`;
const RECORD_SESSION = `mutation($input: RecordMediationSessionInput!) { recordMediationSession(input: $input) { id } }`;
const UPDATE_SESSION = `mutation($input: UpdateMediationSessionInput!) { updateMediationSession(input: $input) { id } }`;
const RECORD_INVESTIGATION = `mutation($input: RecordInvestigationInput!) { recordInvestigation(input: $input) { id } }`;
const DEADLINES = `query($id: ID!) { case(id: $id) { deadlines { ruleCode explanation } } }`;

describe('Accountability of the case core: audit gaps', () => {
  const fx = caseFixture(['city_op', 'gl_county', 'gl_station', 'hx_county']);
  const { ops, ids, unit, uid, clocks, clock, immediateAtCity, receivedAtCounty, startJointHandling } = fx;
  let api: TestApi;
  beforeAll(() => (api = fx.api));

  const outbox = (caseId: string): Promise<{ content: string }[]> =>
    api.ds.query('SELECT content FROM sms_outbox WHERE case_id = ? ORDER BY id', [caseId]);
  const ago = (hours: number) => new Date(api.clock.now().getTime() - hours * 3600_000).toISOString();

  /** A complaint the city dispatched to the 鼓东街道 station, received there. */
  const atStation = async (): Promise<CaseView> => {
    let c = await ops.city_op.register(complaint());
    // city_op works in the city's 受理接待 workroom: it registers for its center (Actor.actsFor)
    expect(c.intakeUnitId).toBe(uid('CITY'));
    c = await ops.city_op.run('acceptCase', c);
    c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    return ops.gl_station.run('receiveCase', c);
  };

  describe('Handling units keep sight of their own workroom records', () => {
    it('lets the station list its mediation sessions and investigations after conclusion, read only; a third county sees nothing', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await atStation();
      const session = await ops.gl_station.gql.ok<{ recordMediationSession: { id: string } }>(RECORD_SESSION, {
        input: {
          caseId: c.id,
          mode: 'ON_SITE',
          heldAt: ago(1),
          place: '鼓东街道站点调解室',
          simple: true,
          staffIds: [ids.gl_station],
          partiesConsented: true,
          parties: [{ role: 'CONSUMER', name: '李四' }],
          record: '站点当面调解，商家同意退款。',
          result: 'AGREED',
        },
      });
      const inv = await ops.gl_station.gql.ok<{ recordInvestigation: { id: string } }>(RECORD_INVESTIGATION, {
        input: {
          caseId: c.id,
          investigatedAt: ago(2),
          place: '鼓楼区五四路 88 号',
          staffIds: [ids.gl_station],
          findings: '门店承认空调为翻新机。',
        },
      });
      c = await ops.gl_station.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '退款',
        amountRecovered: 10,
      });
      expect(c.ownerUnitId).toBe(uid('CITY'));

      for (const who of ['gl_station', 'gl_county']) {
        const s = await ops[who].gql.ok<{ mediationSessions: { id: string }[] }>(SESSIONS, { caseId: c.id });
        expect(s.mediationSessions.map((x) => x.id)).toEqual([session.recordMediationSession.id]);
        const v = await ops[who].gql.ok<{ investigations: { id: string }[] }>(INVESTIGATIONS, { caseId: c.id });
        expect(v.investigations.map((x) => x.id)).toEqual([inv.recordInvestigation.id]);
      }
      // read only: neither a new record nor an edit of its own record
      const write = await ops.gl_station.gql.error(RECORD_SESSION, {
        input: {
          caseId: c.id,
          mode: 'PHONE',
          heldAt: ago(0.5),
          simple: true,
          staffIds: [ids.gl_station],
          partiesConsented: true,
          parties: [{ role: 'CONSUMER', name: '李四' }],
          record: '再次调解',
          result: 'AGREED',
        },
      });
      expect(write.extensions?.code).toBe('NOT_FOUND');
      const edit = await ops.gl_station.gql.error(UPDATE_SESSION, {
        input: { id: session.recordMediationSession.id, version: 1, record: '事后改写' },
      });
      expect(edit.extensions?.code).toBe('NOT_FOUND');
      // a third county: NOT_FOUND, exactly like a case that does not exist
      for (const q of [SESSIONS, INVESTIGATIONS]) {
        const third = await ops.hx_county.gql.error(q, { caseId: c.id });
        expect(third.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'caseId' });
      }
    });

    it('lets the county list the department handlings it started after it returned the case (退回)', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await receivedAtCounty();
      const started = await startJointHandling(c.id);
      c = await ops.gl_county.run('returnCase', c, { reason: '不属本辖区管辖，退回市中心重新分流' });
      expect(c.ownerUnitId).toBe(uid('CITY'));
      const list = await ops.gl_county.gql.ok<{ departmentHandlings: { total: number; items: { id: string }[] } }>(
        HANDLINGS,
        { f: { caseId: c.id } },
      );
      expect(list.departmentHandlings.items.map((h) => h.id)).toEqual([started]);
      const third = await ops.hx_county.gql.error(HANDLINGS, { f: { caseId: c.id } });
      expect(third.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.caseId' });
    });
  });

  describe('First contact stops at the first real contact', () => {
    const stopped = async (caseId: string, code: string) => {
      const d = await clock(caseId, code);
      expect(d.status).not.toBe('RUNNING');
      expect(d.stoppedAt).toEqual(api.clock.now());
    };

    it('stops FIRST_CONTACT on a rejection (不予受理)', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const c = await ops.city_op.register(complaint());
      expect(await clock(c.id, 'FIRST_CONTACT')).toMatchObject({ status: 'RUNNING', stoppedAt: null });
      api.clock.set(sh('2026-11-16T11:00:00'));
      await ops.city_op.run('rejectCase', c, {
        ground: 'OUTSIDE_JURISDICTION',
        referralAuthority: '市交通运输局',
        referralPhone: '12328',
      });
      await stopped(c.id, 'FIRST_CONTACT');
    });

    it('stops FIRST_CONTACT on a contact log entry', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const c = await ops.city_op.register(complaint());
      api.clock.set(sh('2026-11-16T11:30:00'));
      await ops.city_op.run('recordContact', c, { method: 'PHONE', content: '电话联系消费者，核实诉求。' });
      await stopped(c.id, 'FIRST_CONTACT');
    });

    it('stops the first-contact clock of a consultation (回拨; FIRST_CONTACT is for disputes) when it is answered', async () => {
      api.clock.set(sh('2026-11-14T22:00:00'));
      const c = await ops.city_op.register(
        complaint({ kind: 'CONSULTATION', channel: 'VOICEMAIL', demand: null, summary: '咨询七日无理由退货的规定。' }),
      );
      expect(await clock(c.id, 'CALLBACK')).toMatchObject({ status: 'RUNNING', stoppedAt: null });
      expect(await clock(c.id, 'FIRST_CONTACT')).toBeUndefined();
      api.clock.set(sh('2026-11-15T09:00:00'));
      await ops.city_op.run('answerConsultation', c, { content: '依据《消费者权益保护法》第二十五条……' });
      await stopped(c.id, 'CALLBACK');
      expect((await clocks(c.id)).filter((d) => d.status === 'RUNNING')).toEqual([]);
    });

    it('leaves no clock of the case running after conclusion', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await atStation();
      const before = (await clocks(c.id)).filter((d) => d.status === 'RUNNING').map((d) => d.ruleCode);
      expect(before).toEqual(expect.arrayContaining(['COMPLAINT_CONCLUDE', 'STATION_CONCLUDE']));
      api.clock.set(sh('2026-11-17T10:00:00'));
      c = await ops.gl_station.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '退款',
        amountRecovered: 10,
      });
      const running = (await clocks(c.id)).filter((d) => d.status === 'RUNNING');
      expect(running.map((d) => d.ruleCode)).toEqual([]);
      for (const code of before) await stopped(c.id, code);
    });
  });

  describe('Consumers are told', () => {
    it('lists the chosen items in the one-time materials notice, addressed to the named consumer’s case', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const c = await ops.city_op.register(complaint({ consumer: { name: '王五', phone: '13912345678' } }));
      await ops.city_op.run('requestMaterials', c, { missingItems: ['购物凭证', '身份证明', '商品照片'] });
      const [notice] = await outbox(c.id);
      expect(notice.content).toBe(
        `【${unit('CITY').name}】您的投诉（编号 ${c.caseNo}）需一次性补正以下材料：购物凭证、身份证明、商品照片。请尽快提交${
          unit('CITY').phone ? `，咨询电话 ${unit('CITY').phone}` : ''
        }。`,
      );
      const [row] = await api.ds.query('SELECT phone FROM sms_outbox WHERE case_id = ?', [c.id]);
      expect(row.phone).toBe('13912345678');
    });

    it('tells the consumer the case is done on reply and asks for an evaluation (follow-up request)', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await immediateAtCity();
      c = await ops.city_op.run('receiveCase', c);
      c = await ops.city_op.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '当场退款',
        amountRecovered: 100,
      });
      await ops.city_op.run('replyCase', c, { content: '已当场调解，商家退款。' });
      const [, reply, followUp] = (await outbox(c.id)).map((r) => r.content);
      const center = `【${unit('CITY').name}】`;
      const what = `您的投诉（编号 ${c.caseNo}）`;
      expect(reply).toBe(
        `${center}${what}已办理完毕，办理结果已告知您${unit('CITY').phone ? `，咨询电话 ${unit('CITY').phone}` : ''}。`,
      );
      expect(followUp).toBe(
        `${center}我们将就${what}的办理情况进行回访，请对办理结果作出评价（满意/基本满意/不满意）。`,
      );
      const notes = (await ops.city_op.get(c.id)).timeline
        .filter((e: { action: string }) => e.action === 'notifyConsumer')
        .map((e: { note: string }) => e.note);
      expect(notes).toEqual(expect.arrayContaining([reply, followUp]));
    });
  });

  describe('The right person is charged', () => {
    it("writes the charge rule into the explanation of an intake clock and of a hop's clock", async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      const view = await ops.city_op.gql.ok<{ case: { deadlines: { ruleCode: string; explanation: string }[] } }>(
        DEADLINES,
        { id: c.id },
      );
      const rule = (code: string) =>
        JSON.parse(view.case.deadlines.find((d) => d.ruleCode === code)!.explanation).charge.rule as string;
      expect(rule('COMPLAINT_CONCLUDE')).toBe('记入持有案件的单位及其经办人（首问负责：登记人负责至承办人签收为止）。');
      expect(rule('STATION_CONCLUDE')).toBe(
        '分流环节时限：记入承办单位；分流时指定了承办人或承办人签收后，记入该承办人，不记入其他单位的人员。',
      );
      expect(rule('STAT_MEDIATION')).toContain('法定时限超期计入单位（按时率统计），不另记个人违诺');
    });
  });
  describe('The workroom queues share one work-item shape', () => {
    it('reads the urgency of every workroom queue through the one WorkroomWorkItem interface', async () => {
      const SHAPE = `{ __type(name: "WorkroomWorkItem") { kind fields { name } possibleTypes { name } } }`;
      const { __type: t } = await ops.gl_station.gql.ok<{
        __type: { kind: string; fields: { name: string }[]; possibleTypes: { name: string }[] };
      }>(SHAPE);
      expect(t.kind).toBe('INTERFACE');
      expect(t.fields.map((f) => f.name).sort()).toEqual(['dueAt', 'overdue', 'timeLeftMs']);
      expect(t.possibleTypes.map((p) => p.name).sort()).toEqual([
        'LegalWorkItem',
        'LitigationLinkWorkItem',
        'MediationQueueItem',
      ]);
      // One fragment on the interface reads a queue's items: the station's 维权服务 queue holds its case.
      const c = await atStation();
      const QUEUE = `fragment Urgency on WorkroomWorkItem { dueAt timeLeftMs overdue }
        { mediationWorkQueue(page: { limit: 100 }) { items { case { id } ...Urgency } } }`;
      type Item = { case: { id: string }; dueAt: string | null; timeLeftMs: number | null; overdue: boolean };
      const { mediationWorkQueue: q } = await ops.gl_station.gql.ok<{ mediationWorkQueue: { items: Item[] } }>(QUEUE);
      const mine = q.items.find((i) => i.case.id === c.id)!;
      expect(mine.overdue).toBe(false);
      expect(mine.timeLeftMs).toBe(Date.parse(mine.dueAt!) - api.clock.now().getTime());
    });
  });
});
