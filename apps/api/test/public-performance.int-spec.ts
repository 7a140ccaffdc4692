import { OrgUnitEntity, seedDemoCases, StatMaintainer } from '@weiquan/core';
import { GqlClient, loginAs, shiftRollup } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

// #16 item 6, 服务成效: the public site's per-unit, per-month figures are the statistics module's own
// (kpiMonth: frozen month-end figures when frozen, else the recount), for the city and county centers and
// the last twelve closed months only; cached; definitions in plain words.
const OPTIONS = `{ publicPerformanceOptions { units { ref name } months } }`;
const PERF = `query($u: String!, $m: String!) { publicPerformance(unit: $u, month: $m) { unitName month frozen figures { name rate numerator denominator numeratorLabel denominatorLabel explanation } } }`;
const MONTH = `query($m: String!, $u: ID) { kpiMonth(month: $m, unitId: $u) { frozen { code numerator denominator value } current { code numerator denominator value } } }`;
const CODES = [
  'ONTIME_FIRST_CHECK',
  'ONTIME_CONCLUDE',
  'ONTIME_REPORT_VERIFY',
  'ONTIME_COMPLAINT_CONCLUDE',
  'MEDIATION_RATE_MEDIATED',
  'SATISFACTION_RATE',
];

type Figure = { name: string; rate: string | null; numerator: number; denominator: number; explanation: string };
type Value = { code: string; numerator: number; denominator: number | null; value: number | null };

describe('服务成效 (public performance)', () => {
  let api: TestApi;
  let director: GqlClient;
  let units: Map<string, OrgUnitEntity>;

  beforeAll(async () => {
    api = await startTestApi();
    await seedDemoCases(api.ds, { count: 200, now: new Date('2026-06-30T04:00:00Z') });
    await new StatMaintainer(api.ds, api.clock).drainAll(60_000);
    api.clock.set('2026-07-10T02:00:00Z');
    director = (await loginAs(api.gql, 'city_director')).client;
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  }, 180_000);
  afterAll(() => api?.close());

  const perf = async (u: string, m: string) =>
    (await api.gql.ok<{ publicPerformance: { unitName: string; frozen: boolean; figures: Figure[] } }>(PERF, { u, m }))
      .publicPerformance;
  const kpiMonth = async (code: string, m: string) =>
    (
      await director.ok<{ kpiMonth: { frozen: Value[] | null; current: Value[] } }>(MONTH, {
        m,
        u: String(units.get(code)!.id),
      })
    ).kpiMonth;
  const expectSame = (figures: Figure[], values: Value[]) => {
    const byCode = new Map(values.map((v) => [v.code, v]));
    expect(figures.map((f) => [f.numerator, f.denominator, f.rate])).toEqual(
      CODES.map((c) => {
        const v = byCode.get(c)!;
        return [
          v.numerator,
          v.denominator ?? 0,
          v.value == null ? null : `${(Math.round(v.value * 1000) / 10).toFixed(1)}%`,
        ];
      }),
    );
  };

  it('offers the city and county centers and the last twelve closed months', async () => {
    const o = (
      await api.gql.ok<{ publicPerformanceOptions: { units: { ref: string; name: string }[]; months: string[] } }>(
        OPTIONS,
      )
    ).publicPerformanceOptions;
    expect(o.units[0]).toEqual({ ref: 'CITY', name: units.get('CITY')!.name });
    expect(o.units.map((u) => u.ref)).toEqual(expect.arrayContaining(['GL', 'HX']));
    expect(o.units.map((u) => u.ref)).not.toContain('GL-T1');
    expect(o.months).toHaveLength(12);
    expect([o.months[0], o.months[11]]).toEqual(['2026-06', '2025-07']);
  });

  it('shows the statistics module’s recount of an open month, with the definitions in plain words', async () => {
    await api.ds.query("DELETE FROM stat_month_snapshot WHERE month = '2026-05'");
    const p = await perf('GL', '2026-05');
    expect(p).toMatchObject({ unitName: units.get('GL')!.name, frozen: false });
    expect(p.figures.map((f) => f.name)).toEqual([
      '投诉按时初查率',
      '投诉按时办结率',
      '举报按时核查率',
      '投诉7个工作日办结按时率',
      '调解成功率（占已调解投诉）',
      '满意率',
    ]);
    expectSame(p.figures, (await kpiMonth('GL', '2026-05')).current);
    expect(p.figures.some((f) => f.denominator > 0)).toBe(true);
    for (const f of p.figures) expect(f.explanation).not.toMatch(/[A-Z]{2,}/);
    expect(p.figures[0]!.explanation).toContain('收到投诉7个工作日内作出是否受理决定');
    // The city's figure covers its whole tree: at least GL's.
    const city = await perf('CITY', '2026-05');
    city.figures.forEach((f, i) => expect(f.denominator).toBeGreaterThanOrEqual(p.figures[i]!.denominator));
  });

  it('shows a frozen month as frozen, and serves a unit’s month from a cache for ten minutes', async () => {
    await api.ds.query("DELETE FROM stat_month_snapshot WHERE month = '2026-04'");
    expect(await new StatMaintainer(api.ds, api.clock).freezeMonth('2026-04')).toBe(true);
    const frozen = await perf('HX', '2026-04');
    expect(frozen.frozen).toBe(true);
    expectSame(frozen.figures, (await kpiMonth('HX', '2026-04')).frozen!);

    const before = await perf('HX', '2026-03');
    // A late follow-up lands in HX's March (written straight into the roll-up here).
    // Undone afterwards: the statistics tables are shared by every suite (a rebuild must agree with them).
    const hx = units.get('HX')!.id;
    await shiftRollup(api.ds, hx, 'FOLLOWUP_REACHED', '2026-03-15', 1);
    try {
      expect(await perf('HX', '2026-03')).toEqual(before);
      api.clock.advance(11 * 60_000);
      const after = await perf('HX', '2026-03');
      expect(after.figures[5]!.denominator).toBe(before.figures[5]!.denominator + 1);
      director = (await loginAs(api.gql, 'city_director')).client;
      expectSame(after.figures, (await kpiMonth('HX', '2026-03')).current);
    } finally {
      await shiftRollup(api.ds, hx, 'FOLLOWUP_REACHED', '2026-03-15', -1);
    }
  });

  it('refuses a station, an unknown unit, an open or older month', async () => {
    const field = async (u: string, m: string) => (await api.gql.error(PERF, { u, m })).extensions;
    expect(await field('GL-T1', '2026-05')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    expect(await field('NOPE', '2026-05')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
    expect(await field('GL', '2026-07')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
    expect(await field('GL', '2025-06')).toMatchObject({ code: 'BAD_USER_INPUT', field: 'month' });
  });
});
