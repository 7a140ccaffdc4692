import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

// #16 意见箱 as a tracked item in the console: messages from the public site reach the city center's
// directors (list 待答复 / 已答复, answer once, audited); a county director sees none of the city's.
const SUGGEST = `mutation($input: PublicSuggestionInput!) { publicSubmitSuggestion(input: $input) }`;
const LIST = `query($f: SuggestionFilter, $p: PageInput) { suggestionBox(filter: $f, page: $p) { total items { id centerName content contact status handledAt handledByName handlingNote } } }`;
const ANSWER = `mutation($input: AnswerSuggestionInput!) { answerPublicSuggestion(input: $input) { id status handledByName handlingNote } }`;

type Item = { id: string; content: string; status: string; handledByName: string | null; handlingNote: string | null };

describe('意见箱 in the console', () => {
  let api: TestApi;
  let city: GqlClient;
  let gl: GqlClient;
  let clerk: GqlClient;
  const tag = Date.now().toString(36);

  const list = async (client: GqlClient, status?: string) =>
    (
      await client.ok<{ suggestionBox: { total: number; items: Item[] } }>(LIST, {
        f: status ? { status } : null,
        p: { offset: 0, limit: 100 },
      })
    ).suggestionBox;

  beforeAll(async () => {
    api = await startTestApi();
    city = (await loginAs(api.gql, 'city_director')).client;
    gl = (await loginAs(api.gql, 'gl_director')).client;
    clerk = (await loginAs(api.gql, 'gl_county')).client;
    for (const n of [1, 2])
      await api.gql.ok(SUGGEST, {
        input: { content: `窗口排队太久，建议增加取号机（${tag}-${n}）`, contact: '13900001111' },
      });
  });
  afterAll(() => api?.close());

  it('lists the open messages for the city director and records one answer', async () => {
    const open = (await list(city, 'OPEN')).items.filter((i) => i.content.includes(tag));
    expect(open).toHaveLength(2);
    expect(open[0]).toMatchObject({ status: 'OPEN', handledByName: null });
    const answered = (
      await city.ok<{ answerPublicSuggestion: Item }>(ANSWER, { input: { id: open[0]!.id, note: '已增设取号机一台' } })
    ).answerPublicSuggestion;
    expect(answered).toMatchObject({ status: 'ANSWERED', handlingNote: '已增设取号机一台' });
    expect(answered.handledByName).toBeTruthy();
    // Answered once: the second answer (someone else's, or a repeat) is refused.
    const again = await city.error(ANSWER, { input: { id: open[0]!.id, note: '再答复一次' } });
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.id' });
    expect((await list(city, 'ANSWERED')).items.map((i) => i.id)).toContain(open[0]!.id);
    expect((await list(city, 'OPEN')).items.map((i) => i.id)).not.toContain(open[0]!.id);
    const [row] = await api.ds.query(
      "SELECT COUNT(*) AS n FROM audit_event WHERE action = 'publicSuggestion.answer' AND detail LIKE ?",
      [`%"suggestionId":${Number(open[0]!.id)}%`],
    );
    expect(Number(row.n)).toBe(1);
  });

  it('keeps a county director out of the city’s messages and a clerk out of the list', async () => {
    const mine = (await list(city, 'OPEN')).items.find((i) => i.content.includes(tag))!;
    expect((await list(gl)).items.map((i) => i.id)).not.toContain(mine.id);
    expect((await gl.error(ANSWER, { input: { id: mine.id, note: '越权答复' } })).extensions?.code).toBe('NOT_FOUND');
    expect((await clerk.error(LIST, {})).extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses an empty answer next to the field and stores nothing', async () => {
    const mine = (await list(city, 'OPEN')).items.find((i) => i.content.includes(tag))!;
    const empty = await city.error(ANSWER, { input: { id: mine.id, note: '   ' } });
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.note' });
    const badId = await city.error(ANSWER, { input: { id: 'x', note: '答复' } });
    expect(badId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.id' });
    expect((await list(city, 'OPEN')).items.map((i) => i.id)).toContain(mine.id);
  });
});
