import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrgUnitEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';

// Every form of the registry read back from its PDF (pdftotext): the ones documents.int-spec.ts does not
// read (registration forms, the report's notices, dispatch, mediation, termination, extension, the
// 民事起诉状), the unit's document periods as an administrator sets them, and a PNG of each first page
// under artifacts/documents/ to look at (pdftoppm).

const DOC = `id caseId type title docNo templateVersion issuedByAction supersedesId file { sha256 pageCount } downloadUrl`;
const SETTING_FIELDS = 'unitId header numberPrefix numberFormat sealName materialsDays recusalDays retentionYears';
const Q = {
  docs: `query($id: ID!) { caseDocuments(caseId: $id) { ${DOC} } }`,
  issue: `mutation($input: IssueDocumentInput!) { issueDocument(input: $input) { ${DOC} } }`,
  setting: `mutation($input: SetDocumentUnitSettingInput!) { setDocumentUnitSetting(input: $input) { ${SETTING_FIELDS} } }`,
  getSetting: `query($unitId: ID!) { documentUnitSetting(unitId: $unitId) { ${SETTING_FIELDS} } }`,
  requestLitigation: `mutation($input: RequestLitigationSupportInput!) { requestLitigationSupport(input: $input) { id downloadUrl } }`,
};

interface Doc {
  id: string;
  type: string;
  docNo: string | null;
  issuedByAction: string | null;
  supersedesId: string | null;
  file: { sha256: string; pageCount: number } | null;
  downloadUrl: string;
}

const ART = join(__dirname, '../../../artifacts/documents');
const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf }).toString('utf8');
const flat = (s: string) => s.replace(/\s+/g, '');
const cn = (d: Date) => `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
const shanghaiToday = () => new Date(Date.now() + 8 * 3_600_000);

describe('Every form read back from its PDF; the document periods as settings', () => {
  let api: TestApi;
  const ops: Record<string, CaseOps> = {};
  const gql: Record<string, GqlClient> = {};
  const token: Record<string, string> = {};
  let units: OrgUnitEntity[];
  const uid = (code: string) => String(units.find((u) => u.code === code)!.id);
  const year = new Date().getFullYear();
  const base = {
    header: '榕城市鼓楼区消费者权益保护中心',
    numberPrefix: '榕鼓市监',
    numberFormat: '{prefix}{abbr}〔{year}〕{seq}号',
    sealName: '榕城市鼓楼区消费者权益保护中心',
    redHead: true,
    phone: '0591-12315',
  };

  beforeAll(async () => {
    mkdirSync(ART, { recursive: true });
    api = await startTestApi();
    units = await api.ds.getRepository(OrgUnitEntity).find();
    for (const name of ['admin', 'gl_county', 'gl_director', 'gl_station', 'hx_county', 'supervisor']) {
      const s = await loginAs(api.gql, name);
      gql[name] = s.client;
      token[name] = s.accessToken;
      ops[name] = new CaseOps(s.client);
    }
    await gql.admin.ok(Q.setting, {
      input: { ...base, unitId: uid('GL'), materialsDays: 7, recusalDays: 3, retentionYears: 10 },
    });
  }, 60_000);
  afterAll(async () => {
    // Other suites expect GL's defaults.
    await gql.admin
      ?.ok(Q.setting, { input: { ...base, unitId: uid('GL'), materialsDays: 7, recusalDays: 3, retentionYears: 10 } })
      .catch(() => undefined);
    await api?.close();
  });

  const docsOf = async (who: string, caseId: string) =>
    (await gql[who].ok<{ caseDocuments: Doc[] }>(Q.docs, { id: caseId })).caseDocuments;
  const download = async (who: string, path: string) => {
    const res = await fetch(`${api.url}${path}`, { headers: { Authorization: `Bearer ${token[who]}` } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  };
  /** The PDF's text, and the file with a PNG of every page kept under artifacts/documents/ to look at. */
  const readBack = async (who: string, d: Doc, name = d.type.toLowerCase()) => {
    const res = await download(who, d.downloadUrl);
    expect(res.status).toBe(200);
    writeFileSync(join(ART, `${name}.pdf`), res.body);
    // Not synchronously: the API under test shares this process, and a blocked event loop lets its
    // keep-alive sockets expire under the client's feet (ECONNRESET on the next request).
    await promisify(execFile)('pdftoppm', ['-png', '-r', '60', join(ART, `${name}.pdf`), join(ART, name)]);
    return pdfText(res.body);
  };
  const only = (docs: Doc[], type: string) => {
    const found = docs.filter((d) => d.type === type);
    expect(found).toHaveLength(1);
    return found[0];
  };

  it('lets an administrator change the materials, recusal and retention periods (audited, validated, scoped); the documents print them', async () => {
    const bad = await gql.admin.error(Q.setting, { input: { ...base, unitId: uid('GL'), materialsDays: 0 } });
    expect(bad.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.materialsDays' });
    const tooLong = await gql.admin.error(Q.setting, { input: { ...base, unitId: uid('GL'), retentionYears: 101 } });
    expect(tooLong.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.retentionYears' });
    expect((await gql.gl_county.error(Q.setting, { input: { ...base, unitId: uid('GL') } })).extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gql.hx_county.error(Q.getSetting, { unitId: uid('GL') })).extensions?.code).toBe('NOT_FOUND');

    const set = await gql.admin.ok<{ setDocumentUnitSetting: Record<string, unknown> }>(Q.setting, {
      input: { ...base, unitId: uid('GL'), materialsDays: 10, recusalDays: 5, retentionYears: 30 },
    });
    expect(set.setDocumentUnitSetting).toMatchObject({ materialsDays: 10, recusalDays: 5, retentionYears: 30 });
    // Omitted periods keep their values (a client that does not know them changes nothing).
    const kept = await gql.admin.ok<{ setDocumentUnitSetting: Record<string, unknown> }>(Q.setting, {
      input: { ...base, unitId: uid('GL') },
    });
    expect(kept.setDocumentUnitSetting).toMatchObject({ materialsDays: 10, recusalDays: 5, retentionYears: 30 });
    const [audit] = await api.ds.query(
      `SELECT action, target_type, target_id, detail FROM audit_event
        WHERE action = 'document.settings.update' AND target_id = ? ORDER BY id DESC LIMIT 1 OFFSET 1`,
      [uid('GL')],
    );
    expect(audit).toMatchObject({ target_type: 'org_unit' });
    const detail = typeof audit.detail === 'string' ? JSON.parse(audit.detail) : audit.detail;
    expect(detail.changed).toMatchObject({ materialsDays: { from: 7, to: 10 }, retentionYears: { from: 10, to: 30 } });
    // HX's settings stay at the defaults.
    expect(
      (await gql.hx_county.ok<{ documentUnitSetting: Record<string, unknown> }>(Q.getSetting, { unitId: uid('HX') }))
        .documentUnitSetting,
    ).toMatchObject({ materialsDays: 7, recusalDays: 3, retentionYears: 10 });

    {
      // The materials notice: dated today, due in 10 days.
      let c = await ops.gl_county.register(complaint({ consumer: { name: '周小芳', phone: '13900005555' } }));
      c = await ops.gl_county.run('requestMaterials', c, { missingItems: ['购物发票'] });
      const notice = flat(await readBack('gl_county', only(await docsOf('gl_county', c.id), 'MATERIALS_NOTICE')));
      expect(notice).toContain(`请于${cn(new Date(shanghaiToday().getTime() + 10 * 86_400_000))}前补正`);
      c = await ops.gl_county.run('supplyMaterials', c);

      // Accepted, sent to a station, received (mediation notice with a 5-day recusal window), an extension
      // requested, mediation terminated on a ground, replied, followed up, archived (case file: 30 years).
      c = await ops.gl_county.run('acceptCase', c);
      c = await ops.gl_county.run('dispatchCase', c, { targetType: 'UNIT', unitId: uid('GL-T1'), mode: 'ON_BEHALF' });
      c = await ops.gl_station.run('receiveCase', c);
      c = await ops.gl_station.run('requestExtension', c, { reason: '等待检测机构出具报告', days: 5 });
      c = await ops.gl_director.run('decideExtension', c, { approved: true });
      c = await ops.gl_station.run('concludeCase', c, {
        outcome: 'TERMINATED',
        terminationGround: 'AGREEMENT_IMPOSSIBLE',
      });
      c = await ops.gl_county.run('replyCase', c, { content: '调解终止，请通过其他途径解决。' });
      c = await ops.gl_county.run('recordFollowUp', c, { result: 'REACHED', satisfaction: 'SATISFIED' });
      c = await ops.gl_county.run('archiveCase', c);
      const docs = await docsOf('gl_county', c.id);

      const decision = flat(await readBack('gl_county', only(docs, 'ACCEPTANCE_DECISION')));
      expect(decision).toContain('投诉受理决定书');
      expect(decision).toContain(only(docs, 'ACCEPTANCE_DECISION').docNo);
      expect(decision).toContain('周小芳');
      expect(decision).toContain('决定予以受理');

      const dispatch = only(docs, 'DISPATCH_NOTICE');
      expect(dispatch.docNo).toMatch(new RegExp(`^榕鼓市监诉分〔${year}〕\\d+号$`));
      const dispatchText = flat(await readBack('gl_county', dispatch));
      expect(dispatchText).toContain(dispatch.docNo);
      expect(dispatchText).toContain(`${units.find((u) => u.code === 'GL-T1')!.name}：`);
      expect(dispatchText).toContain('周小芳');
      expect(dispatchText).toContain(c.caseNo);

      const mediation = only(docs, 'MEDIATION_NOTICE');
      const mediationText = flat(await readBack('gl_county', mediation));
      expect(mediationText).toContain(mediation.docNo);
      expect(mediationText).toContain('自收到本通知书之日起5日内申请回避');
      expect(mediationText).toContain(flat(cn(shanghaiToday())));

      const extension = only(docs, 'EXTENSION_APPROVAL');
      const extensionText = flat(await readBack('gl_county', extension));
      expect(extensionText).toContain('延期审批表');
      expect(extensionText).toContain('等待检测机构出具报告');
      expect(extensionText).toContain('负责人审批意见');

      const termination = only(docs, 'TERMINATION_DECISION');
      const lines = (await readBack('gl_county', termination)).split('\n');
      const ticked = lines.filter((l) => l.includes('☑'));
      expect(ticked).toHaveLength(1);
      expect(ticked[0]).toContain('无法达成');
      expect(lines.filter((l) => l.includes('☐'))).toHaveLength(7);
      expect(flat(lines.join(''))).toContain(termination.docNo);
      expect(flat(lines.join(''))).toContain(`第（${/(\d+)\./.exec(ticked[0])![1]}）项情形`);

      const file = flat(await readBack('gl_county', only(docs, 'CASE_FILE'), 'case_file'));
      expect(file).toContain('保管期限30年');
    }
  }, 300_000);

  it("issues the report's acceptance notice and the not-filed result notice through their steps", async () => {
    let c = await ops.gl_county.register({
      // A respondent of its own: a report on a business already reported is merged (closed at once).
      ...complaint({
        consumer: { name: '吴举报', phone: '13900006666' },
        respondent: { name: `某某超市${Date.now().toString(36)}` },
      }),
      kind: 'REPORT',
      summary: '超市销售过期食品',
    });
    c = await ops.gl_county.run('acceptCase', c);
    c = await ops.gl_director.run('decideFiling', c, { filed: false, reason: '经核查无违法事实' });
    const docs = await docsOf('gl_county', c.id);
    expect(docs.map((d) => [d.type, d.issuedByAction])).toEqual([
      ['ACCEPTANCE_NOTICE', 'acceptCase'],
      ['REPORT_RESULT_NOTICE', 'decideFiling'],
    ]);
    const notice = flat(await readBack('gl_county', docs[0]));
    expect(notice).toContain('举报受理通知书');
    expect(notice).toContain(docs[0].docNo);
    expect(notice).toContain('吴举报');
    expect(notice).toContain('予以保密');
    const result = flat(await readBack('gl_county', docs[1]));
    expect(result).toContain(docs[1].docNo);
    expect(result).toContain('处理结果：经核查，决定不予立案。');
    expect(result).toContain('《市场监督管理投诉举报处理办法》');
  }, 120_000);

  it('issues the registration forms on demand, read back with the parties and the ticked consents', async () => {
    const c = await ops.gl_county.register(
      complaint({
        consumer: { name: '郑登记', phone: '13900007777', address: '鼓楼区杨桥路 8 号' },
        flags: { consentPublication: true, consentEntrustedMediation: false },
      }),
    );
    for (const type of ['COMPLAINT_REGISTRATION', 'STATION_REGISTRATION']) {
      expect(
        (await gql.hx_county.error(Q.issue, { input: { caseId: c.id, type } })).extensions?.code,
        // another county cannot issue on this case
      ).toBe('NOT_FOUND');
      const { issueDocument: d } = await gql.gl_county.ok<{ issueDocument: Doc }>(Q.issue, {
        input: { caseId: c.id, type },
      });
      expect(d.issuedByAction).toBeNull();
      expect(d.file!.pageCount).toBe(1); // a registration form is one sheet, signatures and seal included
      const text = await readBack('gl_county', d);
      const f = flat(text);
      expect(f).toContain(d.docNo);
      expect(f).toContain('郑登记');
      expect(f).toContain('13900007777');
      expect(f).toContain('某某电器有限公司');
      expect(f).toContain('购买的空调三天后不制冷');
      // 同意委托调解: 不同意 ticked.
      const consent = text.split('\n').find((l) => l.includes('同意委托调解'))!;
      expect(consent.replace(/\s+/g, '')).toContain('☐同意☑不同意');
    }
  }, 120_000);

  it('files the 民事起诉状 in the registry when the workroom drafts it: read back, masked for who may not unmask, not on demand, not twice', async () => {
    const c = await ops.gl_county.register(
      complaint({
        consumer: { name: '冯原告', phone: '13900008888', address: '鼓楼区东街 1 号', idNumber: '11010519491231002X' },
        respondent: { name: '某某电器有限公司', creditCode: '91350100M000100Y43', address: '鼓楼区八一七北路 88 号' },
      }),
    );
    const onDemand = await gql.gl_county.error(Q.issue, { input: { caseId: c.id, type: 'CIVIL_COMPLAINT' } });
    expect(onDemand.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.type' });

    const ls = (
      await gql.gl_county.ok<{ requestLitigationSupport: { id: string; downloadUrl: string } }>(Q.requestLitigation, {
        input: { caseId: c.id, request: '需要起诉状' },
      })
    ).requestLitigationSupport;
    expect((await download('gl_county', ls.downloadUrl)).status).toBe(200);
    expect((await download('gl_county', ls.downloadUrl)).status).toBe(200); // the same draft again
    const docs = (await docsOf('gl_county', c.id)).filter((d) => d.type === 'CIVIL_COMPLAINT');
    expect(docs).toHaveLength(1);
    const [d] = docs;
    expect(d).toMatchObject({ docNo: null, issuedByAction: 'generateLitigationDocument' });
    const text = await readBack('gl_county', d);
    const f = flat(text);
    expect(f.startsWith('民事起诉状')).toBe(true);
    expect(f).toContain('原告：冯原告，女，1949年12月31日出生');
    expect(f).toContain('13900008888');
    expect(f).toContain('被告：某某电器有限公司');
    expect(f).toContain('统一社会信用代码：91350100M000100Y43');
    expect(f).toContain('诉讼请求：1.退货退款');
    expect(f).toContain('事实与理由：');
    expect(f).toContain(c.caseNo);
    expect(f).toContain('此致');
    expect(f).toContain('具状人：冯原告（签名）');
    expect(f).toContain(flat(cn(shanghaiToday())));

    const masked = flat(pdfText((await download('supervisor', d.downloadUrl)).body));
    expect(masked).not.toContain('13900008888');
    expect(masked).not.toContain('1949年12月31日');
    expect(masked).toContain('139****8888');
    expect((await download('hx_county', d.downloadUrl)).status).toBe(404);
    expect((await gql.hx_county.error(Q.docs, { id: c.id })).extensions?.code).toBe('NOT_FOUND');
  }, 120_000);
});
