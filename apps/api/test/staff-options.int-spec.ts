import { OrgUnitEntity } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const STAFF = `query($unitId: ID, $keyword: String) { staffOptions(unitId: $unitId, keyword: $keyword) { id displayName unitId unitName } }`;
type Staff = { id: string; displayName: string; unitId: string; unitName: string };

// staffOptions: the participant picker of the workroom pages (mediation staff, investigators, duty).
describe('staffOptions over GraphQL', () => {
  let api: TestApi;
  let unitByCode: Map<string, OrgUnitEntity>;

  beforeAll(async () => {
    api = await startTestApi();
    unitByCode = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
  });
  afterAll(() => api?.close());

  const unitIdsUnder = (code: string) => {
    const path = unitByCode.get(code)!.path;
    return new Set([...unitByCode.values()].filter((u) => u.path.startsWith(path)).map((u) => String(u.id)));
  };

  it("lists a county user's colleagues in its own subtree only, never another county's", async () => {
    const gl = (await loginAs(api.gql, 'gl_county')).client;
    const { staffOptions } = await gl.ok<{ staffOptions: Staff[] }>(STAFF);
    const glUnits = unitIdsUnder('GL');
    expect(staffOptions.map((s) => s.displayName)).toEqual(
      expect.arrayContaining(['鼓楼区受理员', '鼓楼区调解员', '鼓东街道站点']),
    );
    expect(staffOptions.every((s) => glUnits.has(s.unitId))).toBe(true);
    expect(staffOptions.some((s) => s.displayName.startsWith('红星'))).toBe(false);
  });

  it("answers another county's unit like a missing one and finds nobody there by name", async () => {
    const gl = (await loginAs(api.gql, 'gl_county')).client;
    const other = await gl.error(STAFF, { unitId: String(unitByCode.get('HX')!.id) });
    const missing = await gl.error(STAFF, { unitId: '999999' });
    expect(other.extensions?.code).toBe('NOT_FOUND');
    expect(other.extensions?.field).toBe('unitId');
    expect(other.message).toBe(missing.message);
    const byName = await gl.ok<{ staffOptions: Staff[] }>(STAFF, { keyword: '红星' });
    expect(byName.staffOptions).toEqual([]);
  });

  it('narrows to a unit subtree and a name for a city mediator', async () => {
    const mediator = (await loginAs(api.gql, 'city_mediator')).client;
    const { staffOptions } = await mediator.ok<{ staffOptions: Staff[] }>(STAFF, {
      unitId: String(unitByCode.get('CITY-RIGHTS')!.id),
    });
    expect(staffOptions.map((s) => s.displayName).sort()).toEqual(['张调解', '黄调解'].sort());
    expect(staffOptions[0]!.unitName).toBe('维权服务工作室');
    const named = await mediator.ok<{ staffOptions: Staff[] }>(STAFF, { keyword: '红星县' });
    expect(named.staffOptions.map((s) => s.displayName).sort()).toEqual(['红星县主任', '红星县受理员'].sort());
  });

  it('is denied to a role that does not handle cases (supervisor) and rejects an over-long keyword', async () => {
    const supervisor = (await loginAs(api.gql, 'supervisor')).client;
    expect((await supervisor.error(STAFF)).extensions?.code).toBe('FORBIDDEN');
    const mediator = (await loginAs(api.gql, 'city_mediator')).client;
    const err = await mediator.error(STAFF, { keyword: 'x'.repeat(51) });
    expect(err.extensions?.code).toBe('BAD_USER_INPUT');
    expect(err.extensions?.field).toBe('keyword');
  });
});
