import ExcelJS from 'exceljs';
import { OrgUnitEntity, seedDemoCases, StatMaintainer } from '@weiquan/core';
import { GqlClient, loginAs, shiftRollup } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const MONTH = `query($m: String!, $u: ID) { kpiMonth(month: $m, unitId: $u) { month unitId frozenAt
  frozen { code numerator denominator value } current { code numerator denominator value } } }`;
const BOARD = `query($i: KpiBoardInput!) { kpiBoard(input: $i) { total { values { code numerator denominator value } } } }`;
const RANK = `query($f: StatFilterInput!, $l: Int) { statRespondents(filter: $f, limit: $l) { name visible n amount } }`;
const FIGURE = `query($f: StatFilterInput!) { statFigure(filter: $f) { n } }`;

type Value = { code: string; numerator: number; denominator: number | null };
const byCode = (l: Value[]) => new Map(l.map((v) => [v.code, v]));

// The month report (frozen beside today's recount), the respondent ranking and the unmasked export:
// each scoped like every other statistics path.
describe('Statistics: month report, respondent ranking, unmasked export', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  const as: Record<string, { client: GqlClient; token: string }> = {};

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoCases(api.ds, { count: 200, now: new Date('2026-06-30T04:00:00Z') });
    await new StatMaintainer(api.ds, api.clock).drainAll(60_000);
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of ['city_director', 'gl_county', 'hx_county', 'supervisor']) {
      const l = await loginAs(api.gql, name);
      as[name] = { client: l.client, token: l.accessToken };
    }
  }, 180_000);
  afterAll(() => api?.close());

  const id = (code: string) => String(units.get(code)!.id);
  const month = async (who: string, m: string, u?: string) =>
    (await as[who]!.client.ok<{ kpiMonth: any }>(MONTH, { m, u })).kpiMonth;

  it('a month reads as frozen beside its recount; a later change shows as the difference, the frozen figure stays', async () => {
    const m = '2026-05';
    await api.ds.query('DELETE FROM stat_month_snapshot WHERE month = ?', [m]); // a rerun on the same database
    expect((await month('gl_county', m)).frozen).toBeNull();
    expect(await new StatMaintainer(api.ds, api.clock).freezeMonth(m)).toBe(true);

    const gl = await month('gl_county', m);
    expect(gl.unitId).toBe(id('GL'));
    expect(gl.frozenAt).not.toBeNull();
    expect(gl.frozen).toEqual(gl.current);
    const board = (
      await as.gl_county!.client.ok<{ kpiBoard: any }>(BOARD, { i: { from: '2026-05-01', to: '2026-05-31' } })
    ).kpiBoard;
    expect(byCode(gl.current).get('RECEIVED')).toEqual(byCode(board.total.values).get('RECEIVED'));
    expect(byCode(gl.current).get('RECEIVED')!.numerator).toBeGreaterThan(0);

    // a late record lands in GL's May after the freeze (written straight into the roll-up here)
    const glId = Number(id('GL'));
    await shiftRollup(api.ds, glId, 'RECEIVED', '2026-05-15', 1);
    try {
      const after = await month('gl_county', m);
      expect(after.frozen).toEqual(gl.frozen);
      expect(byCode(after.current).get('RECEIVED')!.numerator).toBe(byCode(gl.frozen).get('RECEIVED')!.numerator + 1);
      // another county's month is untouched by it and GL's change is invisible there
      const hx = await month('hx_county', m);
      expect(hx.frozen).toEqual(hx.current);
    } finally {
      await shiftRollup(api.ds, glId, 'RECEIVED', '2026-05-15', -1);
    }
  }, 60_000);

  it('the month report obeys the scope and checks its input', async () => {
    const e = await as.gl_county!.client.error(MONTH, { m: '2026-05', u: id('HX') });
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    const bad = await as.gl_county!.client.error(MONTH, { m: '2026-13' });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    // the city sees the county's month exactly as the county does
    const cityGl = await month('city_director', '2026-05', id('GL'));
    expect(cityGl.current).toEqual((await month('gl_county', '2026-05')).current);
  });

  it('respondent ranking: counts per respondent as in the case rows, biggest first, a county sees its own only', async () => {
    const f = { metric: 'RECEIVED', from: '2026-01-01', to: '2026-06-30' };
    const city = (
      await as.city_director!.client.ok<{ statRespondents: { name: string; visible: boolean; n: number }[] }>(RANK, {
        f,
        l: 100,
      })
    ).statRespondents;
    expect(city.length).toBeGreaterThan(1);
    expect(city.every((r) => r.visible)).toBe(true);
    for (let i = 1; i < city.length; i++) expect(city[i - 1]!.n).toBeGreaterThanOrEqual(city[i]!.n);
    const [{ n: topN }] = await api.ds.query(
      `SELECT COUNT(*) n FROM stat_contrib c JOIN wq_case w ON w.id = c.case_id
        WHERE c.metric = 'RECEIVED' AND c.day BETWEEN ? AND ? AND TRIM(w.respondent_name) = ?`,
      [f.from, f.to, city[0]!.name],
    );
    expect(city[0]!.n).toBe(Number(topN));
    const received = (await as.city_director!.client.ok<{ statFigure: { n: number } }>(FIGURE, { f })).statFigure.n;
    expect(city.reduce((s, r) => s + r.n, 0)).toBeLessThanOrEqual(received);

    const gl = (
      await as.gl_county!.client.ok<{ statRespondents: { name: string; visible: boolean; n: number }[] }>(RANK, {
        f,
        l: 100,
      })
    ).statRespondents;
    expect(gl.length).toBeGreaterThan(0);
    const glNames: { name: string }[] = await api.ds.query(
      `SELECT DISTINCT TRIM(respondent_name) name FROM wq_case WHERE owner_path LIKE ?`,
      [`${units.get('GL')!.path}%`],
    );
    const own = new Set(glNames.map((r) => r.name));
    for (const r of gl) if (r.visible) expect(own.has(r.name)).toBe(true);
    const e = await as.gl_county!.client.error(RANK, { f: { ...f, unitId: id('HX') }, l: 10 });
    expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unitId' });
    const bad = await as.gl_county!.client.error(RANK, { f, l: 1000 });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'limit' });
  }, 60_000);

  it('unmasked export only for roles that may unmask (audited); masked otherwise; never across counties', async () => {
    const qs = 'metric=RECEIVED&from=2026-01-01&to=2026-06-30';
    const phones = async (who: string, extra: string) => {
      const res = await fetch(`${api.url}/api/stats/cases.xlsx?${qs}${extra}`, {
        headers: { authorization: `Bearer ${as[who]!.token}` },
      });
      if (res.status !== 200) return { status: res.status, phones: [] as string[] };
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
      const out: string[] = [];
      wb.getWorksheet('明细')!.eachRow((row, n) => {
        const v = row.getCell(10).value;
        if (n > 1 && v) out.push(String(v));
      });
      return { status: 200, phones: out };
    };
    const masked = await phones('gl_county', '');
    expect(masked.phones.length).toBeGreaterThan(0);
    expect(masked.phones.every((p) => p.includes('****'))).toBe(true);

    const before = Number(
      (await api.ds.query(`SELECT COUNT(*) n FROM audit_event WHERE action = 'exportStatCasesUnmasked'`))[0].n,
    );
    const full = await phones('gl_county', '&unmask=1');
    expect(full.phones.length).toBe(masked.phones.length);
    expect(full.phones.some((p) => /^1\d{10}$/.test(p))).toBe(true);
    const after = Number(
      (await api.ds.query(`SELECT COUNT(*) n FROM audit_event WHERE action = 'exportStatCasesUnmasked'`))[0].n,
    );
    expect(after).toBe(before + 1);

    // the supervisor reads statistics but may not unmask
    expect((await phones('supervisor', '&unmask=1')).status).toBe(403);
    expect((await phones('supervisor', '')).status).toBe(200);
    expect((await phones('gl_county', `&unmask=1&unitId=${id('HX')}`)).status).toBe(404);
    expect((await phones('gl_county', '&unmask=yes')).status).toBe(400);
  }, 60_000);
});
