import { CaseEntity, CaseSearchIndexer, escapeLike, IDENT_COLUMNS, OPEN_COLUMNS, OrgUnitEntity } from '@weiquan/core';
import {
  BUSINESSES,
  personName,
  mobile,
  residentId,
  consumerAddress,
} from '../../../libs/core/src/seed/demo-case-content';
import { FRESH_CASE_PROGRESS } from '@weiquan/core';
import { GqlClient, loginAs, narrative } from '@weiquan/testing';
import { seededRandom } from '../../../libs/core/src/seed/demo-case-content';
import { CaseOps, complaint, freshPhone } from './case-ops';
import { KEYWORD_TOTAL_BOUND } from '../src/modules/case/case-search.service';
import { startTestApi, TestApi } from './test-api';

const LIST = `query($f: CaseFilter, $p: PageInput) { cases(filter: $f, page: $p) { total totalIsLowerBound items { id } } }`;
type ListResult = { cases: { total: number; totalIsLowerBound: boolean; items: { id: string }[] } };

const UNITS = ['CITY', 'GL', 'GL-T1', 'GL-T1-V1', 'GL-RIGHTS', 'HX', 'HX-T1', 'QS'];
const N_CASES = 400;

/**
 * Keyword search (Mroonga bigram index) against the plain LIKE it replaces: on generated cases with
 * Chinese narratives, names, addresses, phones, ID numbers and credit codes, for a few hundred keywords
 * of 2–6 characters and digit fragments, every user sees exactly the cases (and the total) that
 * `LIKE '%kw%'` over the same columns gives within their data scope — and a role that may not unmask
 * the consumer matches only what it is shown (issue 11, 2.12).
 */
describe('Case keyword search', () => {
  let api: TestApi;
  const users: Record<string, GqlClient> = {};
  const keywords: string[] = [];
  // The test database outlives a run: this run's case numbers are its own.
  const run = (Date.now() % 1e8).toString(36).toUpperCase();
  let firstNo = '';

  beforeAll(async () => {
    api = await startTestApi();
    for (const u of ['city_op', 'gl_county', 'hx_county', 'gl_station', 'city_mediator'])
      users[u] = (await loginAs(api.gql, u)).client;
    const units = await api.ds.getRepository(OrgUnitEntity).find();
    const byCode = new Map(units.map((u) => [u.code, u]));
    const r = seededRandom(18);
    firstNo = `KW${run}-000001`;
    const pickOf = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
    const t0 = Date.now() - 30 * 86_400_000;
    const rows: Partial<CaseEntity>[] = [];
    for (let i = 0; i < N_CASES; i++) {
      const owner = byCode.get(pickOf(UNITS))!;
      const biz = pickOf(BUSINESSES);
      const kind = pickOf(['COMPLAINT', 'COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] as const);
      const receivedAt = new Date(t0 + Math.floor(r() * 29 * 86_400_000));
      rows.push({
        ...FRESH_CASE_PROGRESS,
        caseNo: `KW${run}-${String(i + 1).padStart(6, '0')}`,
        kind,
        channel: 'PHONE_12315',
        state: 'IN_PROGRESS',
        isOpen: r() < 0.8,
        round: 1,
        receivedAt,
        registeredAt: receivedAt,
        intakeUnitId: owner.id,
        ownerUnitId: owner.id,
        ownerPath: owner.path,
        consumerName: personName(r),
        consumerPhone: mobile(r),
        consumerIdNumber: r() < 0.5 ? residentId(r, biz.county) : null,
        consumerAddress: consumerAddress(r, biz.county),
        anonymous: r() < 0.1,
        respondentName: kind === 'CONSULTATION' ? null : biz.name,
        respondentCreditCode: kind === 'CONSULTATION' ? null : biz.creditCode,
        respondentAddress: kind === 'CONSULTATION' ? null : biz.address,
        summary: narrative(
          r,
          kind,
          biz,
          pickOf(['电饭煲', '美的电器', '健身年卡', '羽绒服', '纯牛奶']),
          1000,
          +receivedAt,
        ),
        majorUrgent: false,
        groupComplaint: false,
        mediaAttention: false,
        consentPublication: false,
        consentEntrustedMediation: false,
      });
    }
    await api.ds.getRepository(CaseEntity).insert(rows);
    await api.app.get(CaseSearchIndexer).drain();

    // Keywords: substrings of 2–6 characters of every searched column, digit fragments of phones,
    // ID numbers and credit codes, and a few that occur nowhere.
    const columns = [...OPEN_COLUMNS, ...IDENT_COLUMNS];
    const stored: Record<string, string | null>[] = await api.ds.query(`SELECT ${columns.join(', ')} FROM wq_case`);
    const kw = new Set<string>(['美的', '电饭煲', '1380013', '消费者', '退款', '无此词语', '9135', `KW${run}-0001`]);
    while (kw.size < 300) {
      const text = pickOf(stored)[pickOf(columns)];
      if (!text || text.length < 2) continue;
      const len = 2 + Math.floor(r() * Math.min(5, text.length - 1));
      const at = Math.floor(r() * (text.length - len + 1));
      const k = [...text].slice(at, at + len).join('');
      if (k.trim() === k && !/\s/.test(k) && k.length >= 2) kw.add(k);
    }
    // Letter/digit fragments of 4–9 characters (5 and more: the codes index, a phrase of 5-grams), some
    // typed in lower case, and two that occur nowhere.
    const codeColumns = ['consumer_phone', 'consumer_id_number', 'respondent_credit_code'];
    kw.add('99999999');
    kw.add('0000x');
    while (kw.size < 360) {
      const text = pickOf(stored)[pickOf(codeColumns)];
      if (!text) continue;
      const len = Math.min(text.length, 4 + Math.floor(r() * 6));
      const at = Math.floor(r() * (text.length - len + 1));
      const k = text.slice(at, at + len);
      if (/^[0-9A-Za-z]{4,}$/.test(k)) kw.add(r() < 0.3 ? k.toLowerCase() : k);
    }
    keywords.push(...kw);
  });
  afterAll(() => api?.close());

  /** What LIKE over the same columns gives, within the user's scope (and an extra condition), newest first. */
  const expected = async (
    username: string,
    k: string | null,
    extra = '1 = 1',
    extraArgs: unknown[] = [],
  ): Promise<string[]> => {
    const [u] = await api.ds.query(
      'SELECT u.data_scope AS scope, o.path, o.id AS unitId FROM app_user u JOIN org_unit o ON o.id = u.unit_id WHERE u.username = ?',
      [username],
    );
    const unmask = ['city_op', 'gl_county', 'hx_county'].includes(username);
    const like = `%${escapeLike(k ?? '')}%`;
    const conds = OPEN_COLUMNS.map((c) => `c.${c} LIKE ?`);
    const args: unknown[] = OPEN_COLUMNS.map(() => like);
    if (unmask) {
      conds.push(...IDENT_COLUMNS.map((c) => `c.${c} LIKE ?`));
      args.push(...IDENT_COLUMNS.map(() => like));
    } else {
      conds.push("(c.kind <> 'REPORT' AND c.anonymous = 0 AND (c.consumer_name LIKE ? OR c.consumer_address LIKE ?))");
      args.push(like, like);
    }
    const match = k === null ? '1 = 1' : `(${conds.join(' OR ')})`;
    if (k === null) args.length = 0;
    let scope = '1 = 1';
    if (u.scope === 'SUBTREE') {
      scope = 'c.owner_path LIKE ?';
      args.push(`${escapeLike(u.path)}%`);
    } else if (u.scope === 'OWN_UNIT') {
      scope = 'c.owner_unit_id = ?';
      args.push(u.unitId);
    }
    const rows = await api.ds.query(
      `SELECT c.id FROM wq_case c WHERE ${match} AND ${scope} AND ${extra} ORDER BY c.received_at DESC, c.id DESC`,
      [...args, ...extraArgs],
    );
    return rows.map((x: { id: string }) => String(x.id));
  };

  /** The same ids oldest first (received_at, then id). */
  const ascending = async (ids: string[]): Promise<string[]> => {
    if (!ids.length) return [];
    const rows = await api.ds.query('SELECT id FROM wq_case WHERE id IN (?) ORDER BY received_at, id', [ids]);
    return rows.map((x: { id: string }) => String(x.id));
  };

  /** A page equals LIKE's: the same ids in order, and the exact total (or the bound, said so, beyond it). */
  const expectPage = (k: string, cases: ListResult['cases'], want: string[], offset: number, limit: number) => {
    const bounded = cases.totalIsLowerBound;
    expect({ k, ids: cases.items.map((c) => c.id), total: cases.total, bounded }).toEqual({
      k,
      ids: want.slice(offset, offset + limit),
      total: bounded ? KEYWORD_TOTAL_BOUND : want.length,
      bounded: bounded && want.length > KEYWORD_TOTAL_BOUND,
    });
  };

  it.each(['city_op', 'gl_county', 'hx_county', 'gl_station', 'city_mediator'])(
    'finds exactly what LIKE finds, within the scope of %s',
    async (username) => {
      let nonEmpty = 0;
      for (const k of keywords) {
        const want = await expected(username, k);
        const { cases } = await users[username]!.ok<ListResult>(LIST, { f: { keyword: k }, p: { limit: 100 } });
        expectPage(k, cases, want, 0, 100);
        if (want.length) nonEmpty++;
      }
      // The keywords are drawn from the data: most find something (the test would be vacuous otherwise).
      expect(nonEmpty).toBeGreaterThan(username === 'gl_station' ? 10 : 100);
    },
    300_000,
  );

  // The index answers a list with only unit and open/closed inside the engine (one Groonga select), a list
  // with any other filter in SQL (index hits joined with the list's query): both give exactly LIKE's answer.
  it.each([
    ['city_op', { unitId: 'GL', open: true }, "c.owner_path LIKE CONCAT(?, '%') AND c.is_open = 1", 'GL'],
    ['gl_county', { unitId: 'GL-T1', open: false }, "c.owner_path LIKE CONCAT(?, '%') AND c.is_open = 0", 'GL-T1'],
    ['city_mediator', { open: true, sort: 'RECEIVED_ASC' }, 'c.is_open = 1', null],
    ['hx_county', { kinds: ['COMPLAINT'] }, "c.kind = 'COMPLAINT'", null],
    [
      'city_op',
      { unitId: 'HX', states: ['IN_PROGRESS'] },
      "c.owner_path LIKE CONCAT(?, '%') AND c.state = 'IN_PROGRESS'",
      'HX',
    ],
  ] as const)(
    'finds exactly what LIKE finds as %s with the filter %j, on later pages too',
    async (username, filter, sql, unit) => {
      const units = await api.ds.getRepository(OrgUnitEntity).find();
      const u = unit ? units.find((x) => x.code === unit)! : null;
      const f: Record<string, unknown> = { ...filter };
      if (u) f.unitId = String(u.id);
      const asc = 'sort' in filter;
      // drawn keywords and letter/digit fragments (the codes index) alike
      for (const k of [...keywords.slice(0, 45), ...keywords.slice(-15)]) {
        let want = await expected(username, k, sql, u ? [u.path] : []);
        if (asc) want = await ascending(want);
        for (const offset of [0, 5]) {
          const { cases } = await users[username]!.ok<ListResult>(LIST, {
            f: { ...f, keyword: k },
            p: { offset, limit: 5 },
          });
          expectPage(k, cases, want, offset, 5);
        }
      }
    },
    300_000,
  );

  // issue 18, item 3: the lookups by address and by business find any part of it (through the engine),
  // exactly as LIKE '%…%' on that column, within the scope, and never by what is masked for the user.
  it.each(['city_op', 'gl_county', 'hx_county', 'city_mediator'])(
    'looks cases up by any part of an address or a business name, as %s',
    async (username) => {
      const stored: { a: string; r: string | null; code: string | null }[] = await api.ds.query(
        'SELECT consumer_address AS a, respondent_name AS r, respondent_credit_code AS code FROM wq_case WHERE case_no LIKE ?',
        [`KW${run}-%`],
      );
      const r = seededRandom(11);
      const part = (t: string, n: number) => {
        const at = Math.floor(r() * Math.max(1, t.length - n));
        return [...t].slice(at, at + n).join('');
      };
      const unmask = username !== 'city_mediator';
      for (let i = 0; i < 12; i++) {
        const row = stored[Math.floor(r() * stored.length)]!;
        const addr = part(row.a, 3 + (i % 4));
        const wantAddr = await expected(
          username,
          null,
          `c.consumer_address LIKE ?${unmask ? '' : " AND c.kind <> 'REPORT' AND c.anonymous = 0"}`,
          [`%${escapeLike(addr)}%`],
        );
        const byAddr = await users[username]!.ok<ListResult>(LIST, { f: { consumerAddress: addr }, p: { limit: 100 } });
        expect({ addr, ids: byAddr.cases.items.map((c) => c.id) }).toEqual({ addr, ids: wantAddr.slice(0, 100) });
        if (!row.r) continue;
        for (const resp of [part(row.r, 2 + (i % 3)), row.code!]) {
          const want = await expected(username, null, '(c.respondent_name LIKE ? OR c.respondent_credit_code = ?)', [
            `%${escapeLike(resp)}%`,
            resp.toUpperCase(),
          ]);
          const got = await users[username]!.ok<ListResult>(LIST, { f: { respondent: resp }, p: { limit: 100 } });
          expect({ resp, ids: got.cases.items.map((c) => c.id), total: got.cases.total }).toEqual({
            resp,
            ids: want.slice(0, 100),
            total: want.length,
          });
        }
      }
    },
    300_000,
  );

  const search = async (username: string, keyword: string, extra: Record<string, unknown> = {}) =>
    (await users[username]!.ok<ListResult>(LIST, { f: { keyword, ...extra }, p: { limit: 20 } })).cases;

  it('finds a case registered over GraphQL on the next search, and never one whose registration rolled back', async () => {
    const ops = new CaseOps(users.city_op!);
    const marker = `检索延迟${Date.now() % 1_000_000}`;
    const c = await ops.register(complaint({ summary: `购买的空调不制冷，${marker}，商家拒绝退换。` }));
    // The answer does not wait for the index; the next keyword list waits for the pass the commit started.
    expect((await search('city_op', marker)).items.map((x) => x.id)).toEqual([c.id]);
    // … and so does a lookup by the business (the same engine).
    const respondent = `延迟商行${Date.now() % 1_000_000}`;
    const d = await ops.register(complaint({ respondent: { name: respondent } }));
    const { cases } = await users.city_op!.ok<{ cases: { items: { id: string }[] } }>(
      `query($f: CaseFilter) { cases(filter: $f) { items { id } } }`,
      { f: { respondent } },
    );
    expect(cases.items.map((x) => x.id)).toEqual([d.id]);

    // A registration that rolls back queued nothing: after a full indexer pass it is still not found.
    const ghost = `未提交${Date.now() % 1_000_000}`;
    const city = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'CITY' });
    await expect(
      api.ds.transaction(async (m) => {
        await m.getRepository(CaseEntity).insert({
          ...(await api.ds.getRepository(CaseEntity).findOneByOrFail({ id: c.id })),
          id: undefined,
          caseNo: `GHOST-${Date.now()}`,
          summary: ghost,
          ownerUnitId: city.id,
        } as never);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await api.app.get(CaseSearchIndexer).drain();
    expect((await search('city_op', ghost)).total).toBe(0);
    expect(await api.ds.query('SELECT case_id FROM case_search WHERE doc_open LIKE ?', [`%${ghost}%`])).toEqual([]);
  });

  it('follows a later change of an indexed field (the narrative)', async () => {
    const [row] = await api.ds.query('SELECT id FROM wq_case WHERE case_no = ?', [firstNo]);
    const word = `更正后${Date.now() % 1_000_000}`;
    await api.ds.query('UPDATE wq_case SET summary = ? WHERE id = ?', [word, row.id]);
    await api.app.get(CaseSearchIndexer).drain();
    expect((await search('city_op', word)).items.map((x) => x.id)).toEqual([String(row.id)]);
    // Quotes and backslashes are plain characters of the keyword (escaped for Groonga's script and
    // command line), in the engine's plan and in the SQL one.
    const odd = `引"号'单\\斜${Date.now() % 1_000_000}`;
    await api.ds.query('UPDATE wq_case SET summary = ? WHERE id = ?', [`前${odd}后`, row.id]);
    await api.app.get(CaseSearchIndexer).drain();
    // (each keyword carries the stamp: the test database keeps earlier runs' cases)
    for (const k of [odd, odd.slice(1), odd.slice(2)]) {
      expect({ k, ids: (await search('city_op', k)).items.map((x) => x.id) }).toEqual({ k, ids: [String(row.id)] });
      expect({
        k,
        ids: (await search('city_op', k, { kinds: ['COMPLAINT', 'REPORT', 'CONSULTATION', 'SUGGESTION'] })).items.map(
          (x) => x.id,
        ),
      }).toEqual({ k, ids: [String(row.id)] });
    }
  });

  // issue 11, 2.12
  it('Identities stay masked in search: a role that may not unmask cannot find a report by the reporter', async () => {
    const phone = freshPhone();
    const name = `举报人${String(Date.now() % 100_000).padStart(5, '0')}`;
    const ops = new CaseOps(users.city_op!);
    // Unique to this run (the test database keeps earlier runs' cases).
    const idNumber = residentId(seededRandom(Date.now() % 1e9), '鼓楼区');
    const street = `保密路${run}`;
    const report = await ops.register({
      ...complaint({ consumer: { name, phone, address: `鼓楼区${street}8号`, idNumber } }),
      kind: 'REPORT',
      summary: '举报超市销售过期食品。',
    });
    await api.app.get(CaseSearchIndexer).drain();
    // The receptionist (case.unmask) finds it by name, phone fragment, ID number and address …
    for (const k of [name, phone.slice(2, 9), idNumber.slice(6), street]) {
      expect({ k, ids: (await search('city_op', k)).items.map((x) => x.id) }).toEqual({ k, ids: [report.id] });
    }
    // … the mediator (no case.unmask, whole city in scope) by none of them, though it sees the case.
    for (const k of [name, phone.slice(2, 9), idNumber.slice(6), street])
      expect({ k, total: (await search('city_mediator', k)).total }).toEqual({ k, total: 0 });
    expect((await search('city_mediator', '举报超市销售过期')).items.map((x) => x.id)).toContain(report.id);
    // The list's exact lookups follow the same rule.
    const byName = await users.city_mediator!.ok<ListResult>(LIST, { f: { consumerName: name }, p: { limit: 20 } });
    expect(byName.cases.total).toBe(0);
    const err = await users.city_mediator!.error(LIST, { f: { consumerPhone: phone } });
    expect(err.extensions?.code).toBe('FORBIDDEN');
    const own = await users.city_op!.ok<ListResult>(LIST, { f: { consumerPhone: phone }, p: { limit: 20 } });
    expect(own.cases.items.map((x) => x.id)).toEqual([report.id]);
  });

  it('Identities stay masked in search: a repeat names the earlier case only to a user who may see it', async () => {
    const phone = freshPhone();
    const respondent = { name: '检索重复测试商行', creditCode: '91350100M000100Y43' };
    const hx = new CaseOps(users.hx_county!);
    const gl = new CaseOps((await loginAs(api.gql, 'gl_county')).client);
    const first = await hx.register(complaint({ consumer: { name: '孙八', phone }, respondent }));
    const second = await gl.register(complaint({ consumer: { name: '孙八', phone }, respondent }));
    const Q = `query($id: ID!) { case(id: $id) { repeatOfId sharedContactSignal { namesSharingPhone casesWithPhoneLastYear } } }`;
    type R = { case: { repeatOfId: string | null; sharedContactSignal: { casesWithPhoneLastYear: number } } };
    const asCity = await users.city_op!.ok<R>(Q, { id: second.id });
    expect(asCity.case.repeatOfId).toBe(first.id);
    const asGl = await users.gl_county!.ok<R>(Q, { id: second.id });
    expect(asGl.case.repeatOfId).toBeNull();
    // Counts across the city stay numbers.
    expect(asGl.case.sharedContactSignal.casesWithPhoneLastYear).toBe(2);
  });
});
