import { CaseEntity, OrgUnitEntity } from '@weiquan/core';
import { toShanghaiDate } from '@weiquan/shared';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';
import { readDocx } from './docx-text';

const CONSULTATION =
  'id unitId caseId caseNo askerName askerPhone question answer lawsCited answered answeredAt answeredById version';
const LITIGATION =
  'id unitId caseId caseNo request status documents court filedAt outcome closedAt documentGeneratedAt version downloadUrl';
const VOLUNTEER = 'id unitId name phone organization specialities active note trainingsAttended version';
const TRAINING =
  'id unitId topic heldOn location trainer attendees { volunteerId name attended } invitedCount attendedCount version';
const DUTY = 'id unitId date shift userId volunteerId personName note version';

const Q = {
  createConsultation: `mutation($input: CreateLegalConsultationInput!) { createLegalConsultation(input: $input) { ${CONSULTATION} } }`,
  updateConsultation: `mutation($input: UpdateLegalConsultationInput!) { updateLegalConsultation(input: $input) { ${CONSULTATION} } }`,
  consultations: `query($f: LegalConsultationFilter, $p: PageInput) { legalConsultations(filter: $f, page: $p) { total items { ${CONSULTATION} } } }`,
  consultation: `query($id: ID!) { legalConsultation(id: $id) { ${CONSULTATION} } }`,
  requestLitigation: `mutation($input: RequestLitigationSupportInput!) { requestLitigationSupport(input: $input) { ${LITIGATION} } }`,
  updateLitigation: `mutation($input: UpdateLitigationSupportInput!) { updateLitigationSupport(input: $input) { ${LITIGATION} } }`,
  litigations: `query($f: LitigationSupportFilter, $p: PageInput) { litigationSupports(filter: $f, page: $p) { total items { ${LITIGATION} } } }`,
  litigation: `query($id: ID!) { litigationSupport(id: $id) { ${LITIGATION} } }`,
  createVolunteer: `mutation($input: CreateLegalVolunteerInput!) { createLegalVolunteer(input: $input) { ${VOLUNTEER} } }`,
  updateVolunteer: `mutation($input: UpdateLegalVolunteerInput!) { updateLegalVolunteer(input: $input) { ${VOLUNTEER} } }`,
  volunteers: `query($f: LegalVolunteerFilter, $p: PageInput) { legalVolunteers(filter: $f, page: $p) { total items { ${VOLUNTEER} } } }`,
  volunteer: `query($id: ID!) { legalVolunteer(id: $id) { ${VOLUNTEER} } }`,
  createTraining: `mutation($input: CreateLegalTrainingInput!) { createLegalTraining(input: $input) { ${TRAINING} } }`,
  updateTraining: `mutation($input: UpdateLegalTrainingInput!) { updateLegalTraining(input: $input) { ${TRAINING} } }`,
  attendance: `mutation($input: RecordTrainingAttendanceInput!) { recordTrainingAttendance(input: $input) { ${TRAINING} } }`,
  trainings: `query($f: LegalTrainingFilter, $p: PageInput) { legalTrainings(filter: $f, page: $p) { total items { ${TRAINING} } } }`,
  training: `query($id: ID!) { legalTraining(id: $id) { ${TRAINING} } }`,
  addDuty: `mutation($input: AddLegalDutyInput!) { addLegalDuty(input: $input) { ${DUTY} } }`,
  updateDuty: `mutation($input: UpdateLegalDutyInput!) { updateLegalDuty(input: $input) { ${DUTY} } }`,
  removeDuty: `mutation($input: RemoveLegalDutyInput!) { removeLegalDuty(input: $input) }`,
  roster: `query($from: String!, $to: String!, $unitId: ID) { legalDutyRoster(from: $from, to: $to, unitId: $unitId) { ${DUTY} } }`,
  archive: `query($k: String, $kind: LegalItemKind, $p: PageInput) { legalArchive(keyword: $k, kind: $kind, page: $p) { total items { kind id unitId caseId caseNo title result status at } } }`,
  queue: `query($sort: LegalWorkQueueSort, $p: PageInput) { legalWorkQueue(sort: $sort, page: $p) { total items { kind id unitId caseId caseNo title status since dueAt timeLeftMs overdue } } }`,
  caseLegal: `query($id: ID!) { case(id: $id) { id timeline { action note detail actorName } legalConsultations { id question } litigationSupports { id status } } }`,
};

const ID_NUMBER = '11010519491231002X';
const HOUR = 3_600_000;

describe('Legal service workroom (法律服务工作室) over GraphQL', () => {
  let api: TestApi;
  let unit: (code: string) => OrgUnitEntity;
  const gql: Record<string, GqlClient> = {};
  const token: Record<string, string> = {};
  const userId: Record<string, string> = {};
  // A token unique to this run, so archive searches find only what this run wrote.
  const run = `LG${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startTestApi();
    const units = await api.ds.getRepository(OrgUnitEntity).find();
    unit = (code) => units.find((u) => u.code === code)!;
    for (const name of ['gl_county', 'gl_director', 'hx_county', 'city_op', 'city_legal', 'supervisor', 'gl_station']) {
      const s = await loginAs(api.gql, name);
      gql[name] = s.client;
      token[name] = s.accessToken;
      userId[name] = s.user.id;
    }
    // Earlier runs' open items would crowd the work queues this spec orders; the legal tables are this module's own.
    await closeOpenItems();
    await api.ds.query('DELETE FROM legal_duty');
  });
  afterAll(() => api?.close());

  const uid = (code: string) => String(unit(code).id);
  async function closeOpenItems() {
    await api.ds.query(
      "UPDATE legal_consultation SET answer = '（测试前清理）', answered_at = NOW(3) WHERE answer IS NULL",
    );
    await api.ds.query(
      "UPDATE legal_litigation_support SET status = 'CLOSED', outcome = '（测试前清理）', closed_at = NOW(3) WHERE status <> 'CLOSED'",
    );
  }
  const ok = async <T = any>(who: string, query: string, variables: Record<string, unknown>): Promise<T> =>
    gql[who].ok<T>(query, variables) as Promise<T>;
  const err = (who: string, query: string, variables: Record<string, unknown>) => gql[who].error(query, variables);
  const timeline = async (who: string, caseId: string) => (await ok(who, Q.caseLegal, { id: caseId })).case;

  /** A complaint registered at the user's unit with everything a statement of claim needs. */
  async function registerComplaint(
    who: string,
    extra: Record<string, unknown> = {},
  ): Promise<{ id: string; caseNo: string; consumer: Record<string, string> }> {
    const input = complaint({
      respondent: {
        name: `${run}某某电器有限公司`,
        creditCode: '91350100M000100Y43',
        address: '鼓楼区八一七北路 88 号',
      },
      ...extra,
    });
    (input.consumer as Record<string, unknown>).idNumber = ID_NUMBER;
    const c = await new CaseOps(gql[who]).register(input);
    return { id: c.id, caseNo: c.caseNo, consumer: input.consumer as Record<string, string> };
  }

  describe('consultations (免费法律咨询)', () => {
    it('records a consultation on a case and one walk-in, answers, lists, and writes the case timeline', async () => {
      const c = await registerComplaint('gl_county');
      let linked = (
        await ok('gl_county', Q.createConsultation, {
          input: {
            caseId: c.id,
            question: `${run} 商家拒绝退货，能否要求三倍赔偿？`,
            lawsCited: ['消费者权益保护法第五十五条', ' 消费者权益保护法第五十五条 '],
          },
        })
      ).createLegalConsultation;
      expect(linked).toMatchObject({
        unitId: uid('GL-LEGAL'),
        caseId: c.id,
        caseNo: c.caseNo,
        answered: false,
        answer: null,
        lawsCited: ['消费者权益保护法第五十五条'],
        version: 1,
      });

      const walkIn = (
        await ok('gl_county', Q.createConsultation, {
          input: {
            askerName: '王五',
            askerPhone: '13800138000',
            question: `${run} 预付卡商家跑路怎么办？`,
            answer: '可向公安机关报案并申报债权。',
          },
        })
      ).createLegalConsultation;
      expect(walkIn).toMatchObject({
        unitId: uid('GL-LEGAL'),
        caseId: null,
        askerName: '王五',
        askerPhone: '13800138000',
        answered: true,
        answeredById: userId.gl_county,
      });

      linked = (
        await ok('gl_county', Q.updateConsultation, {
          input: {
            id: linked.id,
            version: linked.version,
            answer: '经营者有欺诈行为的，可要求三倍赔偿。',
            lawsCited: ['消费者权益保护法第五十五条', '消费者权益保护法第二十四条'],
          },
        })
      ).updateLegalConsultation;
      expect(linked).toMatchObject({ answered: true, answeredById: userId.gl_county, version: 2 });
      expect(linked.lawsCited).toHaveLength(2);
      linked = (
        await ok('gl_county', Q.updateConsultation, {
          input: { id: linked.id, version: 2, question: `${run} 商家拒绝退货，能否要求赔偿？` },
        })
      ).updateLegalConsultation;
      expect(linked).toMatchObject({ version: 3, question: `${run} 商家拒绝退货，能否要求赔偿？` });

      const stale = await err('gl_county', Q.updateConsultation, {
        input: { id: linked.id, version: 1, answer: '旧版本' },
      });
      expect(stale.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });

      const listed = (await ok('gl_county', Q.consultations, { f: { caseId: c.id }, p: { limit: 10 } }))
        .legalConsultations;
      expect(listed).toMatchObject({ total: 1, items: [{ id: linked.id }] });
      const unanswered = (
        await ok('gl_county', Q.consultations, { f: { answered: false, unitId: uid('GL') }, p: { limit: 100 } })
      ).legalConsultations;
      expect(unanswered.items.map((x: { id: string }) => x.id)).not.toContain(linked.id);
      expect((await ok('gl_county', Q.consultation, { id: walkIn.id })).legalConsultation.id).toBe(walkIn.id);

      const kase = await timeline('gl_county', c.id);
      expect(kase.timeline.map((e: { action: string }) => e.action)).toEqual([
        'registerCase',
        'createLegalConsultation',
        'answerLegalConsultation',
        'updateLegalConsultation',
      ]);
      expect(JSON.parse(kase.timeline[1].detail)).toMatchObject({ consultationId: linked.id });
      expect(kase.legalConsultations).toEqual([{ id: linked.id, question: linked.question }]);

      // 保密: staff who neither recorded it nor may unmask see the asker's number masked.
      const seenByLegal = (await ok('city_legal', Q.consultation, { id: walkIn.id })).legalConsultation;
      expect(seenByLegal.askerPhone).not.toBe('13800138000');
      expect(seenByLegal.askerPhone).toMatch(/\*/);
    });

    it('validates input: asker for a walk-in, a non-blank question, a real phone, a case in scope', async () => {
      expect(
        (await err('gl_county', Q.createConsultation, { input: { question: '没有咨询人' } })).extensions,
      ).toMatchObject({ code: 'LEGAL_ASKER_REQUIRED', field: 'input.askerName' });
      expect(
        (await err('gl_county', Q.createConsultation, { input: { askerName: '张三', question: '   ' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.question' });
      expect(
        (
          await err('gl_county', Q.createConsultation, {
            input: { askerName: '张三', askerPhone: '12', question: '问' },
          })
        ).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.askerPhone' });
      expect(
        (await err('gl_county', Q.createConsultation, { input: { caseId: 'x1', question: '问' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
      const hxCase = await insertCase(api.ds, { unitCode: 'HX' });
      expect(
        (await err('gl_county', Q.createConsultation, { input: { caseId: hxCase.id, question: '问' } })).extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseId' });
      const future = new Date(api.clock.now().getTime() + 2 * HOUR).toISOString();
      expect(
        (
          await err('gl_county', Q.createConsultation, {
            input: { askerName: '张三', question: '问', askedAt: future },
          })
        ).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.askedAt' });
      expect(
        (await err('supervisor', Q.createConsultation, { input: { askerName: '张三', question: '问' } })).extensions,
      ).toMatchObject({ code: 'FORBIDDEN' });
    });
    it('refuses a staff member who declared 回避 on the case, for consultations and litigation support alike, storing nothing', async () => {
      const c = await registerComplaint('gl_county');
      const cons = (
        await ok('gl_county', Q.createConsultation, { input: { caseId: c.id, question: `${run} 回避前的咨询` } })
      ).createLegalConsultation;
      await new CaseOps(gql.gl_county).run('declareRecusal', c, { reason: '与经营者负责人系亲属' });
      const refusals = [
        await err('gl_county', Q.createConsultation, { input: { caseId: c.id, question: '回避后登记' } }),
        await err('gl_county', Q.updateConsultation, { input: { id: cons.id, version: 1, answer: '回避后答复' } }),
        await err('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: '回避后申请' } }),
      ];
      expect(refusals.map((e) => e.extensions)).toEqual([
        { code: 'ACTOR_RECUSED', field: 'input.caseId' },
        { code: 'ACTOR_RECUSED', field: 'input.id' },
        { code: 'ACTOR_RECUSED', field: 'input.caseId' },
      ]);
      expect(refusals[0].message).toContain('回避');
      expect((await ok('gl_county', Q.consultations, { f: { caseId: c.id } })).legalConsultations.total).toBe(1);
      expect((await ok('gl_county', Q.consultation, { id: cons.id })).legalConsultation).toMatchObject({
        answered: false,
        version: 1,
      });
      expect((await ok('gl_county', Q.litigations, { f: { caseId: c.id } })).litigationSupports.total).toBe(0);
      // Someone else at the unit still can.
      const ls = (await ok('gl_director', Q.requestLitigation, { input: { caseId: c.id, request: '由他人办理' } }))
        .requestLitigationSupport;
      expect(ls.status).toBe('REQUESTED');
      const doc = await fetch(`${api.url}${ls.downloadUrl}`, {
        headers: { authorization: `Bearer ${token.gl_county}` },
      });
      expect(doc.status).toBe(422);
      expect(await doc.json()).toMatchObject({ code: 'ACTOR_RECUSED' });
    });

    it('lets exactly one of two simultaneous edits of the same version win; the other gets CONFLICT', async () => {
      const cons = (
        await ok('gl_county', Q.createConsultation, { input: { askerName: '吴十', question: `${run} 并发修改` } })
      ).createLegalConsultation;
      const both = await Promise.all(
        ['第一位的答复', '第二位的答复'].map((answer, n) =>
          gql[n ? 'gl_director' : 'gl_county'].request(Q.updateConsultation, {
            input: { id: cons.id, version: 1, answer },
          }),
        ),
      );
      const won = both.filter((r) => !r.errors);
      const lost = both.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost.map((r) => r.errors![0].extensions)).toEqual([{ code: 'CONFLICT', field: 'input.version' }]);
      const stored = (await ok('gl_county', Q.consultation, { id: cons.id })).legalConsultation;
      expect(stored).toMatchObject({ version: 2, answer: won[0].data!.updateLegalConsultation.answer });
    });
  });

  describe('litigation support (诉讼支持)', () => {
    it('requests support on a case, moves it forward, refuses going back, closes with an outcome, and records every step', async () => {
      const c = await registerComplaint('gl_county');
      let ls = (
        await ok('gl_county', Q.requestLitigation, {
          input: { caseId: c.id, request: `${run} 调解不成，消费者决定起诉，需要起诉状` },
        })
      ).requestLitigationSupport;
      expect(ls).toMatchObject({
        unitId: uid('GL-LEGAL'),
        caseId: c.id,
        caseNo: c.caseNo,
        status: 'REQUESTED',
        documents: [],
        version: 1,
        downloadUrl: `/api/legal/litigation/${ls.id}/document`,
      });
      expect(
        (await err('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: '再申请一次' } })).extensions,
      ).toMatchObject({ code: 'LITIGATION_OPEN_EXISTS', field: 'input.caseId' });

      ls = (
        await ok('gl_county', Q.updateLitigation, {
          input: { id: ls.id, version: 1, status: 'DOCUMENTS_PREPARED', documents: ['民事起诉状', '证据目录'] },
        })
      ).updateLitigationSupport;
      expect(ls).toMatchObject({ status: 'DOCUMENTS_PREPARED', documents: ['民事起诉状', '证据目录'], version: 2 });
      expect(
        (await err('gl_county', Q.updateLitigation, { input: { id: ls.id, version: 2, status: 'FILED' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.court' });
      ls = (
        await ok('gl_county', Q.updateLitigation, {
          input: { id: ls.id, version: 2, status: 'FILED', court: '鼓楼区人民法院' },
        })
      ).updateLitigationSupport;
      expect(ls).toMatchObject({ status: 'FILED', court: '鼓楼区人民法院', version: 3 });
      expect(ls.filedAt).toEqual(expect.any(String));
      expect(
        (await err('gl_county', Q.updateLitigation, { input: { id: ls.id, version: 3, status: 'REQUESTED' } }))
          .extensions,
      ).toMatchObject({ code: 'LITIGATION_STATUS_TRANSITION', field: 'input.status' });
      expect(
        (await err('gl_county', Q.updateLitigation, { input: { id: ls.id, version: 3, status: 'CLOSED' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.outcome' });
      ls = (
        await ok('gl_county', Q.updateLitigation, {
          input: { id: ls.id, version: 3, status: 'CLOSED', outcome: '法院判决被告退款 2999 元' },
        })
      ).updateLitigationSupport;
      expect(ls).toMatchObject({ status: 'CLOSED', outcome: '法院判决被告退款 2999 元', version: 4 });
      expect(
        (await err('gl_county', Q.updateLitigation, { input: { id: ls.id, version: 4, request: '改' } })).extensions,
      ).toMatchObject({ code: 'LITIGATION_CLOSED' });

      const listed = (await ok('gl_county', Q.litigations, { f: { caseId: c.id, statuses: ['CLOSED'] } }))
        .litigationSupports;
      expect(listed).toMatchObject({ total: 1, items: [{ id: ls.id }] });
      expect((await ok('gl_county', Q.litigation, { id: ls.id })).litigationSupport.status).toBe('CLOSED');

      const kase = await timeline('gl_county', c.id);
      expect(kase.timeline.map((e: { action: string }) => e.action)).toEqual([
        'registerCase',
        'requestLitigationSupport',
        'updateLitigationSupport',
        'updateLitigationSupport',
        'updateLitigationSupport',
      ]);
      expect(JSON.parse(kase.timeline[3].detail)).toMatchObject({
        litigationSupportId: ls.id,
        from: 'DOCUMENTS_PREPARED',
        to: 'FILED',
      });
      expect(kase.litigationSupports).toEqual([{ id: ls.id, status: 'CLOSED' }]);
    });

    it('refuses litigation support on a report (举报人身份保密)', async () => {
      const report = await insertCase(api.ds, { unitCode: 'GL', kind: 'REPORT' });
      expect(
        (await err('gl_county', Q.requestLitigation, { input: { caseId: report.id, request: '起诉' } })).extensions,
      ).toMatchObject({ code: 'LITIGATION_CASE_KIND', field: 'input.caseId' });
    });

    it('generates a 民事起诉状 with the case parties and demand, records it on the timeline, and serves it only in scope', async () => {
      const c = await registerComplaint('gl_county', { demand: '退还货款 2999 元并赔偿 500 元' });
      const ls = (await ok('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: '需要起诉状' } }))
        .requestLitigationSupport;
      const get = (who: string | null) =>
        fetch(`${api.url}${ls.downloadUrl}`, { headers: who ? { authorization: `Bearer ${token[who]}` } : {} });

      const res = await get('gl_county');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(
        decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? ''),
      ).toBe(`民事起诉状-${c.caseNo}.docx`);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      // Parsed as Word does: a zip whose word/document.xml holds the text, a paragraph per line of the form.
      const doc = await readDocx(bytes);
      const lines = doc.paragraphs.filter(Boolean);
      expect(lines[0]).toBe('民事起诉状');
      const plaintiff = lines.find((p) => p.startsWith('原告：'))!;
      expect(plaintiff).toContain(`原告：${c.consumer.name}`);
      expect(plaintiff).toContain(c.consumer.phone);
      expect(plaintiff).toContain(c.consumer.address);
      expect(plaintiff).toContain(`身份证号码：${ID_NUMBER}`);
      const defendant = lines.find((p) => p.startsWith('被告：'))!;
      expect(defendant).toContain(`被告：${run}某某电器有限公司`);
      expect(defendant).toContain('统一社会信用代码：91350100M000100Y43');
      expect(defendant).toContain('住所地：鼓楼区八一七北路 88 号');
      const claims = lines.slice(lines.indexOf('诉讼请求：') + 1, lines.indexOf('事实与理由：'));
      expect(claims[0]).toContain('1. 退还货款 2999 元并赔偿 500 元');
      const facts = lines.slice(lines.indexOf('事实与理由：') + 1, lines.indexOf('此致')).join('');
      expect(facts).toContain('购买的空调三天后不制冷，商家拒绝退换。');
      expect(facts).toContain('2999.00 元');
      expect(facts).toContain(c.caseNo);
      expect(lines[lines.indexOf('此致') + 1]).toMatch(/人民法院$/);
      expect(lines).toContain(`具状人：${c.consumer.name}（签名）`);

      const kase = await timeline('gl_county', c.id);
      const generated = kase.timeline.find((e: { action: string }) => e.action === 'generateLitigationDocument');
      expect(generated).toMatchObject({ actorName: '鼓楼区受理员' });
      expect(JSON.parse(generated.detail)).toMatchObject({
        litigationSupportId: ls.id,
        fileName: `民事起诉状-${c.caseNo}.docx`,
        sizeBytes: bytes.length,
      });
      expect((await ok('gl_county', Q.litigation, { id: ls.id })).litigationSupport.documentGeneratedAt).toEqual(
        expect.any(String),
      );

      expect((await get('hx_county')).status).toBe(404);
      expect((await get('supervisor')).status).toBe(403);
      expect((await get(null)).status).toBe(401);
      expect(
        (
          await fetch(`${api.url}/api/legal/litigation/abc/document`, {
            headers: { authorization: `Bearer ${token.gl_county}` },
          })
        ).status,
      ).toBe(400);
      const events = (await timeline('gl_county', c.id)).timeline.filter(
        (e: { action: string }) => e.action === 'generateLitigationDocument',
      );
      expect(events).toHaveLength(1);

      // Once filed, the court named on the support is the one the statement is addressed to (此致 …).
      await ok('gl_county', Q.updateLitigation, {
        input: { id: ls.id, version: 1, status: 'FILED', court: '鼓楼区人民法院' },
      });
      const filed = (await readDocx(Buffer.from(await (await get('gl_county')).arrayBuffer()))).paragraphs.filter(
        Boolean,
      );
      expect(filed[filed.indexOf('此致') + 1]).toBe('鼓楼区人民法院');
    });

    it('refuses a statement of claim for an anonymous request or one missing the respondent, and records nothing', async () => {
      const anonymous = await insertCase(api.ds, { unitCode: 'GL' });
      await api.ds.getRepository(CaseEntity).update(anonymous.id, { anonymous: true });
      const noRespondent = await insertCase(api.ds, { unitCode: 'GL' });
      await api.ds
        .getRepository(CaseEntity)
        .update(noRespondent.id, { anonymous: false, consumerName: '周九', respondentName: null, demand: '退款' });
      for (const [c, code] of [
        [anonymous, 'LITIGATION_CONSUMER_CONFIDENTIAL'],
        [noRespondent, 'LITIGATION_PARTY_MISSING'],
      ] as const) {
        const ls = (await ok('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: '需要起诉状' } }))
          .requestLitigationSupport;
        const res = await fetch(`${api.url}${ls.downloadUrl}`, {
          headers: { authorization: `Bearer ${token.gl_county}` },
        });
        expect(res.status).toBe(422);
        expect(await res.json()).toMatchObject({ code, field: 'id' });
        expect((await ok('gl_county', Q.litigation, { id: ls.id })).litigationSupport.documentGeneratedAt).toBeNull();
        const actions = (await timeline('gl_county', c.id)).timeline.map((e: { action: string }) => e.action);
        expect(actions).not.toContain('generateLitigationDocument');
      }
    });
    // #12 item 15: the legal officer handles the support but may not unmask — the .docx read back is the
    // masked copy (name, phone, ID number, address, birth date), and the timeline says so.
    it('drafts the statement of claim masked for a role that may not unmask, in full for one that may', async () => {
      const c = await registerComplaint('gl_county', { demand: '退货退款' });
      const ls = (await ok('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: '需要起诉状' } }))
        .requestLitigationSupport;
      const docx = async (who: string) => {
        const res = await fetch(`${api.url}${ls.downloadUrl}`, { headers: { authorization: `Bearer ${token[who]}` } });
        expect(res.status).toBe(200);
        return (await readDocx(Buffer.from(await res.arrayBuffer()))).text;
      };
      const masked = await docx('city_legal');
      for (const secret of [c.consumer.name, c.consumer.phone, c.consumer.address, ID_NUMBER, '1949年12月31日'])
        expect(masked).not.toContain(secret);
      expect(masked).toContain(`原告：${Array.from(c.consumer.name as string)[0]}*`);
      expect(masked).toContain('身份证号码：110***********002X');
      expect(masked).toContain('脱敏件');
      const full = await docx('gl_director');
      for (const secret of [c.consumer.name, c.consumer.phone, c.consumer.address, ID_NUMBER])
        expect(full).toContain(secret);

      const events = (await timeline('gl_county', c.id)).timeline.filter(
        (e: { action: string }) => e.action === 'generateLitigationDocument',
      );
      expect(events.map((e: { note: string }) => e.note).sort()).toEqual(
        ['生成民事起诉状（含消费者完整信息）', '生成民事起诉状（脱敏件）'].sort(),
      );
      expect(events.map((e: { detail: string }) => JSON.parse(e.detail).masked).sort()).toEqual([false, true]);
    });
  });

  describe('volunteers, trainings and the duty roster', () => {
    it('registers volunteers, trains them with attendance, and rosters staff and volunteers', async () => {
      let v1 = (
        await ok('gl_county', Q.createVolunteer, {
          input: {
            name: `${run}陈律师`,
            phone: '13900001111',
            organization: '某某律师事务所',
            specialities: ['合同纠纷', '食品安全'],
          },
        })
      ).createLegalVolunteer;
      expect(v1).toMatchObject({
        unitId: uid('GL-LEGAL'),
        active: true,
        specialities: ['合同纠纷', '食品安全'],
        trainingsAttended: 0,
        version: 1,
      });
      const v2 = (
        await ok('gl_county', Q.createVolunteer, { input: { name: `${run}周同学`, specialities: ['房屋装修'] } })
      ).createLegalVolunteer;
      v1 = (
        await ok('gl_county', Q.updateVolunteer, {
          input: { id: v1.id, version: 1, specialities: ['合同纠纷', '预付卡'], note: '周末可值班' },
        })
      ).updateLegalVolunteer;
      expect(v1).toMatchObject({ specialities: ['合同纠纷', '预付卡'], note: '周末可值班', version: 2 });
      expect((await err('gl_county', Q.createVolunteer, { input: { name: ' ' } })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.name',
      });
      const bySpeciality = (await ok('gl_county', Q.volunteers, { f: { speciality: '预付卡', keyword: run } }))
        .legalVolunteers;
      expect(bySpeciality.items.map((v: { id: string }) => v.id)).toEqual([v1.id]);

      const today = toShanghaiDate(api.clock.now());
      let t = (
        await ok('gl_county', Q.createTraining, {
          input: {
            topic: `${run} 消费者权益保护法培训`,
            heldOn: today,
            location: '鼓楼区维权中心会议室',
            attendeeIds: [v1.id],
          },
        })
      ).createLegalTraining;
      expect(t).toMatchObject({
        unitId: uid('GL-LEGAL'),
        heldOn: today,
        invitedCount: 1,
        attendedCount: 0,
        attendees: [{ volunteerId: v1.id, attended: null }],
      });
      t = (
        await ok('gl_county', Q.updateTraining, {
          input: { id: t.id, version: t.version, trainer: '林律师', attendeeIds: [v1.id, v2.id] },
        })
      ).updateLegalTraining;
      expect(t).toMatchObject({ trainer: '林律师', invitedCount: 2, version: 2 });
      const stranger = (await ok('hx_county', Q.createVolunteer, { input: { name: `${run}红星志愿者` } }))
        .createLegalVolunteer;
      expect(
        (await err('gl_county', Q.updateTraining, { input: { id: t.id, version: 2, attendeeIds: [stranger.id] } }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.attendeeIds.0' });
      expect(
        (
          await err('gl_county', Q.attendance, {
            input: { trainingId: t.id, version: 2, attendance: [{ volunteerId: stranger.id, attended: true }] },
          })
        ).extensions,
      ).toMatchObject({
        code: 'LEGAL_NOT_AN_ATTENDEE',
        field: 'input.attendance.0.volunteerId',
      });
      t = (
        await ok('gl_county', Q.attendance, {
          input: {
            trainingId: t.id,
            version: 2,
            attendance: [
              { volunteerId: v1.id, attended: true },
              { volunteerId: v2.id, attended: false },
            ],
          },
        })
      ).recordTrainingAttendance;
      expect(t).toMatchObject({ attendedCount: 1, version: 3 });
      expect(t.attendees.find((a: { volunteerId: string }) => a.volunteerId === v2.id).attended).toBe(false);
      expect((await ok('gl_county', Q.volunteer, { id: v1.id })).legalVolunteer.trainingsAttended).toBe(1);
      const trainings = (await ok('gl_county', Q.trainings, { f: { volunteerId: v1.id, from: today, to: today } }))
        .legalTrainings;
      expect(trainings.items.map((x: { id: string }) => x.id)).toEqual([t.id]);
      expect((await ok('gl_county', Q.training, { id: t.id })).legalTraining.topic).toBe(`${run} 消费者权益保护法培训`);
      const later = (
        await ok('gl_county', Q.createTraining, {
          input: { topic: '下月培训', heldOn: '2099-01-01', attendeeIds: [v2.id] },
        })
      ).createLegalTraining;
      expect(
        (
          await err('gl_county', Q.attendance, {
            input: { trainingId: later.id, version: 1, attendance: [{ volunteerId: v2.id, attended: true }] },
          })
        ).extensions,
      ).toMatchObject({ code: 'LEGAL_TRAINING_NOT_HELD' });
      expect(
        (await err('gl_county', Q.createTraining, { input: { topic: '日期错误', heldOn: '2026-02-30' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });

      const day = '2031-05-06';
      const staffDuty = (
        await ok('gl_county', Q.addDuty, { input: { date: day, shift: 'MORNING', userId: userId.gl_county } })
      ).addLegalDuty;
      expect(staffDuty).toMatchObject({
        unitId: uid('GL-LEGAL'),
        date: day,
        shift: 'MORNING',
        userId: userId.gl_county,
        personName: '鼓楼区受理员',
      });
      let volunteerDuty = (
        await ok('gl_county', Q.addDuty, {
          input: { date: day, shift: 'AFTERNOON', volunteerId: v1.id, note: '接待来访' },
        })
      ).addLegalDuty;
      expect(volunteerDuty).toMatchObject({ volunteerId: v1.id, personName: `${run}陈律师` });
      expect(
        (await err('gl_county', Q.addDuty, { input: { date: day, shift: 'MORNING', userId: userId.gl_county } }))
          .extensions,
      ).toMatchObject({ code: 'LEGAL_DUTY_TAKEN' });
      expect(
        (
          await err('gl_county', Q.addDuty, {
            input: { date: day, shift: 'MORNING', userId: userId.gl_county, volunteerId: v1.id },
          })
        ).extensions,
      ).toMatchObject({ code: 'LEGAL_DUTY_PERSON' });
      expect(
        (await err('gl_county', Q.addDuty, { input: { date: day, shift: 'MORNING', userId: userId.hx_county } }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.userId' });
      expect(
        (await err('gl_county', Q.addDuty, { input: { date: day, shift: 'NIGHT', userId: userId.gl_county } }))
          .extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT' });
      volunteerDuty = (
        await ok('gl_county', Q.updateDuty, { input: { id: volunteerDuty.id, version: 1, shift: 'FULL_DAY' } })
      ).updateLegalDuty;
      expect(volunteerDuty).toMatchObject({ shift: 'FULL_DAY', version: 2 });
      const roster = (await ok('gl_county', Q.roster, { from: day, to: day })).legalDutyRoster;
      expect(roster.map((d: { id: string; shift: string }) => [d.id, d.shift])).toEqual([
        [staffDuty.id, 'MORNING'],
        [volunteerDuty.id, 'FULL_DAY'],
      ]);
      expect((await err('gl_county', Q.roster, { from: '2031-01-01', to: '2031-12-31' })).extensions).toMatchObject({
        code: 'LEGAL_RANGE_TOO_LONG',
      });
      expect(await ok('gl_county', Q.removeDuty, { input: { id: staffDuty.id, version: 1 } })).toEqual({
        removeLegalDuty: true,
      });
      expect(
        (await ok('gl_county', Q.roster, { from: day, to: day })).legalDutyRoster.map((d: { id: string }) => d.id),
      ).toEqual([volunteerDuty.id]);

      v1 = (await ok('gl_county', Q.updateVolunteer, { input: { id: v1.id, version: 2, active: false } }))
        .updateLegalVolunteer;
      expect(
        (await err('gl_county', Q.addDuty, { input: { date: day, shift: 'EVENING', volunteerId: v1.id } })).extensions,
      ).toMatchObject({ code: 'LEGAL_DUTY_PERSON' });
    });
  });

  describe('data scope', () => {
    it("keeps one county's legal items from another county: lists, ids, updates, archive and roster", async () => {
      const hxCase = await registerComplaint('hx_county');
      const hxCons = (
        await ok('hx_county', Q.createConsultation, { input: { caseId: hxCase.id, question: `${run} 红星县的咨询` } })
      ).createLegalConsultation;
      expect(hxCons.unitId).toBe(uid('HX-LEGAL'));
      const hxLit = (
        await ok('hx_county', Q.requestLitigation, { input: { caseId: hxCase.id, request: `${run} 红星县的诉讼支持` } })
      ).requestLitigationSupport;
      const hxVol = (await ok('hx_county', Q.createVolunteer, { input: { name: `${run}红星律师` } }))
        .createLegalVolunteer;
      const hxTraining = (
        await ok('hx_county', Q.createTraining, {
          input: { topic: `${run} 红星县培训`, heldOn: '2031-05-07', attendeeIds: [hxVol.id] },
        })
      ).createLegalTraining;
      const hxDuty = (
        await ok('hx_county', Q.addDuty, { input: { date: '2031-05-07', shift: 'MORNING', volunteerId: hxVol.id } })
      ).addLegalDuty;
      const glCons = (
        await ok('gl_county', Q.createConsultation, { input: { askerName: '赵六', question: `${run} 鼓楼区的咨询` } })
      ).createLegalConsultation;

      const ids = (page: { items: { id: string }[] }) => page.items.map((x) => x.id);
      expect(ids((await ok('gl_county', Q.consultations, { p: { limit: 100 } })).legalConsultations)).not.toContain(
        hxCons.id,
      );
      expect(ids((await ok('gl_county', Q.litigations, { p: { limit: 100 } })).litigationSupports)).not.toContain(
        hxLit.id,
      );
      expect(
        ids((await ok('gl_county', Q.volunteers, { f: { keyword: run }, p: { limit: 100 } })).legalVolunteers),
      ).not.toContain(hxVol.id);
      expect(
        ids((await ok('gl_county', Q.trainings, { f: { from: '2031-05-07', to: '2031-05-07' } })).legalTrainings),
      ).not.toContain(hxTraining.id);
      expect(
        ids({ items: (await ok('gl_county', Q.roster, { from: '2031-05-07', to: '2031-05-07' })).legalDutyRoster }),
      ).not.toContain(hxDuty.id);
      expect(
        (await err('gl_county', Q.roster, { from: '2031-05-07', to: '2031-05-07', unitId: uid('HX-LEGAL') }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
      expect((await err('gl_county', Q.consultations, { f: { unitId: uid('HX') } })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'filter.unitId',
      });

      for (const [query, id] of [
        [Q.consultation, hxCons.id],
        [Q.litigation, hxLit.id],
        [Q.volunteer, hxVol.id],
        [Q.training, hxTraining.id],
      ] as const) {
        expect((await err('gl_county', query, { id })).extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
      }
      expect(
        (await err('gl_county', Q.updateConsultation, { input: { id: hxCons.id, version: 1, answer: '越权答复' } }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        (
          await err('gl_county', Q.updateLitigation, {
            input: { id: hxLit.id, version: 1, status: 'CLOSED', outcome: '越权' },
          })
        ).extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(
        (await err('gl_county', Q.updateVolunteer, { input: { id: hxVol.id, version: 1, active: false } })).extensions,
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        (await err('gl_county', Q.updateTraining, { input: { id: hxTraining.id, version: 1, topic: '越权' } }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(
        (await err('gl_county', Q.updateDuty, { input: { id: hxDuty.id, version: 1, shift: 'EVENING' } })).extensions,
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect((await err('gl_county', Q.removeDuty, { input: { id: hxDuty.id, version: 1 } })).extensions).toMatchObject(
        { code: 'NOT_FOUND' },
      );
      expect(
        (
          await err('gl_county', Q.attendance, {
            input: { trainingId: hxTraining.id, version: 1, attendance: [{ volunteerId: hxVol.id, attended: true }] },
          })
        ).extensions,
      ).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.trainingId',
      });
      // Naming another county's volunteer fails the whole training: nothing is half-stored.
      const topic = `${run} 越权培训`;
      expect(
        (await err('gl_county', Q.createTraining, { input: { topic, heldOn: '2031-05-08', attendeeIds: [hxVol.id] } }))
          .extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.attendeeIds.0' });
      expect(
        Number((await api.ds.query('SELECT COUNT(*) AS n FROM legal_training WHERE topic = ?', [topic]))[0].n),
      ).toBe(0);
      expect((await ok('hx_county', Q.training, { id: hxTraining.id })).legalTraining.attendees).toEqual([
        { volunteerId: hxVol.id, name: hxVol.name, attended: null },
      ]);
      expect(
        (await err('gl_county', Q.requestLitigation, { input: { caseId: hxCase.id, request: '越权' } })).extensions,
      ).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseId' });

      const glArchive = (await ok('gl_county', Q.archive, { k: run, p: { limit: 100 } })).legalArchive;
      expect(glArchive.items.map((x: { id: string }) => x.id)).toContain(glCons.id);
      expect(glArchive.items.every((x: { unitId: string }) => x.unitId !== uid('HX-LEGAL'))).toBe(true);
      const hxArchive = (await ok('hx_county', Q.archive, { k: run, p: { limit: 100 } })).legalArchive;
      expect(hxArchive.items.map((x: { kind: string; id: string }) => `${x.kind}:${x.id}`).sort()).toEqual(
        [`CONSULTATION:${hxCons.id}`, `LITIGATION:${hxLit.id}`].sort(),
      );

      // The city's legal officer (all units) sees both counties; station staff only their station.
      const cityArchive = (await ok('city_legal', Q.archive, { k: run, p: { limit: 100 } })).legalArchive;
      expect(cityArchive.items.map((x: { id: string }) => x.id)).toEqual(
        expect.arrayContaining([glCons.id, hxCons.id, hxLit.id]),
      );
      expect((await ok('gl_station', Q.archive, { k: run, p: { limit: 100 } })).legalArchive.total).toBe(0);
    });

    it('searches the archive by keyword and kind, newest first', async () => {
      const key = `${run}ARCH`;
      const c = await registerComplaint('gl_county');
      const cons = (
        await ok('gl_county', Q.createConsultation, {
          input: {
            askerName: '钱七',
            question: '网购退货运费谁承担？',
            answer: '七日无理由退货的运费由消费者承担，另有约定除外。',
            lawsCited: [`${key}网络购买商品七日无理由退货暂行办法`],
          },
        })
      ).createLegalConsultation;
      api.clock.advance(1000);
      const lit = (await ok('gl_county', Q.requestLitigation, { input: { caseId: c.id, request: `${key} 起诉商家` } }))
        .requestLitigationSupport;
      const all = (await ok('gl_county', Q.archive, { k: key })).legalArchive;
      expect(all.total).toBe(2);
      expect(all.items.map((x: { kind: string; id: string }) => [x.kind, x.id])).toEqual([
        ['LITIGATION', lit.id],
        ['CONSULTATION', cons.id],
      ]);
      expect(all.items[1]).toMatchObject({
        title: '网购退货运费谁承担？',
        status: 'ANSWERED',
        result: '七日无理由退货的运费由消费者承担，另有约定除外。',
      });
      expect(all.items[0]).toMatchObject({ caseId: c.id, caseNo: c.caseNo, status: 'REQUESTED' });
      const onlyCons = (await ok('gl_county', Q.archive, { k: key, kind: 'CONSULTATION' })).legalArchive;
      expect(onlyCons.items.map((x: { id: string }) => x.id)).toEqual([cons.id]);
      const byCaseNo = (await ok('gl_county', Q.archive, { k: c.caseNo })).legalArchive;
      expect(byCaseNo.items.map((x: { id: string }) => x.id)).toEqual([lit.id]);
      expect((await ok('gl_county', Q.archive, { k: '100%_不存在' })).legalArchive.total).toBe(0);
      expect((await err('gl_county', Q.archive, { k: 'x'.repeat(101) })).extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'keyword',
      });
    });
  });

  describe('work queue (待办)', () => {
    it("lists the open items of the user's own legal workroom with the linked case's deadline, sortable by time left", async () => {
      await closeOpenItems();
      const now = api.clock.now().getTime();
      const due = async (hours: number) => {
        const c = await insertCase(api.ds, { unitCode: 'GL' });
        await api.ds.getRepository(CaseEntity).update(c.id, { dueAt: new Date(now + hours * HOUR) });
        return c;
      };
      const [soon, overdue, later] = [await due(2), await due(-1), await due(48)];
      const consSoon = (
        await ok('gl_county', Q.createConsultation, { input: { caseId: soon.id, question: '两小时后到期' } })
      ).createLegalConsultation;
      const litOverdue = (
        await ok('gl_county', Q.requestLitigation, { input: { caseId: overdue.id, request: '已超期' } })
      ).requestLitigationSupport;
      const consLater = (
        await ok('gl_county', Q.createConsultation, { input: { caseId: later.id, question: '两天后到期' } })
      ).createLegalConsultation;
      const consNoCase = (
        await ok('gl_county', Q.createConsultation, { input: { askerName: '孙八', question: '无期限' } })
      ).createLegalConsultation;
      const answered = (
        await ok('gl_county', Q.createConsultation, {
          input: { caseId: soon.id, question: '已答复', answer: '已当场答复' },
        })
      ).createLegalConsultation;
      const cityCase = await registerComplaint('city_op');
      const cityCons = (
        await ok('city_legal', Q.createConsultation, { input: { caseId: cityCase.id, question: '市中心的咨询' } })
      ).createLegalConsultation;
      expect(cityCons.unitId).toBe(uid('CITY-LEGAL'));

      const queue = async (who: string, sort?: string) =>
        (await ok(who, Q.queue, { sort, p: { limit: 100 } })).legalWorkQueue;
      const glQueue = await queue('gl_county');
      const key = (x: { kind: string; id: string }) => `${x.kind}:${x.id}`;
      expect(glQueue.items.map(key)).toEqual([
        `LITIGATION:${litOverdue.id}`,
        `CONSULTATION:${consSoon.id}`,
        `CONSULTATION:${consLater.id}`,
        `CONSULTATION:${consNoCase.id}`,
      ]);
      expect(glQueue.total).toBe(4);
      const [first, second, , last] = glQueue.items;
      expect(first).toMatchObject({ caseId: overdue.id, caseNo: overdue.caseNo, status: 'REQUESTED', overdue: true });
      expect(first.timeLeftMs).toBeLessThan(0);
      expect(second).toMatchObject({
        status: 'AWAITING_ANSWER',
        overdue: false,
        dueAt: new Date(now + 2 * HOUR).toISOString(),
      });
      expect(second.timeLeftMs).toBe(2 * HOUR);
      expect(last).toMatchObject({ caseId: null, dueAt: null, timeLeftMs: null, overdue: false });
      expect((await queue('gl_county', 'TIME_LEFT_DESC')).items.map(key)).toEqual([
        `CONSULTATION:${consLater.id}`,
        `CONSULTATION:${consSoon.id}`,
        `LITIGATION:${litOverdue.id}`,
        `CONSULTATION:${consNoCase.id}`,
      ]);
      expect((await queue('gl_county', 'OLDEST_FIRST')).items.map(key)[0]).toBe(`CONSULTATION:${consSoon.id}`);
      expect(glQueue.items.map(key)).not.toContain(`CONSULTATION:${answered.id}`);

      // Each user sees the queue of their own workroom: the city's legal officer sees the city's, not Gulou's.
      const cityQueue = await queue('city_legal');
      expect(cityQueue.items.map(key)).toEqual([`CONSULTATION:${cityCons.id}`]);
      expect((await queue('hx_county')).items.map(key)).not.toContain(`CONSULTATION:${consSoon.id}`);

      // Answering takes a consultation off the queue.
      await ok('gl_county', Q.updateConsultation, { input: { id: consSoon.id, version: 1, answer: '已答复' } });
      expect((await queue('gl_county')).items.map(key)).not.toContain(`CONSULTATION:${consSoon.id}`);
    });
  });
});
