import { execFileSync } from 'node:child_process';
import type IORedis from 'ioredis';
import { DocumentDeliveryEntity, OrgUnitEntity, REDIS } from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { CaseOps, CASE_BY_NO, freshPhone } from './case-ops';
import { startTestApi, TestApi } from './test-api';

// #16: the documents served on the consumer, on the public progress page, downloaded through a
// one-time, expiring link scoped to the one document of the verified case.
const SUBMIT = `mutation($input: PublicSubmissionInput!) { publicSubmit(input: $input) { caseNo queryCode } }`;
const PROGRESS = `query($input: PublicLookupInput!) { publicCaseProgress(input: $input) { documents { ref title docNo issuedAt } } }`;
const LINK = `mutation($input: PublicDocumentLinkInput!) { publicDocumentLink(input: $input) { url expiresAt } }`;
const STAFF_DOCS = `query($id: ID!) { caseDocuments(caseId: $id) { id type } }`;
const SUPERSEDE = `mutation($input: SupersedeDocumentInput!) { supersedeDocument(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { id } }`;

interface Gql<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; field?: string } }[];
}
type PublicDoc = { ref: string; title: string; docNo: string | null; issuedAt: string };

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('Public site: documents on the progress page', () => {
  let api: TestApi;
  let city_op: CaseOps;
  let addrSeq = 0;
  const newAddress = () => `10.17.${Math.floor(Math.random() * 250)}.${++addrSeq}`;

  async function call<T>(address: string, query: string, variables: Record<string, unknown>): Promise<Gql<T>> {
    const res = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as Gql<T>;
  }

  /** A complaint submitted online and accepted by city_op (which issues the 投诉受理决定书). */
  async function acceptedSubmission(name: string) {
    const r = await call<{ publicSubmit: { caseNo: string; queryCode: string } }>(newAddress(), SUBMIT, {
      input: {
        kind: 'COMPLAINT',
        name,
        phone: freshPhone(),
        respondentName: '某某家具城',
        summary: '买的沙发一周就塌了，商家不给退。',
        consentPublication: false,
      },
    });
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    const { caseNo, queryCode } = r.data.publicSubmit;
    const id = (await city_op.gql.ok<{ caseByNo: { id: string } }>(CASE_BY_NO, { no: caseNo })).caseByNo.id;
    const c = await city_op.run('acceptCase', { id });
    return { caseNo, queryCode, c };
  }

  async function documents(caseNo: string, queryCode: string): Promise<PublicDoc[]> {
    const r = await call<{ publicCaseProgress: { documents: PublicDoc[] } }>(newAddress(), PROGRESS, {
      input: { caseNo, queryCode },
    });
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data.publicCaseProgress.documents;
  }

  const link = (input: Record<string, unknown>, address = newAddress()) =>
    call<{ publicDocumentLink: { url: string; expiresAt: string } }>(address, LINK, { input });

  beforeAll(async () => {
    api = await startTestApi();
    const redis = api.app.get<IORedis>(REDIS);
    const keys = await redis.keys('wqtest:public:*');
    if (keys.length) await redis.del(...keys);
    city_op = new CaseOps((await loginAs(api.gql, 'city_op')).client);
  });
  afterAll(() => api?.close());

  it('lists only the case’s documents addressed to the consumer, never the internal ones', async () => {
    const a = await acceptedSubmission('周文书');
    const station = await api.ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL-T1' });
    // Internal documents: the dispatch notice (to the station) and a registration form issued on demand.
    await city_op.run('dispatchCase', a.c, { targetType: 'UNIT', unitId: String(station.id), mode: 'ON_BEHALF' });
    await city_op.gql.ok(ISSUE, { input: { caseId: a.c.id, type: 'COMPLAINT_REGISTRATION' } });
    const staff = (await city_op.gql.ok<{ caseDocuments: { type: string }[] }>(STAFF_DOCS, { id: a.c.id }))
      .caseDocuments;
    expect(staff.map((d) => d.type).sort()).toEqual(
      ['ACCEPTANCE_DECISION', 'COMPLAINT_REGISTRATION', 'DISPATCH_NOTICE'].sort(),
    );

    const docs = await documents(a.caseNo, a.queryCode);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ title: '投诉受理决定书', ref: expect.stringMatching(/^[0-9a-f]{20}$/) });
    expect(docs[0]!.docNo).toBeTruthy();
    // No database id in the ref.
    expect(docs[0]!.ref).not.toContain(String(a.c.id));
  });

  it('downloads through a link that works once, for that document, and expires', async () => {
    const a = await acceptedSubmission('吴一次');
    const [doc] = await documents(a.caseNo, a.queryCode);
    const r = await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: doc!.ref });
    expect(r.errors).toBeUndefined();
    const { url, expiresAt } = r.data!.publicDocumentLink;
    expect(url).toMatch(/^\/api\/documents\/link\/[A-Za-z0-9_-]{43}$/);
    expect(new Date(expiresAt).getTime() - api.clock.now().getTime()).toBe(10 * 60_000);

    const first = await fetch(`${api.url}${url}`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toContain('application/pdf');
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const text = pdfText(Buffer.from(await first.arrayBuffer()));
    expect(text).toContain('吴一次');
    expect(text).toContain('受理');
    // Single use.
    expect((await fetch(`${api.url}${url}`)).status).toBe(404);
    const rows = await api.ds.getRepository(DocumentDeliveryEntity).findBy({ caseId: a.c.id, channel: 'WEB_LINK' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recipient: '网上查询', createdById: null, smsId: null });
    expect(rows[0]!.usedAt).not.toBeNull();
    expect(rows[0]!.tokenHash).not.toContain(url.split('/').pop()!);

    // Expiring: a link not used within 10 minutes is refused.
    const late = (await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: doc!.ref })).data!
      .publicDocumentLink;
    api.clock.advance(10 * 60_000 + 1);
    const refused = await fetch(`${api.url}${late.url}`);
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ code: 'NOT_FOUND', message: '下载链接无效、已使用或已过期' });
  });

  it('refuses another case’s document, a wrong code and a made-up ref alike, storing nothing', async () => {
    const a = await acceptedSubmission('郑甲');
    const b = await acceptedSubmission('王乙');
    const [docA] = await documents(a.caseNo, a.queryCode);
    const [docB] = await documents(b.caseNo, b.queryCode);
    const before = await api.ds.getRepository(DocumentDeliveryEntity).count();

    const otherCase = await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: docB!.ref });
    expect(otherCase.errors?.[0]).toMatchObject({
      message: '文书不存在',
      extensions: { code: 'NOT_FOUND', field: 'input.documentRef' },
    });
    const madeUp = await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: '0'.repeat(20) });
    expect(madeUp.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.documentRef' });
    // B's code with A's number: the lookup's own refusal, the same as for a wrong number.
    const wrongCode = await link({ caseNo: a.caseNo, queryCode: b.queryCode, documentRef: docA!.ref });
    expect(wrongCode.errors?.[0]).toMatchObject({
      message: '案件编号或查询码不正确',
      extensions: { code: 'NOT_FOUND', field: 'input.queryCode' },
    });
    const malformed = await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: '../../1' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.documentRef' });
    expect(await api.ds.getRepository(DocumentDeliveryEntity).count()).toBe(before);
  });

  it('shows the correction of a superseded document, and the old one is no longer reachable', async () => {
    const a = await acceptedSubmission('冯更正');
    const [old] = await documents(a.caseNo, a.queryCode);
    const [staffDoc] = (await city_op.gql.ok<{ caseDocuments: { id: string }[] }>(STAFF_DOCS, { id: a.c.id }))
      .caseDocuments;
    await city_op.gql.ok(SUPERSEDE, { input: { documentId: staffDoc!.id, reason: '被投诉人名称有误' } });
    const now = await documents(a.caseNo, a.queryCode);
    expect(now).toHaveLength(1);
    expect(now[0]!.ref).not.toBe(old!.ref);
    expect(now[0]!.docNo).not.toBe(old!.docNo);
    const stale = await link({ caseNo: a.caseNo, queryCode: a.queryCode, documentRef: old!.ref });
    expect(stale.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
