import { DeadlineEffects, ViolationEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import type { TestApi } from './test-api';
import { CaseView, complaint } from './case-ops';
import { caseFixture } from './case-fixture';

// Issue 11: who is charged for a late duty, and work that completes. Instants in Asia/Shanghai.
const sh = (local: string) => new Date(`${local}+08:00`);

describe('Accountability of the case core', () => {
  const fx = caseFixture([
    'city_op',
    'city_director',
    'city_mediator',
    'gl_county',
    'gl_director',
    'gl_station',
    'hx_county',
    'hx_director',
  ]);
  const { ops, ids, unit, uid, clocks, clock, immediateAtCity, receivedAtCounty, startJointHandling } = fx;
  let api: TestApi;
  let effects: DeadlineEffects;
  beforeAll(() => {
    api = fx.api;
    effects = api.app.get(DeadlineEffects);
  });

  const violations = (caseId: string) =>
    api.ds.getRepository(ViolationEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  /** Rings the due alarm of every running clock of the case that is past due (what the worker does). */
  const ringDue = async (caseId: string) => {
    for (const d of await clocks(caseId))
      if (d.status === 'RUNNING' && d.dueAt && d.dueAt <= api.clock.now())
        await effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' });
  };

  describe('即办 completes', () => {
    it('lets the city reception receive, conclude, reply, follow up and archive a case dispatched 即办 to itself', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const { city_op } = ops;
      let c = await city_op.register(complaint());
      c = await city_op.run('acceptCase', c);
      c = await city_op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RECEPTION', mode: 'IMMEDIATE' });
      expect(c.assignedUnitId).toBe(uid('CITY-RECEPTION'));
      c = await city_op.run('receiveCase', c);
      c = await city_op.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '当场退款',
        amountRecovered: 100,
      });
      c = await city_op.run('replyCase', c, { content: '已当场调解，商家退款。' });
      expect(c.state).toBe('REPLIED');
      c = await city_op.run('recordFollowUp', c, { result: 'REACHED', satisfaction: 'SATISFIED' });
      c = await city_op.run('archiveCase', c);
      expect(c.state).toBe('ARCHIVED');
      // The conclusion clock passed to the reception's handler (it acts for the city center).
      expect(await clock(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({
        status: 'MET',
        responsibleUserId: Number(ids.city_op),
      });
    });
  });

  describe('First contact stops at the first real contact', () => {
    it('stops on acceptance, on a materials request, and never runs on a concluded case', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const accepted = await ops.city_op.run('acceptCase', await ops.city_op.register(complaint()));
      expect(await clock(accepted.id, 'FIRST_CONTACT')).toMatchObject({ status: 'MET' });
      const asked = await ops.city_op.run('requestMaterials', await ops.city_op.register(complaint()), {
        missingItems: ['购物凭证'],
      });
      expect(await clock(asked.id, 'FIRST_CONTACT')).toMatchObject({ status: 'MET' });
      const running = (await clocks(asked.id)).filter((d) => d.status === 'RUNNING' || d.status === 'PAUSED');
      expect(running.map((d) => d.ruleCode)).not.toContain('FIRST_CONTACT');
    });
  });

  describe('The statutory acceptance clock waits for completed materials', () => {
    it('pauses STAT_ACCEPT while materials are pending, like ACCEPT_DECISION', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('requestMaterials', c, { missingItems: ['购物凭证', '身份证明'] });
      expect(await clock(c.id, 'STAT_ACCEPT')).toMatchObject({ status: 'PAUSED', dueAt: null });
      api.clock.set(sh('2026-11-23T10:00:00'));
      c = await ops.city_op.run('supplyMaterials', c);
      const stat = await clock(c.id, 'STAT_ACCEPT');
      expect(stat.status).toBe('RUNNING');
      // 16 Nov (trigger, not counted) … paused 16–23 Nov; the 7 working days count from 24 Nov: due 2 Dec.
      expect(stat.dueAt).toEqual(sh('2026-12-02T23:59:59.999'));
    });
  });

  describe('并案 restarts the clock', () => {
    it("restarts the surviving report's verification clocks from the latest report's receivedAt and says so", async () => {
      api.clock.set(sh('2026-11-02T10:00:00'));
      const report = (extra = {}) =>
        complaint({
          kind: 'REPORT',
          demand: null,
          ...extra,
        });
      const first = await ops.city_op.register(report());
      const before = await clock(first.id, 'STAT_REPORT_VERIFY');
      api.clock.set(sh('2026-11-16T10:00:00'));
      const second = await ops.city_op.register(report());
      await ops.city_op.run('mergeReport', second, { intoCaseId: first.id });
      const after = await clock(first.id, 'STAT_REPORT_VERIFY');
      expect(after.startedAt).toEqual(sh('2026-11-16T10:00:00'));
      expect(after.dueAt!.getTime()).toBeGreaterThan(before.dueAt!.getTime());
      expect(after.note).toContain('并案');
      const view = await ops.city_op.gql.ok<{ case: { deadlines: { ruleCode: string; explanation: string }[] } }>(
        `query($id: ID!) { case(id: $id) { deadlines { ruleCode explanation } } }`,
        { id: first.id },
      );
      const ex = JSON.parse(view.case.deadlines.find((d) => d.ruleCode === 'STAT_REPORT_VERIFY')!.explanation);
      expect(ex.charge.note).toContain('重新起算');
    });
  });

  describe('The right person is charged', () => {
    it("charges a station's hop clock to the station, then to its handler, never to the city operator", async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      expect(await clock(c.id, 'STATION_CONCLUDE')).toMatchObject({
        responsibleUnitId: unit('GL-T1').id,
        responsibleUserId: null,
      });
      c = await ops.gl_station.run('receiveCase', c);
      expect(await clock(c.id, 'STATION_CONCLUDE')).toMatchObject({ responsibleUserId: Number(ids.gl_station) });
      // The city's own conclusion clock is the city's: its registrar's duty ended when the station received it.
      expect(await clock(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({
        responsibleUnitId: unit('CITY').id,
        responsibleUserId: null,
      });
    });

    it('charges the follow-up clock to the intake operator who replied, not to the county clerk who handled it', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await receivedAtCounty();
      c = await ops.gl_county.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '退款',
        amountRecovered: 50,
      });
      c = await ops.city_op.run('replyCase', c, { content: '经调解退款。' });
      expect(await clock(c.id, 'FOLLOW_UP')).toMatchObject({
        responsibleUnitId: unit('CITY').id,
        responsibleUserId: Number(ids.city_op),
      });
    });

    it('charges a backdated letter that arrives past due to the unit (逾期登记), not to the clerk who registers it', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const c = await ops.city_op.register(
        complaint({ channel: 'LETTER', receivedAt: sh('2026-10-20T09:00:00').toISOString() }),
      );
      for (const code of ['FIRST_CONTACT', 'ACCEPT_DECISION', 'STAT_ACCEPT'])
        expect(await clock(c.id, code)).toMatchObject({ responsibleUserId: null, chargeNote: 'LATE_REGISTRATION' });
      await ringDue(c.id);
      const v = await violations(c.id);
      expect(v.length).toBeGreaterThan(0);
      expect(v.every((x) => x.userId === null && x.reason === 'LATE_REGISTRATION')).toBe(true);
    });
  });

  describe('One late duty, one 违诺', () => {
    it('records one personal 违诺 for the acceptance duty and links the statutory breach to it as the unit’s', async () => {
      api.clock.set(sh('2026-11-02T10:00:00'));
      const c = await ops.city_op.register(complaint());
      api.clock.set(sh('2026-11-20T10:00:00')); // past the 5-day and the 7-working-day acceptance limits
      await ringDue(c.id);
      const v = await violations(c.id);
      const accept = v.filter((x) => x.duty === 'ACCEPT');
      expect(accept).toHaveLength(2);
      const personal = accept.filter((x) => x.userId !== null);
      expect(personal).toHaveLength(1);
      expect(personal[0]).toMatchObject({ userId: Number(ids.city_op), layer: 'COMMITMENT' });
      expect(accept.find((x) => x.layer === 'STATUTORY')).toMatchObject({
        userId: null,
        linkedViolationId: personal[0].id,
      });
      // FIRST_CONTACT is a duty of its own: one more personal 违诺, no more.
      expect(
        v
          .filter((x) => x.userId !== null)
          .map((x) => x.duty)
          .sort(),
      ).toEqual(['ACCEPT', 'FIRST_CONTACT']);
    });
  });

  describe('Approvals reach a director who exists', () => {
    it("lets the county director decide the extension of a case its station registered, and not another county's", async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c: CaseView = await ops.gl_station.register(complaint({ channel: 'STATION' }));
      c = await ops.gl_station.run('acceptCase', c);
      c = await ops.gl_station.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      c = await ops.gl_station.run('receiveCase', c);
      c = await ops.gl_station.run('requestExtension', c, { reason: '需要检测', days: 5 });
      const other = await ops.hx_director.fail('decideExtension', c, { approved: true });
      expect(other.extensions?.code).toBe('NOT_FOUND');
      c = await ops.gl_director.run('decideExtension', c, { approved: true });
      expect(c.state).toBe('IN_PROGRESS');
    });
  });

  describe('Handling units keep sight of their cases', () => {
    it('lets the station that handled a hop, and its county, read the concluded case; a third county sees nothing', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      c = await ops.gl_station.run('receiveCase', c);
      c = await ops.gl_station.run('concludeCase', c, {
        outcome: 'MEDIATED',
        agreementText: '退款',
        amountRecovered: 10,
      });
      expect(c.ownerUnitId).toBe(uid('CITY'));
      for (const who of ['gl_station', 'gl_county', 'gl_director']) {
        const seen = await ops[who].get(c.id);
        expect(seen.timeline.map((e: { action: string }) => e.action)).toContain('concludeCase');
      }
      const byNo = await ops.gl_station.gql.ok<{ caseByNo: { id: string } }>(
        `query($no: String!) { caseByNo(caseNo: $no) { id } }`,
        { no: c.caseNo },
      );
      expect(byNo.caseByNo.id).toBe(c.id);
      // read only: no step of the case is theirs any more, and a third county sees nothing
      const write = await ops.gl_station.fail('recordContact', c, { method: 'PHONE', content: '再次联系' });
      expect(write.extensions?.code).toBe('NOT_FOUND');
      const third = await ops.hx_county.gql.error(`query($id: ID!) { case(id: $id) { id } }`, { id: c.id });
      expect(third.extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('Supervision closes', () => {
    const FIELDS = 'id status version response closedReason reviewNote responseDueAt';
    const OPEN = `mutation($input: OpenSupervisionInput!) { openSupervision(input: $input) { ${FIELDS} } }`;
    const RESPOND = `mutation($input: RespondSupervisionInput!) { respondSupervision(input: $input) { ${FIELDS} } }`;
    const REVIEW = `mutation($input: ReviewSupervisionInput!) { reviewSupervision(input: $input) { ${FIELDS} } }`;
    type Sup = { id: string; status: string; version: number; closedReason: string | null; response: string | null };

    it('is accepted (closed) or sent back (open, new deadline) by its issuer; a third county may not review', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL'), mode: 'ON_BEHALF' });
      const due = sh('2026-11-20T17:00:00').toISOString();
      let s = (
        await ops.city_op.gql.ok<{ openSupervision: Sup }>(OPEN, {
          input: { caseId: c.id, level: 'URGING', content: '请加快办理', responseDueAt: due },
        })
      ).openSupervision;
      const respond = async (text: string) =>
        (s = (
          await ops.gl_county.gql.ok<{ respondSupervision: Sup }>(RESPOND, {
            input: { id: s.id, version: s.version, response: text },
          })
        ).respondSupervision);
      await respond('已联系双方，本周内办结');
      const third = await ops.hx_director.gql.error(REVIEW, {
        input: { id: s.id, version: s.version, accepted: true },
      });
      expect(third.extensions?.code).toBe('NOT_FOUND');
      const noDue = await ops.city_op.gql.error(REVIEW, {
        input: { id: s.id, version: s.version, accepted: false, note: '请说明具体办结时间' },
      });
      expect(noDue.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.responseDueAt' });
      s = (
        await ops.city_op.gql.ok<{ reviewSupervision: Sup }>(REVIEW, {
          input: {
            id: s.id,
            version: s.version,
            accepted: false,
            note: '请说明具体办结时间',
            responseDueAt: sh('2026-11-23T17:00:00').toISOString(),
          },
        })
      ).reviewSupervision;
      expect(s).toMatchObject({ status: 'OPEN', response: null, closedReason: null });
      await respond('将于 11 月 20 日办结');
      s = (
        await ops.city_op.gql.ok<{ reviewSupervision: Sup }>(REVIEW, {
          input: { id: s.id, version: s.version, accepted: true, note: '同意' },
        })
      ).reviewSupervision;
      expect(s).toMatchObject({ status: 'CLOSED', closedReason: 'ACCEPTED' });
      const actions = (await ops.city_op.get(c.id)).timeline.map((e: { action: string }) => e.action);
      expect(actions).toEqual(
        expect.arrayContaining(['returnSupervisionResponse', 'acceptSupervisionResponse', 'respondSupervision']),
      );
    });

    it('is reviewed by a supervisor above the target too (the city over a county item), never by the target itself', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      const c = await ops.gl_station.register(complaint({ channel: 'STATION' }));
      let s = (
        await ops.gl_director.gql.ok<{ openSupervision: Sup }>(OPEN, {
          input: {
            caseId: c.id,
            level: 'URGING',
            content: '请尽快受理',
            responseDueAt: sh('2026-11-18T17:00:00').toISOString(),
          },
        })
      ).openSupervision;
      s = (
        await ops.gl_station.gql.ok<{ respondSupervision: Sup }>(RESPOND, {
          input: { id: s.id, version: s.version, response: '已受理并联系消费者' },
        })
      ).respondSupervision;
      const self = await ops.gl_station.gql.error(REVIEW, { input: { id: s.id, version: s.version, accepted: true } });
      expect(self.extensions?.code).toBe('FORBIDDEN');
      const third = await ops.hx_director.gql.error(REVIEW, {
        input: { id: s.id, version: s.version, accepted: true },
      });
      expect(third.extensions?.code).toBe('NOT_FOUND');
      s = (
        await ops.city_director.gql.ok<{ reviewSupervision: Sup }>(REVIEW, {
          input: { id: s.id, version: s.version, accepted: true, note: '市中心审核同意' },
        })
      ).reviewSupervision;
      expect(s).toMatchObject({ status: 'CLOSED', closedReason: 'ACCEPTED' });
      const entry = (await ops.gl_director.get(c.id)).timeline.find(
        (e: { action: string }) => e.action === 'acceptSupervisionResponse',
      );
      expect(entry).toMatchObject({ note: '市中心审核同意' });
    });

    it('closes the open items of a case when the case is archived', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await immediateAtCity();
      const s = (
        await ops.city_director.gql.ok<{ openSupervision: Sup }>(OPEN, {
          input: {
            caseId: c.id,
            level: 'URGING',
            content: '请当日办结',
            responseDueAt: sh('2026-11-18T17:00:00').toISOString(),
          },
        })
      ).openSupervision;
      c = await ops.city_op.run('receiveCase', c);
      c = await ops.city_op.run('concludeCase', c, { outcome: 'MEDIATED', agreementText: '退款', amountRecovered: 1 });
      c = await ops.city_op.run('replyCase', c, { content: '已退款' });
      c = await ops.city_op.run('recordFollowUp', c, { result: 'REACHED', satisfaction: 'SATISFIED' });
      await ops.city_op.run('archiveCase', c);
      const after = await ops.city_director.gql.ok<{ supervision: Sup }>(
        `query($id: ID!) { supervision(id: $id) { ${FIELDS} } }`,
        { id: s.id },
      );
      expect(after.supervision).toMatchObject({ status: 'CLOSED', closedReason: 'CASE_ARCHIVED' });
    });
  });

  describe('A station hands a case up', () => {
    const HAND_UP = `mutation($input: HandUpCaseInput!) { handUpCase(input: $input) { id version state ownerUnitId assignedUnitId } }`;

    it('hands the case to its county center with a reason (a new hop with its own clock); a county may not use it', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      c = await ops.gl_station.run('receiveCase', c);
      const noReason = await ops.gl_station.gql.error(HAND_UP, {
        input: { caseId: c.id, version: c.version, reason: ' ' },
      });
      // Whitespace-only text is refused for every input before the lifecycle's own guard (input-rules).
      expect(noReason.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });
      const up = (
        await ops.gl_station.gql.ok<{ handUpCase: CaseView }>(HAND_UP, {
          input: { caseId: c.id, version: c.version, reason: '涉及跨镇经营者，需区中心协调' },
        })
      ).handUpCase;
      expect(up).toMatchObject({ state: 'DISPATCHED', assignedUnitId: uid('GL'), ownerUnitId: uid('GL') });
      const hops = (await clocks(c.id)).filter((d) => d.roundKey.includes('-hop'));
      expect(hops.map((d) => [d.ruleCode, d.status, d.responsibleUnitId])).toEqual([
        ['STATION_CONCLUDE', 'MET', unit('GL-T1').id],
        ['HOP_CONCLUDE', 'RUNNING', unit('GL').id],
      ]);
      // the county received it and may not hand it up sideways or further: it returns to intake instead
      c = await ops.gl_county.run('receiveCase', up);
      const sideways = await ops.gl_county.gql.error(HAND_UP, {
        input: { caseId: c.id, version: c.version, reason: '转红星县' },
      });
      expect(sideways.extensions?.code).toBe('NOT_AT_STATION');
    });
  });

  describe('The approver of a suspension is a real director', () => {
    it('accepts the director of the center above the station and refuses anyone else', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      c = await ops.gl_station.run('receiveCase', c);
      for (const who of ['gl_county', 'hx_director', 'gl_station']) {
        const e = await ops.gl_station.fail('suspendCase', c, { reason: 'INVESTIGATION', approvedById: ids[who] });
        expect(e.extensions).toMatchObject({ code: 'APPROVER_NOT_DIRECTOR', field: 'input.approvedById' });
      }
      c = await ops.gl_station.run('suspendCase', c, { reason: 'INVESTIGATION', approvedById: ids.gl_director });
      expect(c.state).toBe('SUSPENDED');
    });
  });

  describe('Agreed deadlines are not recalculated', () => {
    it("keeps a department's agreed date through a recalculation preview and apply", async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.gl_county.register(complaint());
      c = await ops.gl_county.run('acceptCase', c);
      await startJointHandling(c.id);
      const agreed = await clock(c.id, 'DEPARTMENT_AGREED');
      expect(agreed.dueAt).toEqual(sh('2026-12-30T23:59:59.999'));
      const admin = (await loginAs(api.gql, 'admin')).client;
      const preview = await admin.ok<{ previewDeadlineRecalculation: { deadlineId: string }[] }>(
        `{ previewDeadlineRecalculation { deadlineId } }`,
      );
      expect(preview.previewDeadlineRecalculation.map((p) => p.deadlineId)).not.toContain(agreed.id);
      await admin.ok(`mutation { applyDeadlineRecalculation(reason: "日历更新") }`);
      expect(await clock(c.id, 'DEPARTMENT_AGREED')).toMatchObject({
        dueAt: sh('2026-12-30T23:59:59.999'),
        version: agreed.version,
      });
    });
  });

  describe('Consumers are told', () => {
    const outbox = (caseId: string) =>
      api.ds.query('SELECT content, not_before FROM sms_outbox WHERE case_id = ? ORDER BY id', [caseId]);

    it('sends the route and promised date on acceptance, the reason and referral on rejection, each on the timeline', async () => {
      api.clock.set(sh('2026-11-16T10:00:00'));
      let c = await ops.city_op.register(complaint());
      c = await ops.city_op.run('acceptCase', c);
      const conclude = await clock(c.id, 'COMPLAINT_CONCLUDE');
      const [accepted] = await outbox(c.id);
      expect(accepted.content).toContain(c.caseNo);
      expect(accepted.content).toContain('已受理');
      // 7 working days from Mon 16 Nov: due Wed 25 Nov — the date the consumer is promised
      expect(conclude.dueAt).toEqual(sh('2026-11-25T23:59:59.999'));
      expect(accepted.content).toContain('2026年11月25日');
      let r = await ops.city_op.register(complaint());
      r = await ops.city_op.run('rejectCase', r, {
        ground: 'OUTSIDE_JURISDICTION',
        referralAuthority: '市交通运输局',
        referralPhone: '12328',
      });
      const [rejected] = await outbox(r.id);
      expect(rejected.content).toContain('不予受理');
      expect(rejected.content).toContain('市交通运输局（电话 12328）');
      const timeline = (await ops.city_op.get(r.id)).timeline.filter(
        (e: { action: string }) => e.action === 'notifyConsumer',
      );
      expect(timeline.map((e: { note: string }) => e.note)).toEqual([rejected.content]);
    });

    it('holds a message produced in quiet hours until the morning, and tells an anonymous reporter nothing', async () => {
      api.clock.set(sh('2026-11-16T22:30:00'));
      const c = await ops.city_op.run('acceptCase', await ops.city_op.register(complaint()));
      const [late] = await outbox(c.id);
      expect(new Date(late.not_before)).toEqual(sh('2026-11-17T08:00:00'));
      const anon = await ops.city_op.register(
        complaint({ kind: 'REPORT', demand: null, consumer: { anonymous: true } }),
      );
      await ops.city_op.run('requestMaterials', anon, { missingItems: ['线索材料'] });
      expect(await outbox(anon.id)).toEqual([]);
    });
  });

  describe('Every change leaves a trail', () => {
    const AUDIT = `query($f: AuditEventFilter) { auditEvents(filter: $f) { total items { action actorName targetType targetId createdAt } } }`;

    it('keeps audit_event append-only and lets a city-wide administrator search it; others may not', async () => {
      // A unit-level 督办 answered and accepted: no case timeline to hold it, so the audit log does.
      api.clock.set(sh('2026-11-16T10:00:00'));
      const sup = `id version status`;
      const opened = await ops.city_director.gql.ok<{ openSupervision: { id: string; version: number } }>(
        `mutation($input: OpenSupervisionInput!) { openSupervision(input: $input) { ${sup} } }`,
        {
          input: {
            targetUnitId: uid('GL'),
            level: 'URGING',
            content: '请报告本月超期案件的整改情况',
            responseDueAt: sh('2026-11-20T17:00:00').toISOString(),
          },
        },
      );
      const answered = await ops.gl_director.gql.ok<{ respondSupervision: { id: string; version: number } }>(
        `mutation($input: RespondSupervisionInput!) { respondSupervision(input: $input) { ${sup} } }`,
        { input: { id: opened.openSupervision.id, version: opened.openSupervision.version, response: '已逐件整改' } },
      );
      await ops.city_director.gql.ok(
        `mutation($input: ReviewSupervisionInput!) { reviewSupervision(input: $input) { ${sup} } }`,
        { input: { id: answered.respondSupervision.id, version: answered.respondSupervision.version, accepted: true } },
      );
      const admin = (await loginAs(api.gql, 'admin')).client;
      const found = await admin.ok<{
        auditEvents: { total: number; items: { action: string; actorName: string; targetId: string }[] };
      }>(AUDIT, { f: { action: 'acceptSupervision', targetType: 'supervision' } });
      expect(found.auditEvents.items[0]).toMatchObject({
        action: 'acceptSupervisionResponse',
        actorName: '陈主任',
        targetId: opened.openSupervision.id,
      });
      for (const who of ['gl_director', 'city_op']) {
        const e = await ops[who].gql.error(AUDIT, {});
        expect(e.extensions?.code).toBe('FORBIDDEN');
      }
      await expect(api.ds.query('UPDATE audit_event SET action = action LIMIT 1')).rejects.toThrow(/append-only/);
      await expect(api.ds.query('DELETE FROM audit_event LIMIT 1')).rejects.toThrow(/append-only/);
    });
  });
});
