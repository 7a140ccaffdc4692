import { OrgUnitEntity } from '@weiquan/core';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const LIST = `query($f: CaseFilter, $p: PageInput) { cases(filter: $f, page: $p) { total items { id } } }`;

// The default list (open, newest first) of a subtree is read unit by unit and merged
// (CaseQueryService.openPageByUnits); it must give exactly the rows and order of the plain query.
describe('Case list, open cases of a subtree newest first', () => {
  let api: TestApi;
  let county: GqlClient;
  let glPath: string;

  beforeAll(async () => {
    api = await startTestApi();
    county = (await loginAs(api.gql, 'gl_county')).client;
    glPath = (await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL' })).path;
    const t0 = Date.now() - 3_600_000;
    const at = (min: number) => new Date(t0 + min * 60_000);
    // Spread over the county's units, with equal receivedAt (tie broken by id), closed ones and
    // many newer open cases elsewhere in the city that a single index scan would walk past.
    const spec: [string, number, string?][] = [
      ['GL', 1],
      ['GL-T1', 2],
      ['GL-T1-V1', 3],
      ['GL-E1', 3],
      ['GL-T2', 4, 'ARCHIVED'],
      ['GL-T2-V1', 5],
      ['GL', 6],
      ['GL-T1', 7, 'ARCHIVED'],
      ['GL-RIGHTS', 8],
    ];
    for (const [unitCode, min, state] of spec)
      await insertCase(api.ds, { unitCode, receivedAt: at(min), state: (state ?? 'IN_PROGRESS') as never });
    for (let i = 0; i < 25; i++)
      await insertCase(api.ds, { unitCode: i % 2 ? 'CITY' : 'HX-T1', receivedAt: at(10 + i) });
  });
  afterAll(() => api?.close());

  const expected = async (offset: number, limit: number) =>
    (
      await api.ds.query(
        'SELECT id FROM wq_case WHERE owner_path LIKE ? AND is_open = 1 ORDER BY received_at DESC, id DESC LIMIT ? OFFSET ?',
        [`${glPath}%`, limit, offset],
      )
    ).map((r: { id: string }) => String(r.id));

  it('pages through the county exactly like the plain query, with the counters total', async () => {
    const [{ n }] = await api.ds.query('SELECT COUNT(*) AS n FROM wq_case WHERE owner_path LIKE ? AND is_open = 1', [
      `${glPath}%`,
    ]);
    for (const [offset, limit] of [
      [0, 3],
      [3, 3],
      [0, 20],
      [5, 4],
    ]) {
      const { cases } = await county.ok<{ cases: { total: number; items: { id: string }[] } }>(LIST, {
        f: { open: true },
        p: { offset, limit },
      });
      expect({ offset, ids: cases.items.map((c) => c.id) }).toEqual({ offset, ids: await expected(offset, limit) });
      expect(cases.total).toBe(Number(n));
    }
  });

  it('narrows to a unit of the county and shows nothing of another county', async () => {
    const t1 = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL-T1' });
    const { cases } = await county.ok<{ cases: { items: { id: string }[] } }>(LIST, {
      f: { open: true, unitId: String(t1.id) },
      p: { limit: 20 },
    });
    const ids = (
      await api.ds.query(
        'SELECT id FROM wq_case WHERE owner_path LIKE ? AND is_open = 1 ORDER BY received_at DESC, id DESC LIMIT 20',
        [`${t1.path}%`],
      )
    ).map((r: { id: string }) => String(r.id));
    expect(cases.items.map((c) => c.id)).toEqual(ids);
    const hx = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'HX-T1' });
    expect((await county.error(LIST, { f: { open: true, unitId: String(hx.id) } })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'filter.unitId',
    });
  });
});
