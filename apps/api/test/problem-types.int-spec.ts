import ExcelJS from 'exceljs';
import { OrgUnitEntity, seedDemoCases, StatMaintainer } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const TYPES = `query($all: Boolean!) { problemTypes(includeInactive: $all) { code name sortOrder active version inUse } }`;
const CREATE = `mutation($i: CreateProblemTypeInput!) { createProblemType(input: $i) { code name active version } }`;
const UPDATE = `mutation($i: UpdateProblemTypeInput!) { updateProblemType(input: $i) { code name active version inUse } }`;
const DELETE = `mutation($c: ID!) { deleteProblemType(code: $c) }`;
const REGISTER = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo problemType } }`;
const TABLE = `query($i: StatTableInput!) { statTable(input: $i) { key label cells { metric n amount } } }`;
const FIGURE = `query($f: StatFilterInput!) { statFigure(filter: $f) { n amount } }`;
const CASES = `query($f: StatFilterInput!) { statCases(filter: $f, page: { offset: 0, limit: 1 }) { total } }`;

interface Type {
  code: string;
  name: string;
  sortOrder: number;
  active: boolean;
  version: number;
  inUse: boolean;
}
interface TableRow {
  key: string;
  label: string;
  cells: { metric: string; n: number; amount: number }[];
}

const PERIOD = { from: '2026-01-01', to: '2026-12-31' };
/** Names unique per run: the test database keeps what earlier runs added. */
const tag = Date.now().toString(36).slice(-5);
const METRICS = ['RECEIVED', 'ACCEPTED', 'CONCLUDED', 'MEDIATION_SUCCESS', 'RECOVERED'];
const complaint = (unitId: string, problemType?: string) => ({
  kind: 'COMPLAINT',
  channel: 'PHONE_12315',
  unitId,
  consumer: { name: '王五', phone: '13900002222' },
  respondent: { name: `测试商行${Math.random().toString(36).slice(2, 8)}` },
  summary: '购买的电水壶使用三天后漏电，要求退货',
  ...(problemType === undefined ? {} : { problemType }),
});

// 投诉问题类别 (issue 14 item 3): a dictionary administrators maintain, checked at registration,
// a statistics dimension, and the 消费者投诉处理情况表 whose figures are the drill-down's and the export's.
describe('Problem types: dictionary, registration, and the table by problem type', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  const as: Record<string, { client: GqlClient; token: string }> = {};
  const id = (code: string) => String(units.get(code)!.id);
  const drain = () => new StatMaintainer(api.ds, api.clock).drainAll(60_000);

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoCases(api.ds, { count: 300, now: new Date('2026-06-30T04:00:00Z') });
    await drain();
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['admin', 'city_op', 'city_director', 'gl_county', 'hx_county']) {
      const l = await loginAs(api.gql, name);
      as[name] = { client: l.client, token: l.accessToken };
    }
  }, 180_000);
  afterAll(() => api?.close());

  const types = async (all = true) =>
    (await as.admin!.client.ok<{ problemTypes: Type[] }>(TYPES, { all })).problemTypes;
  const table = async (who: string, extra: Record<string, unknown> = {}) =>
    (
      await as[who]!.client.ok<{ statTable: TableRow[] }>(TABLE, {
        i: { ...PERIOD, rowsBy: 'problemType', kind: 'COMPLAINT', metrics: METRICS, ...extra },
      })
    ).statTable;
  const caseCount = async () => Number((await api.ds.query('SELECT COUNT(*) n FROM wq_case'))[0].n);

  it('starts with the twelve categories of the table, in its order', async () => {
    // (the test database is shared and kept between runs: entries other runs added come after these)
    expect((await types()).slice(0, 12).map((t) => t.name)).toEqual([
      '质量',
      '安全',
      '计量',
      '合同',
      '售后服务',
      '人格尊严',
      '广告',
      '商标',
      '价格',
      '假冒',
      '虚假宣传',
      '其他',
    ]);
  });

  it('administrators add, rename and disable; names stay unique; operators may not; every change is audited', async () => {
    const added = (await as.admin!.client.ok<{ createProblemType: Type }>(CREATE, { i: { name: `预付卡${tag}` } }))
      .createProblemType;
    expect(added).toMatchObject({ name: `预付卡${tag}`, active: true });
    expect((await types()).at(-1)!.code).toBe(added.code); // appended after 其他

    const dup = await as.admin!.client.error(CREATE, { i: { name: '质量' } });
    expect(dup.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const denied = await as.city_op!.client.error(CREATE, { i: { name: `物业${tag}` } });
    expect(denied.extensions?.code).toBe('FORBIDDEN');

    const renamed = (
      await as.admin!.client.ok<{ updateProblemType: Type }>(UPDATE, {
        i: { code: added.code, version: added.version, name: `预付式消费${tag}` },
      })
    ).updateProblemType;
    expect(renamed.name).toBe(`预付式消费${tag}`);
    // a stale version loses (two administrators editing at once: exactly one wins)
    const stale = await as.admin!.client.error(UPDATE, {
      i: { code: added.code, version: added.version, active: false },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT' });

    const audit: { action: string }[] = await api.ds.query(
      `SELECT action FROM audit_event WHERE target_type = 'problem_type' AND target_id = ? ORDER BY id`,
      [added.code],
    );
    expect(audit.map((a) => a.action)).toEqual(['createProblemType', 'updateProblemType']);
  });

  it('registration takes an active type, and rejects an unknown or disabled one naming the field, storing nothing', async () => {
    const ok = (
      await as.city_op!.client.ok<{ registerCase: { problemType: string } }>(REGISTER, {
        input: complaint(id('CITY'), 'QUALITY'),
      })
    ).registerCase;
    expect(ok.problemType).toBe('QUALITY');

    const off = (await as.admin!.client.ok<{ createProblemType: Type }>(CREATE, { i: { name: `待停用${tag}` } }))
      .createProblemType;
    await as.admin!.client.ok(UPDATE, { i: { code: off.code, version: off.version, active: false } });
    expect((await types(false)).some((t) => t.code === off.code)).toBe(false);

    const before = await caseCount();
    for (const code of ['NO_SUCH_TYPE', off.code]) {
      const e = await as.city_op!.client.error(REGISTER, { input: complaint(id('CITY'), code) });
      expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.problemType' });
    }
    expect(await caseCount()).toBe(before);

    // a disabled unused type may be deleted; an active one or one in use may not (only disabled)
    const active = await as.admin!.client.error(DELETE, { c: 'SAFETY' });
    expect(active.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const quality = (await types()).find((t) => t.code === 'QUALITY')!;
    expect(quality.inUse).toBe(true);
    await as.admin!.client.ok(UPDATE, { i: { code: 'QUALITY', version: quality.version, active: false } });
    const used = await as.admin!.client.error(DELETE, { c: 'QUALITY' });
    expect(used.extensions).toMatchObject({ code: 'CONFLICT', field: 'code' });
    const q2 = (await types()).find((t) => t.code === 'QUALITY')!;
    await as.admin!.client.ok(UPDATE, { i: { code: 'QUALITY', version: q2.version, active: true } });
    expect(await as.admin!.client.ok(DELETE, { c: off.code })).toEqual({ deleteProblemType: true });
    expect((await types()).some((t) => t.code === off.code)).toBe(false);
  });

  it('the table counts hand-registered complaints exactly, under the type’s current name', async () => {
    const t = (await as.admin!.client.ok<{ createProblemType: Type }>(CREATE, { i: { name: `网络直播${tag}` } }))
      .createProblemType;
    for (const unit of ['GL', 'GL', 'HX'])
      await as.city_op!.client.ok(REGISTER, { input: complaint(id(unit), t.code) });
    await drain();
    await as.admin!.client.ok(UPDATE, { i: { code: t.code, version: t.version, name: `直播带货${tag}` } });
    const row = (await table('city_director')).find((r) => r.key === t.code)!;
    expect(row.label).toBe(`直播带货${tag}`);
    expect(row.cells.find((c) => c.metric === 'RECEIVED')!.n).toBe(3);
    expect(row.cells.find((c) => c.metric === 'ACCEPTED')!.n).toBe(0); // registered, not yet accepted
    const gl = (await table('gl_county')).find((r) => r.key === t.code)!;
    expect(gl.cells.find((c) => c.metric === 'RECEIVED')!.n).toBe(2);
  }, 60_000);

  it('each cell = its figure = the drill-down total = the exported rows; the table export = the screen', async () => {
    const rows = await table('city_director');
    const dict = (await types(false)).map((t) => t.code);
    expect(rows.slice(0, dict.length).map((r) => r.key)).toEqual(dict); // every active category, zeros included
    const filled = rows.filter((r) => r.cells[0]!.n > 0);
    expect(filled.length).toBeGreaterThan(5);
    for (const r of filled.slice(0, 4)) {
      for (const metric of ['RECEIVED', 'CONCLUDED']) {
        const f = { metric, ...PERIOD, kind: 'COMPLAINT', problemType: r.key };
        const cell = r.cells.find((c) => c.metric === metric)!.n;
        const fig = (await as.city_director!.client.ok<{ statFigure: { n: number } }>(FIGURE, { f })).statFigure.n;
        const drill = (await as.city_director!.client.ok<{ statCases: { total: number } }>(CASES, { f })).statCases;
        const res = await fetch(`${api.url}/api/stats/cases.xlsx?${new URLSearchParams(f)}`, {
          headers: { authorization: `Bearer ${as.city_director!.token}` },
        });
        expect({ fig, total: drill.total, header: res.headers.get('x-total-rows') }).toEqual({
          fig: cell,
          total: cell,
          header: String(cell),
        });
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
        expect(wb.getWorksheet('明细')!.rowCount - 1).toBe(cell);
      }
    }

    const qs = new URLSearchParams({ ...PERIOD, rowsBy: 'problemType', kind: 'COMPLAINT', metrics: METRICS.join(',') });
    const res = await fetch(`${api.url}/api/stats/table.xlsx?${qs}`, {
      headers: { authorization: `Bearer ${as.city_director!.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('统计表')!;
    expect(sheet.getCell('A1').value).toBe('消费者投诉处理情况表');
    const lines: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 3) lines.push((row.values as unknown[]).slice(1));
    });
    const wan = (yuan: number) => Math.round(yuan / 100) / 100;
    const screen = rows.map((r) => [
      r.label,
      ...METRICS.map((m) =>
        m === 'RECOVERED' ? wan(r.cells.find((c) => c.metric === m)!.amount) : r.cells.find((c) => c.metric === m)!.n,
      ),
    ]);
    const sum = (i: number) =>
      rows.reduce((s, r) => s + (METRICS[i] === 'RECOVERED' ? r.cells[i]!.amount : r.cells[i]!.n), 0);
    expect(lines).toEqual([...screen, ['合计', ...METRICS.map((m, i) => (m === 'RECOVERED' ? wan(sum(i)) : sum(i)))]]);
    expect(wb.getWorksheet('指标定义')!.rowCount).toBeGreaterThan(20);
  }, 120_000);

  it('a county’s table covers its subtree only; another county’s unit answers as missing, export included', async () => {
    const gl = await table('gl_county');
    const cityGl = await table('city_director', { unitId: id('GL') });
    expect(gl).toEqual(cityGl);
    const hx = await table('hx_county');
    const city = await table('city_director');
    const total = (rs: TableRow[]) => rs.reduce((s, r) => s + r.cells[0]!.n, 0);
    expect(total(gl)).toBeGreaterThan(0);
    expect(total(gl) + total(hx)).toBeLessThanOrEqual(total(city));

    const e = await as.gl_county!.client.error(TABLE, {
      i: { ...PERIOD, rowsBy: 'problemType', metrics: METRICS, unitId: id('HX') },
    });
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    const qs = new URLSearchParams({ ...PERIOD, rowsBy: 'problemType', metrics: 'RECEIVED', unitId: id('HX') });
    const res = await fetch(`${api.url}/api/stats/table.xlsx?${qs}`, {
      headers: { authorization: `Bearer ${as.gl_county!.token}` },
    });
    expect(res.status).toBe(404);
  }, 60_000);
});
