import { CaseEventEntity, OrgUnitEntity, SupervisionEntity, SupervisionService } from '@weiquan/core';
import { GqlClient, GqlError, insertCase, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const FIELDS = `id caseId caseNo level status issuingUnit { code } targetUnit { code path } targetUnitId content responseDueAt overdue automatic
  escalatedFromId response respondedAt respondedLate version`;
const OPEN = `mutation($input: OpenSupervisionInput!) { openSupervision(input: $input) { ${FIELDS} } }`;
const RESPOND = `mutation($input: RespondSupervisionInput!) { respondSupervision(input: $input) { ${FIELDS} } }`;
const ESCALATE = `mutation($input: EscalateSupervisionInput!) { escalateSupervision(input: $input) { ${FIELDS} } }`;
const LIST = `query($f: SupervisionFilter, $p: PageInput) { supervisions(filter: $f, page: $p) { total items { ${FIELDS} } } }`;
const ONE = `query($id: ID!) { supervision(id: $id) { ${FIELDS} } }`;
const COUNTS = `query($unitId: ID) { supervisionCounts(unitId: $unitId) { unitId unit { code path } open responded overdue escalated total } }`;

interface Sup {
  id: string;
  caseId: string | null;
  caseNo: string | null;
  level: string;
  status: string;
  issuingUnit: { code: string };
  targetUnit: { code: string; path: string };
  targetUnitId: string;
  content: string;
  responseDueAt: string;
  overdue: boolean;
  automatic: boolean;
  escalatedFromId: string | null;
  response: string | null;
  respondedAt: string | null;
  respondedLate: boolean;
  version: number;
}
interface Count {
  unitId: string;
  unit: { code: string; path: string };
  open: number;
  responded: number;
  overdue: number;
  escalated: number;
  total: number;
}

const HOUR = 3_600_000;
/** The error as a client sees it, without the path (which names the field being called). */
const shape = (e: GqlError) => ({ message: e.message, extensions: e.extensions });

describe('Supervision (督办) over GraphQL', () => {
  let api: TestApi;
  let units: Map<string, OrgUnitEntity>;
  const as: Record<string, GqlClient> = {};

  beforeAll(async () => {
    api = await startTestApi();
    units = new Map((await api.ds.getRepository(OrgUnitEntity).find()).map((u) => [u.code, u]));
    for (const name of [
      'gl_county',
      'gl_director',
      'gl_station',
      'gl_mediator',
      'hx_director',
      'hx_station',
      'supervisor',
      'city_op',
    ]) {
      as[name] = (await loginAs(api.gql, name)).client;
    }
  });
  afterAll(() => api?.close());

  const unit = (code: string) => units.get(code)!;
  const unitId = (code: string) => String(unit(code).id);
  const due = (hours: number) => new Date(api.clock.now().getTime() + hours * HOUR).toISOString();
  const rowCount = () => api.ds.getRepository(SupervisionEntity).count();
  // Events are counted per case or per item, never globally: other suites may share the test database.
  const eventsMentioning = (supervisionId: string) =>
    api.ds
      .getRepository(CaseEventEntity)
      .createQueryBuilder('e')
      .where('e.detail LIKE :d', { d: `%"supervisionId":"${supervisionId}"%` })
      .getCount();
  const actionsOn = async (caseId: string) =>
    (await api.ds.getRepository(CaseEventEntity).find({ where: { caseId }, order: { id: 'ASC' } })).map(
      (e) => e.action,
    );
  const stored = (id: string) => api.ds.getRepository(SupervisionEntity).findOneByOrFail({ id });

  const open = async (client: GqlClient, input: Record<string, unknown>): Promise<Sup> =>
    (
      await client.ok<{ openSupervision: Sup }>(OPEN, {
        input: { level: 'SUPERVISION', content: '请尽快联系消费者并答复', responseDueAt: due(48), ...input },
      })
    ).openSupervision;
  const onCase = async (unitCode: string, client = as.gl_county, input: Record<string, unknown> = {}) => {
    const c = await insertCase(api.ds, { unitCode, intakeUnitCode: 'GL' });
    return { c, s: await open(client, { caseId: c.id, ...input }) };
  };
  const respond = (client: GqlClient, s: Pick<Sup, 'id' | 'version'>, response = '已联系消费者，正在调解') =>
    client.request<{ respondSupervision: Sup }>(RESPOND, { input: { id: s.id, version: s.version, response } });
  const escalate = (client: GqlClient, s: Pick<Sup, 'id' | 'version'>, extra: Record<string, unknown> = {}) =>
    client.request<{ escalateSupervision: Sup }>(ESCALATE, { input: { id: s.id, version: s.version, ...extra } });
  const counts = async (client: GqlClient, unitId?: string) =>
    new Map(
      (await client.ok<{ supervisionCounts: Count[] }>(COUNTS, { unitId })).supervisionCounts.map((r) => [
        r.unit.code,
        r,
      ]),
    );

  describe('opening', () => {
    it('opens on a case, targeting the unit holding it, and puts it on the case timeline', async () => {
      const { c, s } = await onCase('GL-T1', as.gl_county, { level: 'URGING' });
      expect(s).toMatchObject({
        caseId: c.id,
        caseNo: c.caseNo,
        level: 'URGING',
        status: 'OPEN',
        version: 1,
        overdue: false,
        automatic: false,
        escalatedFromId: null,
      });
      expect(s.issuingUnit.code).toBe('GL');
      expect(s.targetUnit.code).toBe('GL-T1');
      expect(await actionsOn(c.id)).toEqual(['openSupervision']);
      expect(await eventsMentioning(s.id)).toBe(1);
      const row = await stored(s.id);
      expect(row).toMatchObject({
        issuingUnitId: unit('GL').id,
        targetUnitId: unit('GL-T1').id,
        targetPath: unit('GL-T1').path,
      });

      // the target unit and the units above it see it, on the case and by id
      for (const who of ['gl_station', 'gl_director', 'supervisor']) {
        const { supervisions } = await as[who].ok<{ supervisions: { total: number; items: Sup[] } }>(LIST, {
          f: { caseId: c.id },
        });
        expect(supervisions.items.map((i) => i.id)).toEqual([s.id]);
        expect((await as[who].ok<{ supervision: Sup }>(ONE, { id: s.id })).supervision.content).toBe(s.content);
      }
    });

    it('opens on a unit, issued by the actor’s unit, with no case', async () => {
      const s = await open(as.supervisor, {
        targetUnitId: unitId('GL-T2'),
        level: 'LISTED',
        content: '挂牌督办：本季度超期件清理',
      });
      expect(s).toMatchObject({ caseId: null, caseNo: null, level: 'LISTED', status: 'OPEN' });
      expect(s.issuingUnit.code).toBe('CITY');
      expect(s.targetUnit.code).toBe('GL-T2');
      expect(await eventsMentioning(s.id)).toBe(0);
      expect((await as.gl_county.ok<{ supervision: Sup }>(ONE, { id: s.id })).supervision.id).toBe(s.id);
    });
  });

  describe('responding', () => {
    it('takes one written response from the target unit and refuses a second', async () => {
      const { c, s } = await onCase('GL-T1');
      const res = await respond(as.gl_station, s, '已于今日电话联系消费者');
      expect(res.errors).toBeUndefined();
      const answered = res.data!.respondSupervision;
      expect(answered).toMatchObject({
        status: 'RESPONDED',
        response: '已于今日电话联系消费者',
        version: 2,
        respondedLate: false,
        overdue: false,
      });
      expect(answered.respondedAt).toEqual(expect.any(String));
      expect(await actionsOn(c.id)).toEqual(['openSupervision', 'respondSupervision']);

      for (const version of [2, 1]) {
        const again = await respond(as.gl_station, { id: s.id, version }, '再次答复');
        expect(again.errors?.[0].extensions).toMatchObject({
          code: 'SUPERVISION_ALREADY_RESPONDED',
          field: 'input.id',
        });
      }
      expect(await stored(s.id)).toMatchObject({ response: '已于今日电话联系消费者', version: 2 });
      expect(await actionsOn(c.id)).toEqual(['openSupervision', 'respondSupervision']);
    });

    it('lets staff of a workroom answer for their center', async () => {
      const s = await open(as.supervisor, { targetUnitId: unitId('GL') });
      expect((await as.gl_mediator.ok<{ supervision: Sup }>(ONE, { id: s.id })).supervision.targetUnit.code).toBe('GL');
      const listed = await as.gl_mediator.ok<{ supervisions: { items: Sup[] } }>(LIST, {
        f: { status: 'OPEN' },
        p: { limit: 100 },
      });
      expect(listed.supervisions.items.map((i) => i.id)).toContain(s.id);
      // the center's items, not the center's whole subtree
      expect(
        listed.supervisions.items.every(
          (i) => i.targetUnit.code === 'GL' || i.targetUnit.path.startsWith(unit('GL-RIGHTS').path),
        ),
      ).toBe(true);
      await onCase('GL-T1');
      const t1 = await as.gl_mediator
        .ok<{ supervisions: { total: number } }>(LIST, { f: { targetUnitId: unitId('GL-T1') } })
        .catch((e: Error) => e);
      expect(String(t1)).toContain('NOT_FOUND');
      const res = await respond(as.gl_mediator, s);
      expect(res.data?.respondSupervision.status).toBe('RESPONDED');
    });

    it('refuses a response from a unit that is not the target, even one above it', async () => {
      const { c, s } = await onCase('GL-T1');
      for (const who of ['gl_county', 'city_op']) {
        const res = await respond(as[who], s);
        expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUPERVISION_NOT_TARGET_UNIT', field: 'input.id' });
      }
      expect(await stored(s.id)).toMatchObject({ status: 'OPEN', version: 1, response: null });
      expect(await actionsOn(c.id)).toEqual(['openSupervision']);
    });

    it('answers a stale version with CONFLICT and changes nothing', async () => {
      const { c, s } = await onCase('GL-T1');
      const res = await respond(as.gl_station, { id: s.id, version: 7 });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
      const esc = await escalate(as.gl_county, { id: s.id, version: 3 });
      expect(esc.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.version' });
      expect(await stored(s.id)).toMatchObject({ status: 'OPEN', version: 1, response: null });
      expect(await actionsOn(c.id)).toEqual(['openSupervision']);
    });
  });

  describe('escalating', () => {
    it('moves an item up the tree, one parent at a time, and each parent sees it', async () => {
      const { c, s } = await onCase('GL-T1-V1', as.gl_county, { responseDueAt: due(48) });
      const first = await escalate(as.gl_county, s, { content: '村站未答复，升级至镇站' });
      expect(first.errors).toBeUndefined();
      const up1 = first.data!.escalateSupervision;
      expect(up1).toMatchObject({
        status: 'OPEN',
        escalatedFromId: s.id,
        caseId: c.id,
        level: 'SUPERVISION',
        version: 1,
        content: '村站未答复，升级至镇站',
      });
      expect(up1.targetUnit.code).toBe('GL-T1');
      expect(up1.issuingUnit.code).toBe('GL');
      // same response window as the escalated item when no deadline is given
      expect(new Date(up1.responseDueAt).getTime()).toBe(api.clock.now().getTime() + 48 * HOUR);
      expect((await as.gl_county.ok<{ supervision: Sup }>(ONE, { id: s.id })).supervision).toMatchObject({
        status: 'ESCALATED',
        version: 2,
      });
      expect((await as.gl_station.ok<{ supervision: Sup }>(ONE, { id: up1.id })).supervision.id).toBe(up1.id);

      // an escalated item is finished
      expect((await escalate(as.gl_county, { id: s.id, version: 2 })).errors?.[0].extensions?.code).toBe(
        'SUPERVISION_NOT_OPEN',
      );
      expect((await respond(as.gl_station, up1, '答复')).errors).toBeUndefined();

      const { s: other } = await onCase('GL-T1');
      const up2 = (await escalate(as.gl_county, other, { level: 'LISTED', responseDueAt: due(24) })).data!
        .escalateSupervision;
      expect(up2.targetUnit.code).toBe('GL');
      expect(up2.level).toBe('LISTED');
      const cityRes = await escalate(as.supervisor, up2);
      expect(cityRes.errors).toBeUndefined();
      const toCity = cityRes.data!.escalateSupervision;
      expect(toCity.targetUnit.code).toBe('CITY');
      expect((await as.supervisor.ok<{ supervision: Sup }>(ONE, { id: toCity.id })).supervision.status).toBe('OPEN');
      // the county is below the city: it no longer sees the item once it targets the city
      expect((await as.gl_county.error(ONE, { id: toCity.id })).extensions?.code).toBe('NOT_FOUND');
      expect(await actionsOn(other.caseId!)).toEqual(['openSupervision', 'escalateSupervision', 'escalateSupervision']);

      // the city center has no parent
      const before = await rowCount();
      const top = await escalate(as.supervisor, toCity);
      expect(top.errors?.[0].extensions).toMatchObject({ code: 'SUPERVISION_NO_PARENT_UNIT', field: 'input.id' });
      expect(await rowCount()).toBe(before);
      expect(await stored(toCity.id)).toMatchObject({ status: 'OPEN', version: 1 });
    });

    it('lets only the issuing side or units above the target escalate, and never lowers the level', async () => {
      const s = await open(as.supervisor, { targetUnitId: unitId('GL'), level: 'SUPERVISION' });
      const byTarget = await escalate(as.gl_county, s);
      expect(byTarget.errors?.[0].extensions).toMatchObject({
        code: 'SUPERVISION_ESCALATE_NOT_ALLOWED',
        field: 'input.id',
      });
      const { s: onStation } = await onCase('GL-T1');
      expect((await escalate(as.gl_station, onStation)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const lower = await escalate(as.supervisor, s, { level: 'URGING' });
      expect(lower.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level' });
      // city reception shares the issuing center (CITY) with the supervisor
      expect((await escalate(as.city_op, s)).data?.escalateSupervision.targetUnit.code).toBe('CITY');
    });
  });

  describe('counts per unit', () => {
    it('counts open, responded, overdue and escalated items per target unit', async () => {
      // Within the access-token lifetime (15 min), so the sessions stay valid when the clock moves.
      const SHIFT = 10 * 60_000;
      const t0 = api.clock.now();
      // "before" at the same moment as "after", so older items' overdue state is the same in both
      api.clock.set(new Date(t0.getTime() + SHIFT));
      const before = await counts(as.gl_county);
      api.clock.set(t0);

      const { s: a } = await onCase('GL-T1', as.gl_county, { responseDueAt: due(5 / 60) });
      await onCase('GL-T1', as.gl_county, { responseDueAt: due(72) });
      const { s: cItem } = await onCase('GL-T1');
      expect((await respond(as.gl_station, cItem)).errors).toBeUndefined();
      await onCase('GL-E1', as.gl_county, { responseDueAt: due(72) });
      const { s: e } = await onCase('GL-E1', as.gl_county, { responseDueAt: due(72) });
      expect((await escalate(as.gl_county, e)).errors).toBeUndefined();

      api.clock.set(new Date(t0.getTime() + SHIFT));
      const after = await counts(as.gl_county);
      const delta = (code: string) => {
        const b = before.get(code);
        const x = after.get(code)!;
        return {
          open: x.open - (b?.open ?? 0),
          responded: x.responded - (b?.responded ?? 0),
          overdue: x.overdue - (b?.overdue ?? 0),
          escalated: x.escalated - (b?.escalated ?? 0),
          total: x.total - (b?.total ?? 0),
        };
      };
      expect(delta('GL-T1')).toEqual({ open: 2, responded: 1, overdue: 1, escalated: 0, total: 3 });
      expect(delta('GL-E1')).toEqual({ open: 1, responded: 0, overdue: 0, escalated: 1, total: 2 });
      expect(delta('GL')).toEqual({ open: 1, responded: 0, overdue: 0, escalated: 0, total: 1 });
      expect([...after.values()].every((r) => r.unit.path.startsWith(unit('GL').path))).toBe(true);

      const overdue = await as.gl_county.ok<{ supervisions: { items: Sup[] } }>(LIST, {
        f: { targetUnitId: unitId('GL-T1'), includeSubtree: false, overdueOnly: true },
        p: { limit: 100 },
      });
      expect(overdue.supervisions.items.map((i) => i.id)).toContain(a.id);
      expect(
        overdue.supervisions.items.every((i) => i.overdue && i.status === 'OPEN' && i.targetUnit.code === 'GL-T1'),
      ).toBe(true);

      // one unit's subtree only
      const t1 = await counts(as.gl_county, unitId('GL-T1'));
      expect([...t1.keys()].every((code) => code.startsWith('GL-T1'))).toBe(true);
      expect(t1.get('GL-T1')).toEqual(after.get('GL-T1'));

      // an ALL-scope supervisor sees every item: the counts match the table
      const all = await counts(as.supervisor);
      const [sql] = await api.ds.query(
        "SELECT COUNT(*) AS total, SUM(status = 'OPEN' AND response_due_at < ?) AS overdue FROM supervision",
        [api.clock.now()],
      );
      expect([...all.values()].reduce((n, r) => n + r.total, 0)).toBe(Number(sql.total));
      expect([...all.values()].reduce((n, r) => n + r.overdue, 0)).toBe(Number(sql.overdue));
      const { supervisions } = await as.supervisor.ok<{ supervisions: { total: number } }>(LIST, {});
      expect(supervisions.total).toBe(Number(sql.total));
      api.clock.set(t0);
    });
  });

  describe('org scope', () => {
    it('keeps a HX user from opening on, answering, escalating, listing or reading a GL supervision', async () => {
      const { c, s } = await onCase('GL-T1');
      const rows = await rowCount();
      const hx = as.hx_director;
      const missing = '999999999';

      const onForeignCase = await hx.error(OPEN, {
        input: { caseId: c.id, level: 'URGING', content: '催办', responseDueAt: due(24) },
      });
      const onMissingCase = await hx.error(OPEN, {
        input: { caseId: missing, level: 'URGING', content: '催办', responseDueAt: due(24) },
      });
      expect(onForeignCase.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.caseId' });
      expect(shape(onForeignCase)).toEqual(shape(onMissingCase));

      const onForeignUnit = await hx.error(OPEN, {
        input: { targetUnitId: unitId('GL-T1'), level: 'URGING', content: '催办', responseDueAt: due(24) },
      });
      const onMissingUnit = await hx.error(OPEN, {
        input: { targetUnitId: missing, level: 'URGING', content: '催办', responseDueAt: due(24) },
      });
      expect(onForeignUnit.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.targetUnitId' });
      expect(shape(onForeignUnit)).toEqual(shape(onMissingUnit));

      for (const client of [hx, as.hx_station]) {
        const r = (await respond(client, s)).errors![0];
        expect(r.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
        expect(shape(r)).toEqual(shape((await respond(client, { id: missing, version: 1 })).errors![0]));
      }
      const e = (await escalate(hx, s)).errors![0];
      expect(e.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.id' });
      expect(shape(e)).toEqual(shape((await escalate(hx, { id: missing, version: 1 })).errors![0]));

      const read = await hx.error(ONE, { id: s.id });
      expect(read.extensions?.code).toBe('NOT_FOUND');
      expect(shape(read)).toEqual(shape(await hx.error(ONE, { id: missing })));

      const byCase = await hx.ok<{ supervisions: { total: number } }>(LIST, { f: { caseId: c.id } });
      expect(byCase.supervisions.total).toBe(0);
      const everything = await hx.ok<{ supervisions: { total: number; items: Sup[] } }>(LIST, { p: { limit: 100 } });
      expect(everything.supervisions.items.every((i) => i.targetUnit.path.startsWith(unit('HX').path))).toBe(true);
      const filtered = await hx.error(LIST, { f: { targetUnitId: unitId('GL') } });
      expect(filtered.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'filter.targetUnitId' });

      const hxCounts = await counts(hx);
      expect([...hxCounts.values()].every((r) => r.unit.path.startsWith(unit('HX').path))).toBe(true);
      expect((await hx.error(COUNTS, { unitId: unitId('GL') })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'unitId',
      });

      expect(await rowCount()).toBe(rows);
      expect(await actionsOn(c.id)).toEqual(['openSupervision']);
      expect(await stored(s.id)).toMatchObject({ status: 'OPEN', version: 1, response: null });
    });
  });

  describe('bad input', () => {
    it('names the field and stores nothing', async () => {
      const c = await insertCase(api.ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
      const { s } = await onCase('GL-T1');
      const rows = await rowCount();
      const base = { caseId: c.id, level: 'SUPERVISION', content: '请答复', responseDueAt: due(24) };
      const fieldOf = async (input: Record<string, unknown>) => (await as.gl_county.error(OPEN, { input })).extensions;

      const { content: _omitted, ...noContent } = base;
      const missingContent = await as.gl_county.error(OPEN, { input: noContent });
      expect(missingContent.extensions?.code).toBe('BAD_USER_INPUT');
      expect(missingContent.message).toContain('content');
      expect(await fieldOf({ ...base, content: '   ' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.content',
      });
      expect(await fieldOf({ ...base, content: '长'.repeat(2001) })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.content',
      });
      expect(await fieldOf({ ...base, responseDueAt: due(-0.01) })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.responseDueAt',
      });
      expect(await fieldOf({ ...base, responseDueAt: 'next tuesday' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.responseDueAt',
      });
      expect(await fieldOf({ ...base, targetUnitId: unitId('GL-T1') })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.caseId',
      });
      const { caseId: _none, ...neither } = base;
      expect(await fieldOf(neither)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.caseId' });
      expect(await fieldOf({ ...base, level: 'URGENT' })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.level',
      });
      expect(await fieldOf({ ...base, caseId: "1' OR '1'='1" })).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.caseId',
      });

      expect((await respond(as.gl_station, s, ' ')).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.response',
      });
      expect((await respond(as.gl_station, s, '长'.repeat(5001))).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.response',
      });
      expect((await escalate(as.gl_county, s, { responseDueAt: due(-1) })).errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.responseDueAt',
      });

      expect(await rowCount()).toBe(rows);
      expect(await actionsOn(c.id)).toEqual([]);
      expect(await actionsOn(s.caseId!)).toEqual(['openSupervision']);
      expect(await stored(s.id)).toMatchObject({ status: 'OPEN', version: 1 });
    });
  });

  describe('automatic supervision (deadline engine)', () => {
    const key = () => `test:${Date.now().toString(36)}:${Math.floor(Math.random() * 1e9).toString(36)}`;

    it('opens one item per sourceKey however often it is called, in the caller’s transaction', async () => {
      const svc = api.app.get(SupervisionService);
      const c = await insertCase(api.ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
      const sourceKey = key();
      const params = {
        caseId: c.id,
        targetUnitId: unit('GL-T1').id,
        level: 'URGING' as const,
        content: '办理超期，系统自动催办',
        responseDueAt: new Date(api.clock.now().getTime() + 24 * HOUR),
        sourceKey,
      };
      const first = await api.ds.transaction((m) => svc.openAutomatic(m, params));
      const second = await api.ds.transaction((m) => svc.openAutomatic(m, params));
      expect(first.created).toBe(true);
      expect(second).toEqual({ id: first.id, created: false });
      expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey })).toBe(1);
      expect(await actionsOn(c.id)).toEqual(['openSupervision']);
      expect(await stored(first.id)).toMatchObject({
        automatic: true,
        issuedById: null,
        issuingUnitId: unit('GL').id,
        targetUnitId: unit('GL-T1').id,
        status: 'OPEN',
      });
      const seen = (await as.gl_station.ok<{ supervision: Sup }>(ONE, { id: first.id })).supervision;
      expect(seen).toMatchObject({ automatic: true, level: 'URGING', caseId: c.id });

      // two engines at once: still one row
      const raced = key();
      const both = await Promise.all(
        [0, 1].map(() => api.ds.transaction((m) => svc.openAutomatic(m, { ...params, sourceKey: raced }))),
      );
      expect(both.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(both.map((r) => r.id)).size).toBe(1);
      expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: raced })).toBe(1);

      // the caller's rollback takes the item and its timeline entry with it
      const rolledBack = key();
      const other = await insertCase(api.ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
      await expect(
        api.ds.transaction(async (m) => {
          await svc.openAutomatic(m, { ...params, caseId: other.id, sourceKey: rolledBack });
          throw new Error('caller failed');
        }),
      ).rejects.toThrow('caller failed');
      expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: rolledBack })).toBe(0);
      expect(await actionsOn(other.id)).toEqual([]);
    });
  });
});
