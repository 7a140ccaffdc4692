import ExcelJS from 'exceljs';
import { OrgUnitEntity, seedDemoCases, StatMaintainer } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const REGISTER = `query($i: KpiBoardInput!, $p: PageInput) { statRegisterBook(input: $i, page: $p) {
  total items { visible caseNo consumerPhone respondentName problemTypeName outcome concludedAt amountRecovered } } }`;
const FIGURE = `query($f: StatFilterInput!) { statFigure(filter: $f) { n } }`;
const TABLE = `query($i: StatTableInput!) { statTable(input: $i) { key label cells { metric n amount } } }`;
const MONTH = `query($m: String!, $u: ID) { kpiMonth(month: $m, unitId: $u) { unitName current { code numerator denominator value } } }`;

// Every standard table leaves as Excel with what the screen shows: each file is read back with
// exceljs and compared with the GraphQL answer the console renders.
describe('Standard tables in Excel = on screen', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  const who: Record<string, { gql: any; token: string }> = {};
  const PERIOD = { from: '2026-04-01', to: '2026-06-30' };

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoCases(api.ds, { count: 300, now: new Date('2026-06-30T04:00:00Z') });
    await new StatMaintainer(api.ds, api.clock).drainAll(60_000);
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['city_director', 'gl_county']) {
      const l = await loginAs(api.gql, name);
      who[name] = { gql: l.client, token: l.accessToken };
    }
  }, 180_000);
  afterAll(() => api?.close());

  const sheet = async (who_: string, path: string, qs: Record<string, string>, name: string) => {
    const res = await fetch(`${api.url}/api/stats/${path}?${new URLSearchParams(qs)}`, {
      headers: { authorization: `Bearer ${who[who_]!.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const lines: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    return { lines, defs: wb.getWorksheet('指标定义')?.rowCount ?? 0, total: res.headers.get('x-total-rows') };
  };

  it('登记簿: the book lists, in time order, exactly the concluded complaints the screen lists; the count is the figure', async () => {
    for (const [user, unit] of [
      ['city_director', null],
      ['gl_county', null],
      ['city_director', 'HX'],
    ] as const) {
      const i = { ...PERIOD, unitId: unit ? String(units.get(unit)!.id) : null };
      // every page of the book as the console pages it (the shared test database grows run by run)
      const screen = { total: 0, items: [] as any[] };
      for (let offset = 0; ; offset += 100) {
        const page = (await who[user]!.gql.ok(REGISTER, { i, p: { offset, limit: 100 } })).statRegisterBook;
        screen.total = page.total;
        screen.items.push(...page.items);
        if (page.items.length < 100) break;
      }
      expect(screen.items).toHaveLength(screen.total);
      const fig = (await who[user]!.gql.ok(FIGURE, { f: { metric: 'CONCLUDED', kind: 'COMPLAINT', ...i } })).statFigure
        .n as number;
      expect(screen.total).toBe(fig);
      expect(screen.total).toBeGreaterThan(0);
      const file = await sheet(user, 'register.xlsx', unit ? { ...PERIOD, unitId: i.unitId! } : PERIOD, '登记簿');
      expect(file.lines[0]).toEqual(['受理和处理消费者投诉登记簿']);
      expect(file.total).toBe(String(fig));
      const body = file.lines.slice(3);
      expect(body.map((l) => l[0])).toEqual(screen.items.map((_, n) => n + 1));
      expect(body.map((l) => l[2])).toEqual(
        screen.items.map((r) => (r.visible ? r.caseNo : '（已移交本人范围外单位，仅计数）')),
      );
      expect(body.map((l) => l[4] || null)).toEqual(screen.items.map((r) => r.consumerPhone ?? null)); // masked as on screen
      expect(body.map((l) => l[6] || null)).toEqual(screen.items.map((r) => r.problemTypeName ?? null));
      const received = body.map((l) => String(l[1]).slice(0, 10)); // ordered by the received day
      expect([...received].sort()).toEqual(received); // oldest first
    }
  }, 120_000);

  it('a county’s book holds only its own subtree’s complaints', async () => {
    const screen = (await who.gl_county!.gql.ok(REGISTER, { i: PERIOD, p: { offset: 0, limit: 100 } }))
      .statRegisterBook as { items: { caseNo: string | null }[] };
    const nos = screen.items.map((r) => r.caseNo).filter((n): n is string => !!n);
    expect(nos.length).toBeGreaterThan(0);
    const paths: { owner_path: string }[] = await api.ds.query(
      `SELECT owner_path FROM wq_case WHERE case_no IN (${nos.map(() => '?').join(',')})`,
      nos,
    );
    for (const p of paths) expect(p.owner_path.startsWith(units.get('GL')!.path)).toBe(true);
    const e = await who.gl_county!.gql.error(REGISTER, { i: { ...PERIOD, unitId: String(units.get('HX')!.id) } });
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND' });
    const res = await fetch(
      `${api.url}/api/stats/register.xlsx?${new URLSearchParams({ ...PERIOD, unitId: String(units.get('HX')!.id) })}`,
      { headers: { authorization: `Bearer ${who.gl_county!.token}` } },
    );
    expect(res.status).toBe(404);
  }, 60_000);

  it('附件3 (by respondent industry) in Excel = statTable on screen, 合计 included', async () => {
    const metrics = ['RECEIVED', 'ACCEPTED', 'REJECTED', 'CONCLUDED', 'MEDIATION_SUCCESS', 'RECOVERED'];
    const rows = (await who.gl_county!.gql.ok(TABLE, { i: { ...PERIOD, rowsBy: 'industry', metrics } })).statTable as {
      label: string;
      cells: { metric: string; n: number; amount: number }[];
    }[];
    const file = await sheet(
      'gl_county',
      'table.xlsx',
      { ...PERIOD, rowsBy: 'industry', metrics: metrics.join(',') },
      '统计表',
    );
    expect(file.lines[0]).toEqual(['受理和处理消费者投诉情况汇总表']);
    const wan = (y: number) => Math.round(y / 100) / 100;
    const v = (m: string, c: { n: number; amount: number }) => (m === 'RECOVERED' ? wan(c.amount) : c.n);
    expect(file.lines.slice(3, -1)).toEqual(rows.map((r) => [r.label, ...metrics.map((m, i) => v(m, r.cells[i]!))]));
    expect(file.lines.at(-1)![0]).toBe('合计');
    expect(file.lines.at(-1)![1]).toBe(rows.reduce((s, r) => s + r.cells[0]!.n, 0));
    expect(file.defs).toBeGreaterThan(20);
  }, 60_000);

  it('the monthly report in Excel carries kpiMonth’s figures, the five upper-level ones first', async () => {
    const m = (await who.city_director!.gql.ok(MONTH, { m: '2026-05' })).kpiMonth as {
      unitName: string;
      current: { code: string; numerator: number; denominator: number | null; value: number | null }[];
    };
    const file = await sheet('city_director', 'month.xlsx', { month: '2026-05' }, '月报');
    expect(String(file.lines[1]![0])).toContain(m.unitName);
    const body = file.lines.slice(3);
    expect(body.slice(0, 5).map((l) => l[0])).toEqual(Array(5).fill('上级考核'));
    expect(body.slice(0, 5).map((l) => l[1])).toEqual([
      '投诉按时初查率',
      '投诉按时办结率',
      '举报按时核查率',
      expect.stringContaining('调解成功率'),
      expect.stringMatching(/调解成功率|公示率/),
    ]);
    expect(body).toHaveLength(m.current.length);
    const received = m.current.find((k) => k.code === 'RECEIVED')!;
    const line = body.find((l) => l[1] === '登记诉求数' || String(l[1]).includes('登记'))!;
    expect(line[5]).toBe(received.numerator);
    const sumNumerators = body.reduce((s, l) => s + Number(l[5]), 0);
    expect(sumNumerators).toBe(m.current.reduce((s, k) => s + k.numerator, 0));
  }, 60_000);
});
