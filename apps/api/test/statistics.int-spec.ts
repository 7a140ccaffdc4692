import ExcelJS from 'exceljs';
import { OrgUnitEntity, seedDemoCases, StatMaintainer } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const FILTER_VARS = '$f: StatFilterInput!';
const FIGURE = `query(${FILTER_VARS}) { statFigure(filter: $f) { n amount } }`;
const CASES = `query(${FILTER_VARS}, $p: PageInput) { statCases(filter: $f, page: $p) { total items { caseId visible caseNo day unitId consumerPhone } } }`;
const BOARD = `query($i: KpiBoardInput!) { kpiBoard(input: $i) { unitId unitName total { values { code numerator denominator value } }
  children { unitId unitName values { code numerator value } } previous { code value } lastYear { code value } } }`;

interface Filter {
  metric: string;
  from: string;
  to: string;
  unitId?: string | null;
  kind?: string | null;
  channel?: string | null;
  category?: string | null;
  industry?: string | null;
}
interface Row {
  caseId: string;
  visible: boolean;
  caseNo: string | null;
  day: string;
  unitId: string;
  consumerPhone: string | null;
}

// A figure, the list behind it and the exported file must always agree, and a county must see
// nothing of another county through any of them.
describe('Statistics over GraphQL and Excel', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  const as: Record<string, { client: GqlClient; token: string }> = {};

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoCases(api.ds, { count: 300, now: new Date('2026-06-30T04:00:00Z') });
    await new StatMaintainer(api.ds, api.clock).drainAll(60_000);
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['city_director', 'gl_county', 'hx_county']) {
      const l = await loginAs(api.gql, name);
      as[name] = { client: l.client, token: l.accessToken };
    }
  }, 180_000);
  afterAll(() => api?.close());

  const id = (code: string) => String(units.get(code)!.id);
  const figure = async (who: string, f: Filter) =>
    (await as[who]!.client.ok<{ statFigure: { n: number } }>(FIGURE, { f })).statFigure.n;
  const drillAll = async (who: string, f: Filter) => {
    const rows: Row[] = [];
    let total = -1;
    for (let offset = 0; ; offset += 100) {
      const page = (
        await as[who]!.client.ok<{ statCases: { total: number; items: Row[] } }>(CASES, {
          f,
          p: { offset, limit: 100 },
        })
      ).statCases;
      total = page.total;
      rows.push(...page.items);
      if (page.items.length < 100) break;
    }
    return { total, rows };
  };
  const exported = async (who: string, f: Filter) => {
    const qs = new URLSearchParams(Object.entries(f).filter(([, v]) => v != null) as [string, string][]);
    const res = await fetch(`${api.url}/api/stats/cases.xlsx?${qs}`, {
      headers: { authorization: `Bearer ${as[who]!.token}` },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('明细')!;
    const caseNos: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) caseNos.push(String(row.getCell(1).value));
    });
    return { header: res.headers.get('x-total-rows'), caseNos, defs: wb.getWorksheet('指标定义')!.rowCount };
  };

  it('for random filters the figure, the drill-down total, the rows listed and the exported rows are equal', async () => {
    let seed = 20261205;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(l: readonly T[]): T => l[Math.floor(rnd() * l.length)]!;
    const metrics = ['RECEIVED', 'ACCEPTED', 'CONCLUDED', 'DUE:FIRST_CONTACT', 'ONTIME:FIRST_CONTACT', 'DISPATCHED'];
    const cats: { category: string }[] = await api.ds.query('SELECT DISTINCT category FROM stat_daily LIMIT 5');
    let nonEmpty = 0;
    for (let i = 0; i < 8; i++) {
      const f: Filter = {
        metric: pick(metrics),
        from: pick(['2026-04-01', '2026-05-01', '2026-05-20']),
        to: pick(['2026-06-10', '2026-06-30']),
        unitId: pick([null, id('GL'), id('HX'), id('CITY')]),
        kind: pick([null, null, 'COMPLAINT', 'REPORT']),
        channel: pick([null, null, 'PHONE_12315']),
        category: pick([null, null, null, ...cats.map((c) => c.category)]),
      };
      const n = await figure('city_director', f);
      const drill = await drillAll('city_director', f);
      const file = await exported('city_director', f);
      expect({
        f,
        total: drill.total,
        listed: drill.rows.length,
        exported: file.caseNos.length,
        header: file.header,
      }).toEqual({
        f,
        total: n,
        listed: n,
        exported: n,
        header: String(n),
      });
      if (n > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(3);
  }, 120_000);

  it('the KPI definitions travel with the export, and phones leave masked', async () => {
    const f = { metric: 'RECEIVED', from: '2026-04-01', to: '2026-06-30' };
    const file = await exported('city_director', f);
    expect(file.defs).toBeGreaterThan(20);
    const { rows } = await drillAll('city_director', f);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) if (r.consumerPhone) expect(r.consumerPhone).toContain('****');
  }, 60_000);

  it('a county sees its subtree only, totals included: board, figures, drill-down and export', async () => {
    const period = { from: '2026-04-01', to: '2026-06-30' };
    const gl = (await as.gl_county!.client.ok<{ kpiBoard: any }>(BOARD, { i: period })).kpiBoard;
    const hx = (await as.hx_county!.client.ok<{ kpiBoard: any }>(BOARD, { i: period })).kpiBoard;
    const city = (await as.city_director!.client.ok<{ kpiBoard: any }>(BOARD, { i: period })).kpiBoard;
    expect(gl.unitId).toBe(id('GL'));
    expect(hx.unitId).toBe(id('HX'));
    const received = (b: any) => b.total.values.find((v: any) => v.code === 'RECEIVED').numerator;
    // the county's total is its subtree's, the same the city's board shows for it
    expect(
      city.children.find((c: any) => c.unitId === id('GL')).values.find((v: any) => v.code === 'RECEIVED').numerator,
    ).toBe(received(gl));
    expect(received(gl) + received(hx)).toBeLessThanOrEqual(received(city));
    expect(received(gl)).toBeGreaterThan(0);
    const [{ n: glReceived }] = await api.ds.query(
      `SELECT SUM(s.n) n FROM stat_daily s JOIN org_unit u ON u.id = s.unit_id
        WHERE s.metric = 'RECEIVED' AND s.day BETWEEN ? AND ? AND u.path LIKE ?`,
      [period.from, period.to, `${units.get('GL')!.path}%`],
    );
    expect(received(gl)).toBe(Number(glReceived));
    // a period with ragged ends (whole months from the monthly roll-up, the edge days from the daily one)
    for (const ragged of [
      { from: '2026-04-12', to: '2026-06-20' },
      { from: '2026-05-31', to: '2026-06-01' },
    ]) {
      const b = (await as.gl_county!.client.ok<{ kpiBoard: any }>(BOARD, { i: ragged })).kpiBoard;
      const [{ n }] = await api.ds.query(
        `SELECT COALESCE(SUM(s.n), 0) n FROM stat_daily s JOIN org_unit u ON u.id = s.unit_id
          WHERE s.metric = 'RECEIVED' AND s.day BETWEEN ? AND ? AND u.path LIKE ?`,
        [ragged.from, ragged.to, `${units.get('GL')!.path}%`],
      );
      expect({ ragged, n: received(b) }).toEqual({ ragged, n: Number(n) });
      // the trend by month (whole months + edge days) and by day add up to the same figure
      for (const byDay of [false, true]) {
        const { kpiTrend } = await as.gl_county!.client.ok<{ kpiTrend: { period: string; values: any[] }[] }>(
          `query($i: KpiBoardInput!, $d: Boolean!) { kpiTrend(input: $i, byDay: $d) { period values { code numerator } } }`,
          { i: ragged, d: byDay },
        );
        const sum = kpiTrend.reduce((s, p) => s + p.values.find((v) => v.code === 'RECEIVED').numerator, 0);
        expect({ ragged, byDay, sum }).toEqual({ ragged, byDay, sum: Number(n) });
      }
    }

    // another county's unit answers like a missing one, on every path
    for (const e of [
      await as.gl_county!.client.error(BOARD, { i: { ...period, unitId: id('HX') } }),
      await as.gl_county!.client.error(FIGURE, { f: { metric: 'RECEIVED', ...period, unitId: id('HX') } }),
      await as.gl_county!.client.error(CASES, { f: { metric: 'RECEIVED', ...period, unitId: id('HX-T1') } }),
    ]) {
      expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    }
    const res = await fetch(
      `${api.url}/api/stats/cases.xlsx?metric=RECEIVED&from=2026-04-01&to=2026-06-30&unitId=${id('HX')}`,
      {
        headers: { authorization: `Bearer ${as.gl_county!.token}` },
      },
    );
    expect(res.status).toBe(404);

    // every case number the county can list or export is owned inside its subtree
    const glPath = units.get('GL')!.path;
    const owned = async (caseNos: string[]) =>
      caseNos.length
        ? ((await api.ds.query(
            `SELECT owner_path FROM wq_case WHERE case_no IN (${caseNos.map(() => '?').join(',')})`,
            caseNos,
          )) as {
            owner_path: string;
          }[])
        : [];
    for (const metric of ['RECEIVED', 'DUE:FIRST_CONTACT', 'ACCEPTED']) {
      const f = { metric, ...period };
      const drill = await drillAll('gl_county', f);
      const file = await exported('gl_county', f);
      const listed = drill.rows.filter((r) => r.visible).map((r) => r.caseNo!);
      const files = file.caseNos.filter((c) => !c.startsWith('（'));
      for (const o of [...(await owned(listed)), ...(await owned(files))])
        expect(o.owner_path.startsWith(glPath)).toBe(true);
      for (const r of drill.rows) if (!r.visible) expect(r.caseNo).toBeNull();
    }
  }, 120_000);

  it('a standard table: each cell is the figure of its row’s value; hotspots follow the stated rule', async () => {
    const TABLE = `query($i: StatTableInput!) { statTable(input: $i) { key cells { metric n amount } } }`;
    const period = { from: '2026-04-01', to: '2026-06-30' };
    const metrics = ['RECEIVED', 'ACCEPTED', 'CONCLUDED', 'MEDIATION_SUCCESS', 'RECOVERED'];
    const rows = (
      await as.city_director!.client.ok<{
        statTable: { key: string; cells: { metric: string; n: number; amount: number }[] }[];
      }>(TABLE, { i: { ...period, rowsBy: 'industry', metrics } })
    ).statTable;
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows.slice(0, 4)) {
      for (const c of r.cells)
        expect(c.n).toBe(await figure('city_director', { metric: c.metric, ...period, industry: r.key } as Filter));
    }
    const HOT = `query($f: StatFilterInput!) { statHotspots(filter: $f, by: category) { key n baseline } }`;
    const f = { metric: 'RECEIVED', from: '2026-06-01', to: '2026-06-30' };
    const hot = (
      await as.city_director!.client.ok<{ statHotspots: { key: string; n: number; baseline: number }[] }>(HOT, { f })
    ).statHotspots;
    for (const h of hot) {
      expect(h.n).toBe(await figure('city_director', { ...f, category: h.key } as Filter));
      const before = await figure('city_director', {
        metric: 'RECEIVED',
        from: '2026-03-03',
        to: '2026-05-31',
        category: h.key,
      } as Filter);
      expect(h.baseline).toBeCloseTo(before / 3);
      expect(h.n >= 5 && h.n >= 2 * h.baseline).toBe(true);
    }
  }, 60_000);

  it('rejects a bad period with a coded error on the field', async () => {
    const e = await as.city_director!.client.error(FIGURE, {
      f: { metric: 'RECEIVED', from: '2026-06-30', to: '2026-04-01' },
    });
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.to' });
    const bad = await as.city_director!.client.error(FIGURE, {
      f: { metric: 'x; DROP', from: '2026-04-01', to: '2026-04-02' },
    });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.metric' });
  });
});
