import { PublicStaffCardEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

// #16 办事公开 maintained in the console: the staff board (人员状态公示栏 / 挂牌上岗) and the address, phone
// and office hours of each unit; a county maintains its own subtree only; the public site shows them.
const ORG = `{ orgUnits { id code name } }`;
const CARDS = `query($u: ID!) { staffCards(unitId: $u) { id unitId name post workNo onDuty sortOrder version } }`;
const SAVE = `mutation($input: SaveStaffCardInput!) { saveStaffCard(input: $input) { id unitId name post workNo onDuty version } }`;
const DELETE = `mutation($id: ID!) { deleteStaffCard(id: $id) }`;
const POINT = `mutation($input: SetServicePointInput!) { setServicePoint(input: $input) { unitId address phone officeHours } }`;
const PUBLIC = `query($k: String) { publicServicePoints(keyword: $k) { name district address phone officeHours staff { name post workNo onDuty } } }`;

type Card = {
  id: string;
  unitId: string;
  name: string;
  post: string;
  workNo: string | null;
  onDuty: boolean;
  version: number;
};

describe('办事公开: staff board and service points (console → public site)', () => {
  let api: TestApi;
  let gl: GqlClient;
  let hx: GqlClient;
  let station: GqlClient;
  let units: { id: string; code: string; name: string }[];
  const unit = (code: string) => units.find((u) => u.code === code)!;

  beforeAll(async () => {
    api = await startTestApi();
    gl = (await loginAs(api.gql, 'gl_county')).client;
    hx = (await loginAs(api.gql, 'hx_county')).client;
    station = (await loginAs(api.gql, 'gl_station')).client;
    units = (await (await loginAs(api.gql, 'admin')).client.ok<{ orgUnits: typeof units }>(ORG)).orgUnits;
  });
  afterAll(() => api?.close());

  it('a county puts people on a station’s board and sets its hours; the public site shows them', async () => {
    const t1 = unit('GL-T1');
    const tag = Date.now().toString(36);
    const saved = (
      await gl.ok<{ saveStaffCard: Card }>(SAVE, {
        input: { unitId: t1.id, name: `林晓${tag}`, post: '站点工作人员', workNo: 'GL-0101', onDuty: true },
      })
    ).saveStaffCard;
    expect(saved).toMatchObject({ unitId: t1.id, name: `林晓${tag}`, workNo: 'GL-0101', onDuty: true, version: 1 });
    await gl.ok(POINT, {
      input: {
        unitId: t1.id,
        address: '鼓楼区鼓东路 1 号',
        phone: '0591-87654321',
        officeHours: '周一至周五 8:30-17:30',
      },
    });
    // Off duty now: the second edit carries the version it read.
    const off = (
      await gl.ok<{ saveStaffCard: Card }>(SAVE, {
        input: { id: saved.id, unitId: t1.id, name: `林晓${tag}`, post: '站点工作人员', onDuty: false, version: 1 },
      })
    ).saveStaffCard;
    expect(off).toMatchObject({ onDuty: false, version: 2, workNo: null });
    // A stale version loses: exactly one of two concurrent edits wins.
    const stale = await gl.error(SAVE, {
      input: { id: saved.id, unitId: t1.id, name: '旧的', post: '站点工作人员', onDuty: true, version: 1 },
    });
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT' });

    const points = (await api.gql.ok<{ publicServicePoints: any[] }>(PUBLIC, { k: '鼓东' })).publicServicePoints;
    const p = points.find((x) => x.name === t1.name);
    expect(p).toMatchObject({
      address: '鼓楼区鼓东路 1 号',
      phone: '0591-87654321',
      officeHours: '周一至周五 8:30-17:30',
    });
    expect(p.staff).toContainEqual({ name: `林晓${tag}`, post: '站点工作人员', workNo: null, onDuty: false });
    // Search by district finds the station too.
    const byDistrict = (await api.gql.ok<{ publicServicePoints: any[] }>(PUBLIC, { k: '鼓楼' })).publicServicePoints;
    expect(byDistrict.map((x) => x.name)).toContain(t1.name);
    expect(
      byDistrict.every((x) => x.district.includes('鼓楼') || x.name.includes('鼓楼') || x.address?.includes('鼓楼')),
    ).toBe(true);

    await gl.ok(DELETE, { id: saved.id });
    expect(await api.ds.getRepository(PublicStaffCardEntity).countBy({ id: Number(saved.id) })).toBe(0);
  });

  it('keeps another county out of the board and the service point, through every path', async () => {
    const t1 = unit('GL-T1');
    const card = (
      await gl.ok<{ saveStaffCard: Card }>(SAVE, {
        input: { unitId: t1.id, name: '陈静', post: '调解员', workNo: 'GL-0102', onDuty: true },
      })
    ).saveStaffCard;
    const code = async (p: Promise<{ extensions?: { code?: string } }>) => (await p).extensions?.code;
    expect(await code(hx.error(CARDS, { u: t1.id }))).toBe('NOT_FOUND');
    expect(await code(hx.error(SAVE, { input: { unitId: t1.id, name: '越权', post: '岗位', onDuty: true } }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await code(
        hx.error(SAVE, {
          input: { id: card.id, unitId: unit('HX-T1').id, name: '越权', post: '岗位', onDuty: true, version: 1 },
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(await code(hx.error(DELETE, { id: card.id }))).toBe('NOT_FOUND');
    expect(await code(hx.error(POINT, { input: { unitId: t1.id, officeHours: '越权' } }))).toBe('NOT_FOUND');
    // A station maintains nothing (no permission), and hx maintains its own station.
    expect(await code(station.error(CARDS, { u: t1.id }))).toBe('FORBIDDEN');
    const own = await hx.ok<{ saveStaffCard: Card }>(SAVE, {
      input: { unitId: unit('HX-T1').id, name: '王红', post: '站点工作人员', onDuty: true },
    });
    expect(own.saveStaffCard.unitId).toBe(unit('HX-T1').id);
    const cards = (await gl.ok<{ staffCards: Card[] }>(CARDS, { u: t1.id })).staffCards;
    expect(cards.find((c) => c.id === card.id)).toMatchObject({ name: '陈静', version: 1 });
  });

  it('refuses bad input next to the field and stores nothing', async () => {
    const t1 = unit('GL-T1');
    const before = await api.ds.getRepository(PublicStaffCardEntity).count();
    const field = async (input: Record<string, unknown>, q = SAVE) => (await gl.error(q, { input })).extensions;
    expect(await field({ unitId: t1.id, name: '  ', post: '岗位', onDuty: true })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
    expect(await field({ unitId: t1.id, name: '某人', post: '岗位', workNo: '工号#1', onDuty: true })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.workNo',
    });
    expect(await field({ unitId: 'abc', name: '某人', post: '岗位', onDuty: true })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.unitId',
    });
    expect(await field({ unitId: t1.id, phone: '12' }, POINT)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.phone',
    });
    expect(await api.ds.getRepository(PublicStaffCardEntity).count()).toBe(before);
  });
});
