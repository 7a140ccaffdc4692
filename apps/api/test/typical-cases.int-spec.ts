import { TypicalCaseEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { CaseOps, complaint, freshPhone } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// #16 item 5, 典型案例: written by directors in the console, owned by a unit of their scope (a county sees
// and changes its own subtree only), published on the public site and withdrawn with a reason (audited).
const FIELDS = `id unitId unitName title category problemType problemTypeName facts handling lesson sourceCaseId sourceCaseNo status publishedAt withdrawnAt withdrawReason version updatedByName`;
const SAVE = `mutation($input: SaveTypicalCaseInput!) { saveTypicalCase(input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!, $v: Int!) { publishTypicalCase(id: $id, version: $v) { ${FIELDS} } }`;
const WITHDRAW = `mutation($input: WithdrawTypicalCaseInput!) { withdrawTypicalCase(input: $input) { ${FIELDS} } }`;
const LIST = `query($f: TypicalCaseFilter, $p: PageInput) { typicalCases(filter: $f, page: $p) { total items { id title status unitName } } }`;
const ONE = `query($id: ID!) { typicalCase(id: $id) { ${FIELDS} } }`;
const PUBLIC_LIST = `query($k: String, $o: Int, $l: Int) { publicTypicalCases(keyword: $k, offset: $o, limit: $l) { total items { ref title category problemType unitName publishedAt excerpt } } }`;
const PUBLIC_ONE = `query($r: String!) { publicTypicalCase(ref: $r) { ref title category problemType unitName publishedAt facts handling lesson } }`;

interface Typical {
  id: string;
  unitId: string;
  unitName: string;
  title: string;
  status: string;
  version: number;
  sourceCaseNo: string | null;
  [k: string]: unknown;
}

const draft = (tag: string, extra: Record<string, unknown> = {}) => ({
  title: `预付式消费“跑路”维权案${tag}`,
  category: '美容美发',
  problemType: 'CONTRACT',
  facts: `消费者在某美容店办理储值卡后，该店突然停业${tag}。`,
  handling: '经调解，经营者退还剩余储值金额。',
  lesson: '办理预付卡时要选择信誉良好的经营者，保留好消费凭证。',
  ...extra,
});

describe('典型案例 (typical cases): console → public site', () => {
  let api: TestApi;
  let gl: GqlClient;
  let hx: GqlClient;
  let city: GqlClient;

  beforeAll(async () => {
    api = await startTestApi();
    gl = (await loginAs(api.gql, 'gl_director')).client;
    hx = (await loginAs(api.gql, 'hx_director')).client;
    city = (await loginAs(api.gql, 'city_director')).client;
  });
  afterAll(() => api?.close());

  const publicList = async (k: string | null, o = 0, l = 10) =>
    (await api.gql.ok<{ publicTypicalCases: { total: number; items: any[] } }>(PUBLIC_LIST, { k, o, l }))
      .publicTypicalCases;
  const refOf = async (id: string) => (await api.ds.getRepository(TypicalCaseEntity).findOneByOrFail({ id })).ref;

  it('a county director writes, publishes and withdraws a typical case; the public site follows', async () => {
    const tag = Date.now().toString(36);
    const saved = (await gl.ok<{ saveTypicalCase: Typical }>(SAVE, { input: draft(tag) })).saveTypicalCase;
    expect(saved).toMatchObject({
      status: 'DRAFT',
      version: 1,
      unitName: '鼓楼区消费者维权中心',
      problemTypeName: '合同',
      category: '美容美发',
      updatedByName: '鼓楼区主任',
    });
    const ref = await refOf(saved.id);
    expect(ref).toMatch(/^[0-9a-f]{16}$/);
    // A draft is nowhere on the public site, and its ref answers like an unknown one.
    expect((await publicList(tag)).total).toBe(0);
    const unknown = (await api.gql.error(PUBLIC_ONE, { r: 'ffffffffffffffff' })).extensions;
    expect((await api.gql.error(PUBLIC_ONE, { r: ref })).extensions).toEqual(unknown);

    const published = (await gl.ok<{ publishTypicalCase: Typical }>(PUBLISH, { id: saved.id, v: 1 }))
      .publishTypicalCase;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 2 });
    const page = await publicList(tag);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      ref,
      title: `预付式消费“跑路”维权案${tag}`,
      category: '美容美发',
      problemType: '合同',
      unitName: '鼓楼区消费者维权中心',
    });
    const detail = (await api.gql.ok<{ publicTypicalCase: Record<string, string> }>(PUBLIC_ONE, { r: ref }))
      .publicTypicalCase;
    expect(detail).toMatchObject({ facts: draft(tag).facts, handling: draft(tag).handling, lesson: draft(tag).lesson });
    expect(JSON.stringify(detail)).not.toContain('鼓楼区主任');

    // Publishing twice, or with a stale version, is refused; a withdrawal needs a reason.
    expect((await gl.error(PUBLISH, { id: saved.id, v: 2 })).extensions?.code).toBe('CONFLICT');
    expect((await gl.error(WITHDRAW, { input: { id: saved.id, version: 1, reason: '有误' } })).extensions?.code).toBe(
      'CONFLICT',
    );
    expect((await gl.error(WITHDRAW, { input: { id: saved.id, version: 2, reason: '   ' } })).extensions).toMatchObject(
      { code: 'BAD_USER_INPUT', field: 'input.reason' },
    );
    const withdrawn = (
      await gl.ok<{ withdrawTypicalCase: Typical }>(WITHDRAW, {
        input: { id: saved.id, version: 2, reason: '经营者已整改，案例表述需更新' },
      })
    ).withdrawTypicalCase;
    expect(withdrawn).toMatchObject({
      status: 'WITHDRAWN',
      withdrawReason: '经营者已整改，案例表述需更新',
      version: 3,
    });
    expect((await publicList(tag)).total).toBe(0);
    expect((await api.gql.error(PUBLIC_ONE, { r: ref })).extensions).toEqual(unknown);

    const audit = (await api.ds.query(
      `SELECT action, detail FROM audit_event WHERE target_type = 'typical_case' AND target_id = ? ORDER BY id`,
      [saved.id],
    )) as { action: string; detail: unknown }[];
    expect(audit.map((a) => a.action)).toEqual(['typicalCase.create', 'typicalCase.publish', 'typicalCase.withdraw']);
    expect(JSON.stringify(audit[2]!.detail)).toContain('经营者已整改');

    // Edited after the withdrawal and published again: the public sees the new text.
    const edited = (
      await gl.ok<{ saveTypicalCase: Typical }>(SAVE, {
        input: { ...draft(tag, { title: `预付卡维权案（修订）${tag}` }), id: saved.id, version: 3 },
      })
    ).saveTypicalCase;
    await gl.ok(PUBLISH, { id: saved.id, v: edited.version });
    expect((await publicList(tag)).items.map((i) => i.title)).toEqual([`预付卡维权案（修订）${tag}`]);
  });

  it('lists the newest first with the total, searches title and text, and serves the list from a cache', async () => {
    const tag = `p${Date.now().toString(36)}`;
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const t = (await city.ok<{ saveTypicalCase: Typical }>(SAVE, { input: draft(tag, { title: `第${n}号${tag}` }) }))
        .saveTypicalCase;
      api.clock.advance(1000);
      await city.ok(PUBLISH, { id: t.id, v: 1 });
      ids.push(t.id);
    }
    const first = await publicList(tag, 0, 2);
    expect(first.total).toBe(3);
    expect(first.items.map((i) => i.title)).toEqual([`第3号${tag}`, `第2号${tag}`]);
    expect((await publicList(tag, 2, 2)).items.map((i) => i.title)).toEqual([`第1号${tag}`]);
    // The keyword matches the text too (facts carry the tag), and nothing else.
    expect((await publicList(`储值卡后，该店突然停业${tag}`)).total).toBe(3);
    expect((await publicList(`${tag}不存在`)).total).toBe(0);
    // Cached: a change behind the API's back shows only after the cache's minute.
    await api.ds.query('UPDATE typical_case SET title = ? WHERE id = ?', [`第1号（改）${tag}`, ids[0]]);
    expect((await publicList(tag, 2, 2)).items[0].title).toBe(`第1号${tag}`);
    api.clock.advance(61_000);
    expect((await publicList(tag, 2, 2)).items[0].title).toBe(`第1号（改）${tag}`);
  });

  it('keeps another county out through every query and mutation', async () => {
    const tag = `s${Date.now().toString(36)}`;
    const mine = (await gl.ok<{ saveTypicalCase: Typical }>(SAVE, { input: draft(tag) })).saveTypicalCase;
    const code = async (p: Promise<{ extensions?: { code?: string } }>) => (await p).extensions?.code;
    const hxList = (await hx.ok<{ typicalCases: { items: Typical[] } }>(LIST, { f: { keyword: tag } })).typicalCases;
    expect(hxList.items).toEqual([]);
    expect(await code(hx.error(ONE, { id: mine.id }))).toBe('NOT_FOUND');
    expect(await code(hx.error(SAVE, { input: { ...draft(tag), id: mine.id, version: 1 } }))).toBe('NOT_FOUND');
    expect(await code(hx.error(SAVE, { input: { ...draft(tag), unitId: mine.unitId } }))).toBe('NOT_FOUND');
    expect(await code(hx.error(PUBLISH, { id: mine.id, v: 1 }))).toBe('NOT_FOUND');
    expect(await code(hx.error(WITHDRAW, { input: { id: mine.id, version: 1, reason: '越权' } }))).toBe('NOT_FOUND');
    // Receptionists and stations hold no TYPICAL_CASE_MANAGE.
    for (const user of ['gl_county', 'hx_county', 'gl_station']) {
      const c = (await loginAs(api.gql, user)).client;
      expect(await code(c.error(LIST, {}))).toBe('FORBIDDEN');
      expect(await code(c.error(SAVE, { input: draft(tag) }))).toBe('FORBIDDEN');
    }
    // The owner and the city see it; nothing changed under the other county's attempts.
    const glList = (await gl.ok<{ typicalCases: { total: number; items: Typical[] } }>(LIST, { f: { keyword: tag } }))
      .typicalCases;
    expect(glList.items.map((t) => t.id)).toEqual([mine.id]);
    expect((await city.ok<{ typicalCase: Typical }>(ONE, { id: mine.id })).typicalCase).toMatchObject({
      status: 'DRAFT',
      version: 1,
    });
    // hx writes its own, which gl does not see.
    const theirs = (await hx.ok<{ saveTypicalCase: Typical }>(SAVE, { input: draft(tag) })).saveTypicalCase;
    expect(theirs.unitName).toBe('红星县消费者维权中心');
    expect(await code(gl.error(ONE, { id: theirs.id }))).toBe('NOT_FOUND');
    expect((await gl.ok<{ typicalCases: { total: number } }>(LIST, { f: { keyword: tag } })).typicalCases.total).toBe(
      1,
    );
  });

  it('links only a concluded case of the writer’s scope, and copies nothing of it', async () => {
    const op = new CaseOps((await loginAs(api.gql, 'city_op')).client);
    const mediator = new CaseOps((await loginAs(api.gql, 'city_mediator')).client);
    let c = await op.register(complaint({ consumer: { name: '周七', phone: freshPhone(), address: '私密小区 3 号' } }));
    const open = c;
    c = await op.run('acceptCase', c);
    c = await op.run('dispatchCase', c, { targetType: 'WORKROOM', workroom: 'RIGHTS', mode: 'IMMEDIATE' });
    c = await mediator.run('receiveCase', c);
    c = await mediator.run('concludeCase', c, { outcome: 'MEDIATED', agreementText: '退款' });
    const open2 = await op.register(complaint());
    const tag = `l${Date.now().toString(36)}`;
    const linked = (await city.ok<{ saveTypicalCase: Typical }>(SAVE, { input: draft(tag, { sourceCaseId: c.id }) }))
      .saveTypicalCase;
    expect(linked).toMatchObject({ sourceCaseId: c.id, sourceCaseNo: c.caseNo });
    expect(open.id).toBe(c.id);
    // Not concluded → refused next to the field; another scope's case → the same NOT_FOUND as no case.
    expect((await city.error(SAVE, { input: draft(tag, { sourceCaseId: open2.id }) })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sourceCaseId',
    });
    expect((await gl.error(SAVE, { input: draft(tag, { sourceCaseId: c.id }) })).extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.sourceCaseId',
    });
    await city.ok(PUBLISH, { id: linked.id, v: 1 });
    const shown = await publicList(tag);
    const detail = await api.gql.ok(PUBLIC_ONE, { r: shown.items[0].ref });
    expect(JSON.stringify({ shown, detail })).not.toMatch(new RegExp(`周七|私密小区|${c.caseNo}`));
  });

  it('refuses bad input next to the field and stores nothing', async () => {
    const repo = api.ds.getRepository(TypicalCaseEntity);
    const before = await repo.count();
    const field = async (input: Record<string, unknown>) => (await gl.error(SAVE, { input })).extensions;
    expect(await field(draft('x', { title: '  ' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.title' });
    expect(await field(draft('x', { lesson: '' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.lesson' });
    expect(await field(draft('x', { facts: '长'.repeat(5001) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.facts',
    });
    expect(await field(draft('x', { problemType: 'NO_SUCH_TYPE' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.problemType',
    });
    expect(await field(draft('x', { unitId: 'abc' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.unitId' });
    expect(await repo.count()).toBe(before);
  });
});
