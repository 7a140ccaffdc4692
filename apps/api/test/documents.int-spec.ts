import { execFileSync } from 'node:child_process';
import { Actor, CaseEntity, SYSTEM_ACTOR, OrgUnitEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { DocumentRegistry } from '../src/modules/document/document-registry.service';
import { readDocx } from './docx-text';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';

const DOC = `id caseId type title docNo templateVersion issuedByAction issuedByName supersedesId supersededById
  file { variant sha256 sizeBytes pageCount fileName } downloadUrl`;
const Q = {
  docs: `query($id: ID!) { caseDocuments(caseId: $id) { ${DOC} } }`,
  issue: `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { ${DOC} } }`,
  supersede: `mutation($input: SupersedeDocumentInput!) { supersedeDocument(input: $input) { ${DOC} } }`,
  link: `mutation($input: SendDocumentLinkInput!) { sendDocumentLink(input: $input) { id } }`,
  setting: `mutation($input: SetDocumentUnitSettingInput!) { setDocumentUnitSetting(input: $input) { unitId header numberPrefix numberFormat sealName } }`,
};

interface Doc {
  id: string;
  type: string;
  docNo: string | null;
  issuedByAction: string | null;
  supersededById: string | null;
  file: { sha256: string; pageCount: number; sizeBytes: number } | null;
  downloadUrl: string;
}

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');

describe('Documents (文书) and the case file (卷宗)', () => {
  let api: TestApi;
  const ops: Record<string, CaseOps> = {};
  const gql: Record<string, GqlClient> = {};
  const token: Record<string, string> = {};
  let units: OrgUnitEntity[];
  const uid = (code: string) => String(units.find((u) => u.code === code)!.id);
  const year = new Date().getFullYear();

  beforeAll(async () => {
    api = await startTestApi();
    units = await api.ds.getRepository(OrgUnitEntity).find();
    for (const name of [
      'admin',
      'gl_county',
      'gl_director',
      'hx_county',
      'city_op',
      'city_director',
      'supervisor',
      'gl_station',
    ]) {
      const s = await loginAs(api.gql, name);
      gql[name] = s.client;
      token[name] = s.accessToken;
      ops[name] = new CaseOps(s.client);
    }
    await gql.admin.ok(Q.setting, {
      input: {
        unitId: uid('GL'),
        header: '榕城市鼓楼区消费者权益保护中心',
        numberPrefix: '榕鼓市监',
        numberFormat: '{prefix}{abbr}〔{year}〕{seq}号',
        sealName: '榕城市鼓楼区消费者权益保护中心',
        redHead: true,
        phone: '0591-12315',
      },
    });
  }, 60_000);
  afterAll(() => api?.close());

  const docsOf = async (who: string, caseId: string) =>
    (await gql[who].ok<{ caseDocuments: Doc[] }>(Q.docs, { id: caseId })).caseDocuments;
  const download = async (who: string, path: string) => {
    const res = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${token[who]}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()), sha: res.headers.get('x-content-sha256') };
  };

  it('issues the materials notice and the acceptance decision through their steps, numbered, read back from the PDF', async () => {
    const gl = ops.gl_county;
    let c = await gl.register(
      complaint({ consumer: { name: '王小明', phone: '13900001111', address: '鼓楼区五四路 1 号' } }),
    );
    c = await gl.run('requestMaterials', c, { missingItems: ['购物小票或发票', '身份证复印件'] });
    c = await gl.run('supplyMaterials', c);
    c = await gl.run('acceptCase', c);
    const docs = await docsOf('gl_county', c.id);
    expect(docs.map((d) => [d.type, d.issuedByAction])).toEqual([
      ['MATERIALS_NOTICE', 'requestMaterials'],
      ['ACCEPTANCE_DECISION', 'acceptCase'],
    ]);
    expect(docs[0].docNo).toMatch(new RegExp(`^榕鼓市监诉补〔${year}〕\\d+号$`));
    expect(docs[1].docNo).toMatch(new RegExp(`^榕鼓市监诉受〔${year}〕\\d+号$`));
    // Rendered after commit, before the mutation answered: the file and its hash are recorded.
    expect(docs[0].file).toMatchObject({ pageCount: 1, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const notice = await download('gl_county', docs[0].downloadUrl);
    expect(notice.status).toBe(200);
    expect(notice.sha).toBe(docs[0].file!.sha256);
    const text = pdfText(notice.body).replace(/\s+/g, '');
    expect(text).toContain('补正材料一次性告知书');
    expect(text).toContain(docs[0].docNo);
    expect(text).toContain('王小明');
    expect(text).toContain('购物小票或发票');
    expect(text).toContain('身份证复印件');
    const today = new Date(Date.now() + 8 * 3_600_000);
    const due = new Date(today.getTime() + 7 * 86_400_000);
    const cn = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    expect(text).toContain(`请于${cn(due)}前补正`);
    expect(text).toContain(cn(today)); // dated the day of the request
    expect(text).toContain('榕城市鼓楼区消费者权益保护中心');
  }, 60_000);

  it('ticks the chosen non-acceptance ground and names the referral authority and phone', async () => {
    const gl = ops.gl_county;
    let c = await gl.register(complaint());
    c = await gl.run('rejectCase', c, {
      ground: 'OUTSIDE_JURISDICTION',
      referralAuthority: '榕城市交通运输局',
      referralPhone: '12328',
    });
    const [doc] = await docsOf('gl_county', c.id);
    expect(doc.type).toBe('REJECTION_DECISION');
    const lines = pdfText((await download('gl_county', doc.downloadUrl)).body).split('\n');
    const ticked = lines.filter((l) => l.includes('☑'));
    expect(ticked).toHaveLength(1);
    expect(ticked[0]).toContain('不属于市场监督管理部门职责');
    expect(lines.filter((l) => l.includes('☐'))).toHaveLength(6);
    const all = lines.join('').replace(/\s+/g, '');
    expect(all).toContain('榕城市交通运输局（联系电话：12328）');
    expect(all).toContain(doc.docNo);
    // 第（ ）项 names the ticked ground's number (template v2).
    expect(all).toContain(`第（${/(\d+)\./.exec(ticked[0])![1]}）项情形`);
  }, 60_000);

  it('gives 50 documents of one type and unit issued at once 50 consecutive numbers; a rolled-back step takes none', async () => {
    const cases = await Promise.all(Array.from({ length: 10 }, () => ops.gl_county.register(complaint())));
    const issued = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        gql.gl_county.ok<{ issueDocument: Doc }>(Q.issue, {
          input: { caseId: cases[i % 10].id, type: 'COMPLAINT_REGISTRATION' },
        }),
      ),
    );
    const seqs = issued.map((r) => Number(/〔\d+〕(\d+)号/.exec(r.issueDocument.docNo!)![1])).sort((a, b) => a - b);
    expect(new Set(seqs).size).toBe(50);
    expect(seqs[49] - seqs[0]).toBe(49);

    const registry = api.app.get(DocumentRegistry);
    const glActor: Actor = { ...SYSTEM_ACTOR, unitId: Number(uid('GL')) };
    const c = await api.ds.manager.findOneByOrFail(CaseEntity, { id: cases[0].id });
    await expect(
      api.ds.transaction(async (m) => {
        await registry.issueIn(m, glActor, c, 'COMPLAINT_REGISTRATION');
        throw new Error('the step fails after its document was numbered');
      }),
    ).rejects.toThrow('the step fails');
    const next = await gql.gl_county.ok<{ issueDocument: Doc }>(Q.issue, {
      input: { caseId: cases[0].id, type: 'COMPLAINT_REGISTRATION' },
    });
    expect(Number(/〔\d+〕(\d+)号/.exec(next.issueDocument.docNo!)![1])).toBe(seqs[49] + 1);
  }, 180_000);

  it('keeps a document immutable; a correction supersedes it and both stay', async () => {
    const c = await ops.gl_county.register(complaint());
    const { issueDocument: first } = await gql.gl_county.ok<{ issueDocument: Doc }>(Q.issue, {
      input: { caseId: c.id, type: 'COMPLAINT_REGISTRATION' },
    });
    await expect(api.ds.query('UPDATE case_document SET title = ? WHERE id = ?', ['x', first.id])).rejects.toThrow(
      /immutable/,
    );
    const { supersedeDocument: second } = await gql.gl_county.ok<{ supersedeDocument: Doc }>(Q.supersede, {
      input: { documentId: first.id, reason: '被投诉人名称有误' },
    });
    expect(second.docNo).not.toBe(first.docNo);
    const again = await gql.gl_county.error(Q.supersede, { input: { documentId: first.id, reason: '再次更正' } });
    expect(again.extensions?.code).toBe('CONFLICT');
    const docs = await docsOf('gl_county', c.id);
    expect(docs.find((d) => d.id === first.id)!.supersededById).toBe(second.id);
  }, 60_000);

  it('keeps another county out, and gives a role that may not unmask the masked copy', async () => {
    const c = await ops.gl_county.register(complaint({ consumer: { name: '赵大海', phone: '13900002222' } }));
    const { issueDocument: d } = await gql.gl_county.ok<{ issueDocument: Doc }>(Q.issue, {
      input: { caseId: c.id, type: 'COMPLAINT_REGISTRATION' },
    });
    expect((await gql.hx_county.error(Q.docs, { id: c.id })).extensions?.code).toBe('NOT_FOUND');
    expect(
      (await gql.hx_county.error(Q.supersede, { input: { documentId: d.id, reason: '越权更正' } })).extensions?.code,
    ).toBe('NOT_FOUND');
    expect((await gql.hx_county.error(Q.link, { input: { documentId: d.id } })).extensions?.code).toBe('NOT_FOUND');
    expect((await download('hx_county', d.downloadUrl)).status).toBe(404);

    const full = pdfText((await download('gl_county', d.downloadUrl)).body);
    expect(full).toContain('13900002222');
    const masked = await download('supervisor', `${d.downloadUrl}?variant=FULL`);
    expect(masked.status).toBe(200);
    const text = pdfText(masked.body);
    expect(text).not.toContain('13900002222');
    expect(text).toContain('139****2222');
    expect(masked.sha).not.toBe(d.file!.sha256);
    // #12 item 15: the Word copy holds the full data, so a role that may not unmask asking for it gets the
    // masked PDF instead — never a .docx with the phone in it.
    const word = await download('supervisor', `${d.downloadUrl}?variant=DOCX`);
    expect(word.status).toBe(200);
    expect(word.body.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfText(word.body)).toContain('139****2222');
    expect(pdfText(word.body)).not.toContain('13900002222');
  }, 60_000);

  it('delivers by a one-time SMS link scoped to one document', async () => {
    let c = await ops.gl_county.register(complaint({ consumer: { name: '钱多多', phone: '13900003333' } }));
    c = await ops.gl_county.run('acceptCase', c);
    const [doc] = await docsOf('gl_county', c.id);
    await gql.gl_county.ok(Q.link, { input: { documentId: doc.id } });
    const [sms] = await api.ds.query('SELECT content FROM sms_outbox WHERE case_id = ? ORDER BY id DESC LIMIT 1', [
      c.id,
    ]);
    const path = /\/api\/documents\/link\/[A-Za-z0-9_-]{43}/.exec(sms.content as string)![0];
    const first = await fetch(`${api.url}${path}`);
    expect(first.status).toBe(200);
    expect(pdfText(Buffer.from(await first.arrayBuffer()))).toContain('钱多多');
    expect((await fetch(`${api.url}${path}`)).status).toBe(404);
    const [row] = await api.ds.query(
      'SELECT channel, used_at, recipient FROM document_delivery WHERE document_id = ?',
      [doc.id],
    );
    expect(row).toMatchObject({ channel: 'SMS_LINK', recipient: '139****3333' });
    expect(row.used_at).not.toBeNull();
  }, 60_000);

  it('issues the step documents of a full complaint and files the 卷宗 at archive with every section, page count and hash', async () => {
    const { city_op, gl_station, city_director } = ops;
    let c = await city_op.register(complaint({ consumer: { name: '孙悟空', phone: '13900004444' } }));
    c = await city_op.run('acceptCase', c);
    c = await city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
    c = await gl_station.run('receiveCase', c);
    c = await gl_station.run('requestExtension', c, { reason: '检测机构出具报告需要时间', days: 5 });
    c = await city_director.run('decideExtension', c, { approved: true });
    c = await gl_station.run('concludeCase', c, {
      outcome: 'MEDIATED',
      agreementText: '商家同意退货退款 2999 元',
      amountRecovered: 2999,
    });
    c = await city_op.run('replyCase', c, { content: '经调解，商家同意退货退款。' });
    c = await city_op.run('recordFollowUp', c, { result: 'REACHED', satisfaction: 'SATISFIED' });
    c = await city_op.run('archiveCase', c);
    const docs = await docsOf('city_op', c.id);
    expect(docs.map((d) => [d.type, d.issuedByAction])).toEqual([
      ['ACCEPTANCE_DECISION', 'acceptCase'],
      ['DISPATCH_NOTICE', 'dispatchCase'],
      ['MEDIATION_NOTICE', 'receiveCase'],
      ['EXTENSION_APPROVAL', 'requestExtension'],
      ['MEDIATION_AGREEMENT', 'concludeCase'],
      ['CASE_FILE', 'archiveCase'],
    ]);
    const agreement = docs[4];
    expect(agreement.file!.pageCount).toBeGreaterThanOrEqual(3); // three copies
    const agreementText = pdfText((await download('city_op', agreement.downloadUrl)).body);
    for (const copy of ['投诉人收执', '被投诉人收执', '调解单位存档']) expect(agreementText).toContain(copy);
    const docx = await download('city_op', `${agreement.downloadUrl}?variant=DOCX`);
    const word = (await readDocx(docx.body)).text;
    expect(word).toContain('商家同意退货退款 2999 元');
    expect(word).toContain(agreement.docNo);

    const file = docs[5];
    expect(file.docNo).toBeNull();
    const pdf = await download('city_op', file.downloadUrl);
    expect(pdf.sha).toBe(file.file!.sha256);
    const text = pdfText(pdf.body);
    const flat = text.replace(/\s+/g, '');
    for (const s of ['卷宗', '卷内目录', '办理记录', '办理过程（时间线）', '证据材料清单', '孙悟空', c.caseNo, '10年'])
      expect(flat).toContain(s.replace(/\s+/g, ''));
    for (const d of docs.slice(0, 5)) expect(flat).toContain(d.docNo);
    const sum = docs.slice(0, 5).reduce((n, d) => n + d.file!.pageCount, 0);
    expect(file.file!.pageCount).toBeGreaterThan(sum + 2);
    expect(execFileSync('pdfinfo', ['-'], { input: pdf.body }).toString()).toMatch(
      new RegExp(`Pages:\\s+${file.file!.pageCount}\\n`),
    );

    const masked = pdfText((await download('city_op', `${file.downloadUrl}?variant=MASKED`)).body);
    expect(masked).not.toContain('13900004444');
    expect(masked).toContain('脱敏件');
  }, 180_000);
});
