import { AuditEventEntity, CaseEntity, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CaseView, complaint } from './case-ops';

const CORRECT = `mutation($input: CorrectCaseInput!) { correctCase(input: $input) { id version summary state consumer { phone } flags { majorUrgent groupComplaint mediaAttention } } }`;
const CASES = `query($f: CaseFilter) { cases(filter: $f, page: { limit: 100 }) { total items { id } } }`;
const NOTIFICATIONS = `{ notifications(page: { limit: 100 }) { items { kind title caseId } } }`;
const AUDIT = `query($f: AuditEventFilter, $p: PageInput) { auditEvents(filter: $f, page: $p) { total items { id action targetType targetId actorName detail createdAt } } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;

describe('Corrections, flags and trails (#11 items 13 and 14)', () => {
  let api: TestApi;
  const as: Record<string, CaseOps> = {};
  let units: Map<string, OrgUnitEntity>;
  const uid = (code: string) => String(units.get(code)!.id);
  const marker = `CORR-${Date.now()}`;

  beforeAll(async () => {
    api = await startTestApi();
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['gl_county', 'gl_director', 'gl_station', 'hx_county', 'hx_director', 'admin', 'city_mediator'])
      as[name] = new CaseOps((await loginAs(api.gql, name)).client);
  });
  afterAll(() => api?.close());

  const correct = (who: string, input: Record<string, unknown>) => as[who].gql.request(CORRECT, { input });
  const notified = async (who: string, kind: string, caseId: string) =>
    (
      await as[who].gql.ok<{ notifications: { items: { kind: string; caseId: string | null }[] } }>(NOTIFICATIONS)
    ).notifications.items.some((n) => n.kind === kind && n.caseId === caseId);
  const listed = async (who: string, f: Record<string, unknown>) =>
    (await as[who].gql.ok<{ cases: { items: { id: string }[] } }>(CASES, { f })).cases.items.map((i) => i.id);

  describe('更正 (item 13)', () => {
    it('corrects details before conclusion: who, when, old and new values on the timeline; a new flag notifies the directors at once', async () => {
      const c = await as.gl_county.register(complaint({ summary: `原始经过 ${marker}` }));
      const phone = '13912345678';
      const res = await correct('gl_county', {
        caseId: c.id,
        version: c.version,
        reason: '登记时电话记错',
        consumerPhone: phone,
        summary: `更正后的经过 ${marker}`,
        majorUrgent: true,
      });
      expect(res.errors).toBeUndefined();
      const after = (res.data as { correctCase: Record<string, any> }).correctCase;
      expect(after).toMatchObject({
        summary: `更正后的经过 ${marker}`,
        flags: { majorUrgent: true },
        state: 'REGISTERED',
      });
      expect(after.version).toBe(c.version + 1);

      const entry = (await as.gl_county.get(c.id)).timeline.find((e: { action: string }) => e.action === 'correctCase');
      expect(entry).toMatchObject({ actorName: '鼓楼区受理员', note: '登记时电话记错' });
      const detail = JSON.parse(entry.detail);
      expect(detail.changes).toEqual(
        expect.arrayContaining([
          { field: 'summary', from: `原始经过 ${marker}`, to: `更正后的经过 ${marker}` },
          { field: 'majorUrgent', from: false, to: true },
        ]),
      );
      // Identity numbers stay masked on the timeline; the audit log keeps them whole.
      const phoneChange = detail.changes.find((x: { field: string }) => x.field === 'consumerPhone');
      expect(phoneChange.to).not.toBe(phone);
      expect(phoneChange.to).toMatch(/\*/);
      const audit = await api.ds.getRepository(AuditEventEntity).findOneByOrFail({
        action: 'case.correct',
        targetId: c.id,
      });
      expect(JSON.stringify(audit.detail)).toContain(phone);

      expect(await notified('gl_director', 'CASE_FLAGGED', c.id)).toBe(true);
      expect(await notified('hx_director', 'CASE_FLAGGED', c.id)).toBe(false);
      expect(await notified('gl_county', 'CASE_FLAGGED', c.id)).toBe(false); // not the one who set it
    });

    it('a flag set at registration notifies the directors, and the case list filters by flag (within the county only)', async () => {
      const flagged = await as.gl_county.register(
        complaint({ summary: `群体 ${marker}`, flags: { groupComplaint: true, consentPublication: false } }),
      );
      const plain = await as.gl_county.register(complaint({ summary: `普通 ${marker}` }));
      expect(await notified('gl_director', 'CASE_FLAGGED', flagged.id)).toBe(true);
      expect(await notified('gl_director', 'CASE_FLAGGED', plain.id)).toBe(false);
      const group = await listed('gl_county', { keyword: marker, flags: ['GROUP_COMPLAINT'] });
      expect(group).toContain(flagged.id);
      expect(group).not.toContain(plain.id);
      expect(await listed('gl_county', { keyword: marker, flags: ['MEDIA_ATTENTION'] })).toEqual([]);
      expect(await listed('hx_county', { keyword: marker, flags: ['GROUP_COMPLAINT'] })).toEqual([]);
    });

    it('refuses after conclusion (coded), refuses nothing-to-change, and hides the case from another county', async () => {
      let c = await as.gl_county.register(complaint());
      c = await as.gl_county.run('acceptCase', c);
      c = await as.gl_county.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      // The handling station may correct too.
      const byStation = await correct('gl_station', {
        caseId: c.id,
        version: c.version,
        reason: '补充',
        demand: '退款',
      });
      expect(byStation.errors).toBeUndefined();
      c = await as.gl_station.get(c.id);
      const same = await correct('gl_station', { caseId: c.id, version: c.version, reason: '再改', demand: '退款' });
      expect(same.errors?.[0].extensions?.code).toBe('NOTHING_TO_CORRECT');

      const foreign = await correct('hx_county', { caseId: c.id, version: c.version, reason: 'x', demand: '赔偿' });
      const missing = await correct('hx_county', {
        caseId: '99999999999',
        version: c.version,
        reason: 'x',
        demand: '赔偿',
      });
      expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(foreign.errors?.[0].extensions).toEqual(missing.errors?.[0].extensions);

      c = await as.gl_station.run('receiveCase', c);
      c = await as.gl_station.run('concludeCase', c, { outcome: 'MEDIATED' });
      const late = await correct('gl_county', { caseId: c.id, version: c.version, reason: '晚了', demand: '赔偿' });
      expect(late.errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');
      const stored = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id });
      expect(stored.demand).toBe('退款');
      expect(stored.version).toBe(c.version);
    });

    it('of two concurrent corrections exactly one wins', async () => {
      const c = await as.gl_county.register(complaint());
      const results = await Promise.all(
        ['甲', '乙'].map((x) =>
          correct('gl_county', { caseId: c.id, version: c.version, reason: `并发${x}`, demand: `诉求${x}` }),
        ),
      );
      const won = results.filter((r) => !r.errors);
      const lost = results.filter((r) => r.errors);
      expect(won).toHaveLength(1);
      expect(lost[0].errors?.[0].extensions?.code).toBe('CONFLICT');
      const events = await api.ds.query(
        "SELECT COUNT(*) AS n FROM case_event WHERE case_id = ? AND action = 'correctCase'",
        [c.id],
      );
      expect(Number(events[0].n)).toBe(1);
    });

    it('rejects invalid values next to the field, storing nothing', async () => {
      const c = await as.gl_county.register(complaint());
      const bad = await correct('gl_county', {
        caseId: c.id,
        version: c.version,
        reason: '改电话',
        consumerPhone: '12',
      });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const blank = await correct('gl_county', { caseId: c.id, version: c.version, reason: '改经过', summary: '  ' });
      expect(blank.errors?.[0].extensions).toMatchObject({ field: 'input.summary' });
      expect((await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id })).version).toBe(c.version);
    });
  });

  describe('更正 of the problem type (#11 item 13, #14 dictionary)', () => {
    const NAMED = `query($id: ID!) { case(id: $id) { problemType problemTypeName version } }`;
    const named = async (id: string) =>
      (
        await as.gl_county.gql.ok<{
          case: { problemType: string | null; problemTypeName: string | null; version: number };
        }>(NAMED, { id })
      ).case;

    it('corrects the problem type to an active entry, named on the case and on the timeline; refuses unknown and disabled ones at the field, storing nothing', async () => {
      const c = await as.gl_county.register(complaint({ problemType: 'QUALITY' }));
      expect(await named(c.id)).toMatchObject({ problemType: 'QUALITY', problemTypeName: '质量' });

      const code = `PT_OFF${Date.now() % 1_000_000}`;
      await api.ds.query('INSERT INTO problem_type (code, name, sort_order, active) VALUES (?, ?, 999, 0)', [
        code,
        `停用类别${code}`,
      ]);
      for (const [problemType, message] of [
        [code, '已停用'],
        ['NO_SUCH_TYPE', '不存在'],
      ]) {
        const bad = await correct('gl_county', { caseId: c.id, version: c.version, reason: '改类别', problemType });
        expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.problemType' });
        expect(bad.errors?.[0].message).toContain(message);
      }
      expect(await named(c.id)).toMatchObject({ problemType: 'QUALITY', version: c.version });

      const ok = await correct('gl_county', {
        caseId: c.id,
        version: c.version,
        reason: '登记时类别选错',
        problemType: 'PRICE',
      });
      expect(ok.errors).toBeUndefined();
      expect(await named(c.id)).toMatchObject({
        problemType: 'PRICE',
        problemTypeName: '价格',
        version: c.version + 1,
      });
      const entry = (await as.gl_county.get(c.id)).timeline.find((e: { action: string }) => e.action === 'correctCase');
      expect(JSON.parse(entry.detail).changes).toEqual([{ field: 'problemType', from: '质量', to: '价格' }]);
      // the audit log keeps the codes (what the case row holds)
      const audit = await api.ds.getRepository(AuditEventEntity).findOneByOrFail({
        action: 'case.correct',
        targetId: String(c.id),
      });
      expect(JSON.stringify(audit.detail)).toContain('"to":"PRICE"');
      // another county cannot correct it
      const other = await correct('hx_county', {
        caseId: c.id,
        version: c.version + 1,
        reason: '越权',
        problemType: 'QUALITY',
      });
      expect(other.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    });
  });

  describe('trails (item 14)', () => {
    const auditOf = (action: string, targetId: string) =>
      api.ds.getRepository(AuditEventEntity).findOneBy({ action, targetId });

    it('a legal consultation without a case, and its edit, leave audit events', async () => {
      const create = `mutation($input: CreateLegalConsultationInput!) { createLegalConsultation(input: $input) { id version } }`;
      const update = `mutation($input: UpdateLegalConsultationInput!) { updateLegalConsultation(input: $input) { id version } }`;
      const { createLegalConsultation: lc } = await as.gl_county.gql.ok<{
        createLegalConsultation: { id: string; version: number };
      }>(create, { input: { askerName: '王五', question: `${marker} 预付卡商家跑路怎么办？` } });
      expect(await auditOf('legal.consultation.create', lc.id)).toMatchObject({ targetType: 'legal_consultation' });
      await as.gl_county.gql.ok(update, { input: { id: lc.id, version: lc.version, answer: '可向公安机关报案。' } });
      const edit = await auditOf('legal.consultation.update', lc.id);
      expect(edit?.detail).toMatchObject({ changed: ['answer'], previous: { answer: null } });
    });

    it('an edit of a mediation record keeps the old text, on the timeline (for the handlers) and in the audit log', async () => {
      const mediator2 = (await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_mediator2' })).id;
      const mediator = (await api.ds.getRepository(UserEntity).findOneByOrFail({ username: 'city_mediator' })).id;
      const city = new CaseOps((await loginAs(api.gql, 'city_op')).client);
      let c: CaseView = await city.register(complaint());
      c = await city.run('acceptCase', c);
      c = await city.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'ON_BEHALF' });
      c = await as.city_mediator.run('receiveCase', c);
      const rec = `mutation($input: RecordMediationSessionInput!) { recordMediationSession(input: $input) { id version } }`;
      const upd = `mutation($input: UpdateMediationSessionInput!) { updateMediationSession(input: $input) { id version record } }`;
      const { recordMediationSession: s } = await as.city_mediator.gql.ok<{
        recordMediationSession: { id: string; version: number };
      }>(rec, {
        input: {
          caseId: c.id,
          mode: 'PHONE',
          heldAt: new Date(api.clock.now().getTime() - 3_600_000).toISOString(),
          staffIds: [String(mediator), String(mediator2)],
          partiesConsented: true,
          parties: [
            { role: 'CONSUMER', name: '李四' },
            { role: 'BUSINESS', name: '王经理' },
          ],
          record: '第一次记录的原文',
          result: 'ADJOURNED',
        },
      });
      await as.city_mediator.gql.ok(upd, { input: { id: s.id, version: s.version, record: '修改后的记录' } });
      const entry = (await as.city_mediator.get(c.id)).timeline.find(
        (e: { action: string }) => e.action === 'updateMediationSession',
      );
      expect(JSON.parse(entry.detail).previous).toEqual({ record: '第一次记录的原文' });
      expect(entry.note).toBe('修改调解记录：调解记录'); // the field by its name on the form, not `record`
      const audit = await auditOf('mediation.session.update', s.id);
      expect(audit?.detail).toMatchObject({
        previous: { record: '第一次记录的原文' },
        current: { record: '修改后的记录' },
      });
    });

    it('an evidence download leaves an audit event naming the file and the case', async () => {
      const c = await as.gl_county.register(complaint());
      const token = (await loginAs(api.gql, 'gl_county')).accessToken;
      const form = new FormData();
      form.append('file', new Blob([Buffer.from('收据内容')], { type: 'text/plain' }), '收据.txt');
      const up = await fetch(`${api.url}/api/cases/${c.id}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      expect(up.status).toBe(201);
      const { id } = (await up.json()) as { id: string };
      const down = await fetch(`${api.url}/api/evidence/${id}/download`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(down.status).toBe(200);
      await down.arrayBuffer();
      expect(await auditOf('evidence.download', id)).toMatchObject({
        targetType: 'case_evidence',
        detail: { caseId: c.id, fileName: '收据.txt' },
      });
    });

    it('the city administrator searches the audit log; a county administrator and other staff cannot', async () => {
      const c = await as.gl_county.register(complaint());
      await correct('gl_county', { caseId: c.id, version: c.version, reason: '审计检索', demand: '检索' });
      const found = await as.admin.gql.ok<{
        auditEvents: { total: number; items: { action: string; actorName: string }[] };
      }>(AUDIT, { f: { action: 'case.correct', targetType: 'case', targetId: c.id }, p: { limit: 10 } });
      expect(found.auditEvents.total).toBe(1);
      expect(found.auditEvents.items[0]).toMatchObject({ action: 'case.correct', actorName: '鼓楼区受理员' });

      const username = `gl_admin_${Date.now()}`;
      await as.admin.gql.ok(CREATE_USER, {
        input: {
          username,
          displayName: '鼓楼区管理员',
          password: 'Passw0rd!x',
          roles: ['ADMIN'],
          unitId: uid('GL'),
          dataScope: 'SUBTREE',
        },
      });
      const countyAdmin: GqlClient = (await loginAs(api.gql, username, 'Passw0rd!x')).client;
      expect((await countyAdmin.error(AUDIT, {})).extensions?.code).toBe('FORBIDDEN');
      expect((await as.gl_county.gql.error(AUDIT, {})).extensions?.code).toBe('FORBIDDEN');
    });
  });
});
