import { AuditEventEntity, OrgUnitEntity, UserEntity } from '@weiquan/core';
import { GqlClient, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const CREATE = `mutation($input: CreateOrgUnitInput!) { createOrgUnit(input: $input) { id code name type parentId path depth workroom active } }`;
const UPDATE = `mutation($input: UpdateOrgUnitInput!) { updateOrgUnit(input: $input) { id name phone address } }`;
const SET_ACTIVE = `mutation($id: ID!, $active: Boolean!) { setOrgUnitActive(id: $id, active: $active) { id active } }`;
const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`;
const ORG_UNITS = `{ orgUnits { id code } }`;
const REGISTER = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { caseNo } }`;

describe('Org administration over GraphQL', () => {
  let api: TestApi;
  let admin: GqlClient;
  let countyAdmin: GqlClient;
  let unit: (code: string) => OrgUnitEntity;
  const tag = () =>
    `${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1296)
      .toString(36)
      .toUpperCase()}`;
  const unitCount = () => api.ds.getRepository(OrgUnitEntity).count();

  beforeAll(async () => {
    api = await startTestApi();
    const units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    unit = (code) => units.get(code)!;
    admin = (await loginAs(api.gql, 'admin')).client;
    const name = `gladm${tag().toLowerCase()}`;
    await admin.ok(CREATE_USER, {
      input: {
        username: name,
        displayName: '鼓楼区管理员',
        password: 'Passw0rd!x',
        roles: ['ADMIN'],
        unitId: String(unit('GL').id),
        dataScope: 'SUBTREE',
      },
    });
    countyAdmin = (await loginAs(api.gql, name, 'Passw0rd!x')).client;
  });
  afterAll(() => api?.close());

  it('creates a township station under a county with its path, depth and an audit entry, visible to the county', async () => {
    const code = `GL-T${tag()}`;
    const { createOrgUnit: u } = await admin.ok<{
      createOrgUnit: { id: string; path: string; depth: number; parentId: string; type: string; active: boolean };
    }>(CREATE, {
      input: {
        parentId: String(unit('GL').id),
        type: 'TOWNSHIP_STATION',
        code,
        name: '测试街道消费维权服务站',
        phone: '0591-87654321',
      },
    });
    expect(u).toMatchObject({
      parentId: String(unit('GL').id),
      type: 'TOWNSHIP_STATION',
      active: true,
      depth: unit('GL').depth + 1,
      path: `${unit('GL').path}${u.id}/`,
    });
    const audit = await api.ds.getRepository(AuditEventEntity).findOneBy({ action: 'org.create', targetId: u.id });
    expect(audit).not.toBeNull();
    const county = (await loginAs(api.gql, 'gl_county')).client;
    expect((await county.ok<{ orgUnits: { code: string }[] }>(ORG_UNITS)).orgUnits.map((x) => x.code)).toContain(code);
    const hx = (await loginAs(api.gql, 'hx_county')).client;
    expect((await hx.ok<{ orgUnits: { code: string }[] }>(ORG_UNITS)).orgUnits.map((x) => x.code)).not.toContain(code);
  });

  it('gives a new county center its four workrooms, and its code becomes the case-number prefix', async () => {
    const code = `Z${tag().replace(/[0-9]/g, 'K')}`.slice(0, 8);
    const { createOrgUnit: c } = await admin.ok<{ createOrgUnit: { id: string; path: string } }>(CREATE, {
      input: { parentId: String(unit('CITY').id), type: 'COUNTY_CENTER', code, name: '测试县消费者维权中心' },
    });
    const children = await api.ds.getRepository(OrgUnitEntity).findBy({ parentId: Number(c.id) });
    expect(children.map((w) => w.workroom).sort()).toEqual(['LEGAL', 'LITIGATION_LINK', 'RECEPTION', 'RIGHTS']);
    expect(
      children.every(
        (w) => w.type === 'WORKROOM' && w.path === `${c.path}${w.id}/` && w.code === `${code}-${w.workroom}`,
      ),
    ).toBe(true);
    const cityOp = (await loginAs(api.gql, 'city_op')).client;
    const { registerCase } = await cityOp.ok<{ registerCase: { caseNo: string } }>(REGISTER, {
      input: {
        kind: 'CONSULTATION',
        channel: 'PHONE_12315',
        unitId: c.id,
        consumer: { name: '李四', phone: '13900001111' },
        summary: '咨询退货规定',
      },
    });
    expect(registerCase.caseNo).toMatch(new RegExp(`^${code}-\\d{4}-000001$`));
  });

  it('refuses bad input with the field named and stores nothing', async () => {
    const before = await unitCount();
    const gl = String(unit('GL').id);
    const cases: [Record<string, unknown>, string][] = [
      [{ parentId: gl, type: 'VILLAGE_STATION', code: `GL-V${tag()}`, name: '村站' }, 'input.type'],
      [{ parentId: gl, type: 'TOWNSHIP_STATION', code: 'GL', name: '重复编码' }, 'input.code'],
      [{ parentId: gl, type: 'TOWNSHIP_STATION', code: 'gl-lower', name: '小写编码' }, 'input.code'],
      [{ parentId: gl, type: 'TOWNSHIP_STATION', code: `GL-X${tag()}`, name: '' }, 'input.name'],
      [{ parentId: gl, type: 'WORKROOM', code: `GL-W${tag()}`, name: '工作室' }, 'input.workroom'],
      [
        { parentId: gl, type: 'WORKROOM', code: `GL-W${tag()}`, name: '第二个法律服务工作室', workroom: 'LEGAL' },
        'input.workroom',
      ],
      [{ parentId: String(unit('CITY').id), type: 'COUNTY_CENTER', code: 'TOOLONGCODE', name: '县' }, 'input.code'],
      [{ parentId: '999999', type: 'TOWNSHIP_STATION', code: `GL-Y${tag()}`, name: '站' }, 'input.parentId'],
    ];
    for (const [input, field] of cases) {
      const err = await admin.error(CREATE, { input });
      expect({ input, code: err.extensions?.code, field: err.extensions?.field }).toEqual({
        input,
        code: expect.stringMatching(/BAD_USER_INPUT|NOT_FOUND/),
        field,
      });
    }
    expect(await unitCount()).toBe(before);
  });

  it("keeps a county administrator inside its own county: another county's units answer like missing ones", async () => {
    const before = await unitCount();
    const hx = unit('HX');
    const err = await countyAdmin.error(CREATE, {
      input: { parentId: String(hx.id), type: 'TOWNSHIP_STATION', code: `HX-T${tag()}`, name: '越权站' },
    });
    expect(err.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.parentId' });
    expect(
      (await countyAdmin.error(UPDATE, { input: { id: String(unit('HX-T1').id), name: '改名' } })).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
    expect(
      (await countyAdmin.error(SET_ACTIVE, { id: String(unit('HX-T1-V1').id), active: false })).extensions,
    ).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await unitCount()).toBe(before);
    expect((await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ id: unit('HX-T1').id })).name).toBe(
      unit('HX-T1').name,
    );
    // …and works inside it.
    const own = await countyAdmin.ok<{ createOrgUnit: { path: string } }>(CREATE, {
      input: {
        parentId: String(unit('GL-T1').id),
        type: 'VILLAGE_STATION',
        code: `GL-T1-V${tag()}`,
        name: '新村消费维权服务站',
      },
    });
    expect(own.createOrgUnit.path.startsWith(unit('GL-T1').path)).toBe(true);
  });

  it('is for administrators only', async () => {
    const director = (await loginAs(api.gql, 'gl_director')).client;
    const err = await director.error(UPDATE, { input: { id: String(unit('GL-T1').id), name: '改名' } });
    expect(err.extensions?.code).toBe('FORBIDDEN');
  });

  it('renames a unit and clears its phone', async () => {
    const { createOrgUnit: u } = await admin.ok<{ createOrgUnit: { id: string } }>(CREATE, {
      input: {
        parentId: String(unit('QS').id),
        type: 'ENTERPRISE_STATION',
        code: `QS-E${tag()}`,
        name: '旧名',
        phone: '12345',
      },
    });
    const { updateOrgUnit } = await admin.ok<{ updateOrgUnit: { name: string; phone: string | null } }>(UPDATE, {
      input: { id: u.id, name: '新名', phone: null },
    });
    expect(updateOrgUnit).toMatchObject({ name: '新名', phone: null });
    expect((await admin.error(UPDATE, { input: { id: u.id, name: '' } })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
    });
  });

  it('does not disable a unit that still has open cases, active staff or active sub-units; disables an empty one', async () => {
    const { createOrgUnit: town } = await admin.ok<{ createOrgUnit: { id: string; code: string } }>(CREATE, {
      input: { parentId: String(unit('QS').id), type: 'TOWNSHIP_STATION', code: `QS-T${tag()}`, name: '停用测试站' },
    });
    const { createOrgUnit: village } = await admin.ok<{ createOrgUnit: { id: string } }>(CREATE, {
      input: { parentId: town.id, type: 'VILLAGE_STATION', code: `${town.code}-V1`, name: '停用测试村站' },
    });
    expect((await admin.error(SET_ACTIVE, { id: town.id, active: false })).message).toContain('下级机构');

    const c = await insertCase(api.ds, { unitCode: unit('QS').code });
    await api.ds.query('UPDATE wq_case SET owner_unit_id = ? WHERE id = ?', [village.id, c.id]);
    expect((await admin.error(SET_ACTIVE, { id: village.id, active: false })).message).toContain('未办结');
    await api.ds.query('UPDATE wq_case SET owner_unit_id = ? WHERE id = ?', [unit('QS').id, c.id]);

    const user = `vs${tag().toLowerCase()}`;
    await admin.ok(CREATE_USER, {
      input: {
        username: user,
        displayName: '站员',
        password: 'Passw0rd!x',
        roles: ['STATION_STAFF'],
        unitId: village.id,
      },
    });
    expect((await admin.error(SET_ACTIVE, { id: village.id, active: false })).message).toContain('账号');
    await api.ds.getRepository(UserEntity).update({ username: user }, { active: false });

    expect(
      (await admin.ok<{ setOrgUnitActive: { active: boolean } }>(SET_ACTIVE, { id: village.id, active: false }))
        .setOrgUnitActive.active,
    ).toBe(false);
    expect(
      (await admin.ok<{ setOrgUnitActive: { active: boolean } }>(SET_ACTIVE, { id: town.id, active: false }))
        .setOrgUnitActive.active,
    ).toBe(false);
    // A disabled parent takes no new units, and its children cannot be re-enabled before it.
    expect(
      (
        await admin.error(CREATE, {
          input: { parentId: town.id, type: 'VILLAGE_STATION', code: `${town.code}-V2`, name: '村站' },
        })
      ).extensions?.field,
    ).toBe('input.parentId');
    expect((await admin.error(SET_ACTIVE, { id: village.id, active: true })).message).toContain('上级机构已停用');
    expect((await admin.error(SET_ACTIVE, { id: String(unit('CITY').id), active: false })).extensions?.field).toBe(
      'id',
    );
  });
});
