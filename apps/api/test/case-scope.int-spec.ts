import { CaseEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, CASES, CASE_BY_NO, complaint, MUTATIONS, MutationName } from './case-ops';

// Minimal valid input per mutation, so the only thing that can fail is access.
const VALID: Record<MutationName, Record<string, unknown>> = {
  requestMaterials: { missingItems: ['发票'] },
  supplyMaterials: {},
  acceptCase: {},
  rejectCase: { ground: 'TIME_BARRED' },
  decideFiling: { filed: true },
  dispatchCase: { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' },
  receiveCase: {},
  returnCase: { reason: '无管辖权' },
  recordContact: { method: 'PHONE', content: '联系' },
  suspendCase: { reason: 'TESTING' },
  resumeCase: {},
  requestExtension: { reason: '需要时间', days: 3 },
  decideExtension: { approved: true },
  requestSuspension: { reason: '需调查' },
  decideSuspension: { approved: true },
  concludeCase: { outcome: 'MEDIATED' },
  replyCase: { content: '答复' },
  answerConsultation: { content: '答复' },
  recordFollowUp: { result: 'REACHED', satisfaction: 'SATISFIED' },
  archiveCase: {},
  declareRecusal: { reason: '亲属' },
  mergeReport: { intoCaseId: '1' },
};

describe('Case access across counties', () => {
  let api: TestApi;
  let gl: CaseOps;
  let glCase: { id: string; caseNo: string; version: number };
  const marker = `SCOPE-${Date.now()}`;

  beforeAll(async () => {
    api = await startTestApi();
    gl = new CaseOps((await loginAs(api.gql, 'gl_county')).client);
    glCase = await gl.register(complaint({ summary: `鼓楼区的投诉 ${marker}` }));
  });
  afterAll(() => api?.close());

  const MISSING = '99999999999';

  describe.each(['hx_county', 'hx_director', 'hx_station'])('as %s of another county', (username) => {
    let other: CaseOps;
    beforeAll(async () => {
      other = new CaseOps((await loginAs(api.gql, username)).client);
    });

    it('cannot read the case by id or number, and gets the answer a missing case gets', async () => {
      const byId = await other.gql.error(`query($id: ID!) { case(id: $id) { id } }`, { id: glCase.id });
      const missing = await other.gql.error(`query($id: ID!) { case(id: $id) { id } }`, { id: MISSING });
      expect(byId.extensions).toEqual(missing.extensions);
      expect(byId.message).toBe(missing.message);
      expect(byId.extensions?.code).toBe('NOT_FOUND');
      const byNo = await other.gql.error(CASE_BY_NO, { no: glCase.caseNo });
      const noMissing = await other.gql.error(CASE_BY_NO, { no: 'GL-2099-999999' });
      expect(byNo.extensions).toEqual(noMissing.extensions);
    });

    it('cannot find the case by listing, keyword, phone or unit filter', async () => {
      const { cases } = await other.gql.ok<{ cases: { total: number; items: { id: string }[] } }>(CASES, {
        f: { keyword: marker },
        p: { limit: 100 },
      });
      expect(cases.total).toBe(0);
      const all = await other.gql.ok<{ cases: { items: { id: string }[] } }>(CASES, { p: { limit: 100 } });
      expect(all.cases.items.map((i) => i.id)).not.toContain(glCase.id);
      const glUnit = await api.ds.query("SELECT id FROM org_unit WHERE code = 'GL'");
      const byUnit = await other.gql.error(CASES, { f: { unitId: String(glUnit[0].id) } });
      expect(byUnit.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.unitId' });
    });

    it.each(MUTATIONS)('cannot %s the case, and gets the answer a missing case gets', async (name) => {
      const before = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: glCase.id });
      const onOther = await other.fail(name, { id: glCase.id, version: before.version }, VALID[name]);
      const onMissing = await other.fail(name, { id: MISSING, version: before.version }, VALID[name]);
      expect(onOther.extensions?.code).toBe('NOT_FOUND');
      expect(onOther.extensions).toEqual(onMissing.extensions);
      expect(onOther.message).toBe(onMissing.message);
      const after = await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: glCase.id });
      expect(after.version).toBe(before.version);
      expect(after.state).toBe(before.state);
    });

    it('cannot unmask the consumer of the case', async () => {
      const doc = `mutation($i: UnmaskConsumerInput!) { unmaskConsumer(input: $i) { phone } }`;
      const onOther = await other.gql.error(doc, { i: { caseId: glCase.id, reason: '看看' } });
      const onMissing = await other.gql.error(doc, { i: { caseId: MISSING, reason: '看看' } });
      expect(onOther.extensions).toEqual(onMissing.extensions);
    });
  });

  it('lets the city operator and the county itself see the case', async () => {
    const city = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    expect((await city.get(glCase.id)).caseNo).toBe(glCase.caseNo);
    const { cases } = await gl.gql.ok<{ cases: { total: number } }>(CASES, { f: { keyword: marker } });
    expect(cases.total).toBe(1);
  });

  it('answers list totals (read from the per-unit counters) equal to the rows in scope', async () => {
    const glPath = (await api.ds.query("SELECT path FROM org_unit WHERE code = 'GL'"))[0].path;
    const count = async (where: string, params: unknown[]) =>
      Number((await api.ds.query(`SELECT COUNT(*) AS n FROM wq_case WHERE ${where}`, params))[0].n);
    const total = async (ops: CaseOps, f: Record<string, unknown>) =>
      (await ops.gql.ok<{ cases: { total: number } }>(CASES, { f })).cases.total;
    expect(await total(gl, { open: true })).toBe(await count('owner_path LIKE ? AND is_open = 1', [`${glPath}%`]));
    expect(await total(gl, { states: ['REGISTERED'], kinds: ['COMPLAINT'] })).toBe(
      await count("owner_path LIKE ? AND state = 'REGISTERED' AND kind = 'COMPLAINT'", [`${glPath}%`]),
    );
    const city = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    expect(await total(city, {})).toBe(await count('1 = 1', []));
    const station = new CaseOps((await loginAs(api.gql, 'gl_station')).client);
    const t1 = (await api.ds.query("SELECT id FROM org_unit WHERE code = 'GL-T1'"))[0].id;
    expect(await total(station, { open: true })).toBe(await count('owner_unit_id = ? AND is_open = 1', [t1]));
  });

  it('keeps a station user to its own unit', async () => {
    const station = new CaseOps((await loginAs(api.gql, 'gl_station')).client);
    // the case sits at the county center, above the station
    expect(
      (await station.gql.error(`query($id: ID!) { case(id: $id) { id } }`, { id: glCase.id })).extensions?.code,
    ).toBe('NOT_FOUND');
  });
});
