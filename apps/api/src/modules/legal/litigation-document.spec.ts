import fc from 'fast-check';
import { chineseDate } from '@weiquan/shared';
import { readDocx } from '../../../test/docx-text';
import {
  BLANK,
  buildStatementOfClaim,
  ClaimCase,
  DOCX_CONTENT_TYPE,
  fromIdNumber,
  maskStatementOfClaim,
  partyLines,
  renderStatementOfClaim,
} from './litigation-document';

const CASE: ClaimCase = {
  caseNo: 'GL-2026-000042',
  consumerName: '李四',
  consumerPhone: '13912345678',
  consumerIdNumber: '11010519491231002X',
  consumerAddress: '鼓楼区五四路 1 号',
  respondentName: '某某电器有限公司',
  respondentCreditCode: '91350100M000100Y43',
  respondentAddress: '鼓楼区八一七北路 88 号',
  occurredAt: new Date('2026-03-01T02:00:00Z'),
  occurredPlace: '某某电器五四路店',
  category: '家用电器',
  amountInvolved: 2999,
  summary: '购买的空调三天后不制冷，商家拒绝退换。',
  demand: '退货退款',
  receivedAt: new Date('2026-03-04T16:30:00Z'),
  outcome: 'MEDIATION_FAILED',
};
const OPTS = { court: null, evidence: [], centerName: '鼓楼区消费者维权中心', now: new Date('2026-04-01T01:00:00Z') };

describe('litigation document (民事起诉状)', () => {
  it('writes dates in Chinese, in Asia/Shanghai', () => {
    expect(chineseDate(new Date('2026-03-04T16:30:00Z'))).toBe('2026年3月5日');
  });

  it('reads gender and birth date from an 18-digit ID number only when it is well formed', () => {
    expect(fromIdNumber('11010519491231002X')).toEqual({ gender: '女', birthDate: '1949年12月31日' });
    expect(fromIdNumber('350102198803150031')).toEqual({ gender: '男', birthDate: '1988年3月15日' });
    expect(fromIdNumber('350102198802300031')).toBeNull(); // 30 February
    expect(fromIdNumber('35010219880315003')).toBeNull();
    expect(fromIdNumber(null)).toBeNull();
  });

  it('takes the parties from the consumer and the respondent, the claims from the demand, the facts from the narrative', () => {
    const s = buildStatementOfClaim(CASE, { ...OPTS, evidence: ['发票.pdf（购物发票）'] });
    expect(s.plaintiff).toEqual({
      name: '李四',
      gender: '女',
      birthDate: '1949年12月31日',
      phone: '13912345678',
      idNumber: '11010519491231002X',
      address: '鼓楼区五四路 1 号',
    });
    expect(s.defendant).toEqual({
      name: '某某电器有限公司',
      creditCode: '91350100M000100Y43',
      address: '鼓楼区八一七北路 88 号',
    });
    expect(s.claims).toEqual(['退货退款（涉案金额人民币 2999.00 元）。', '本案诉讼费用由被告承担。']);
    expect(s.facts.join('')).toContain(
      '2026年3月1日，原告在某某电器五四路店与被告发生消费纠纷（商品或服务类别：家用电器）。',
    );
    expect(s.facts).toContain('购买的空调三天后不制冷，商家拒绝退换。');
    expect(s.facts.join('')).toContain(
      '原告于2026年3月5日向鼓楼区消费者维权中心投诉（案件编号 GL-2026-000042），处理结果为「调解不成」',
    );
    expect(s).toMatchObject({ signer: '李四', date: '2026年4月1日', preparedBy: '鼓楼区消费者维权中心法律服务工作室' });
  });

  it('words the party lines as the form does, leaving a blank for what the case does not hold', () => {
    expect(partyLines(buildStatementOfClaim(CASE, OPTS))).toEqual({
      plaintiff:
        '原告：李四，女，1949年12月31日出生，身份证号码：11010519491231002X，住址：鼓楼区五四路 1 号，联系电话：13912345678。',
      defendant: `被告：某某电器有限公司，统一社会信用代码：91350100M000100Y43，住所地：鼓楼区八一七北路 88 号，法定代表人（负责人）：${BLANK}。`,
    });
    const sparse = partyLines(
      buildStatementOfClaim(
        { ...CASE, consumerIdNumber: null, consumerAddress: null, respondentCreditCode: null },
        OPTS,
      ),
    );
    expect(sparse.plaintiff).toBe(`原告：李四，身份证号码：${BLANK}，住址：${BLANK}，联系电话：13912345678。`);
    expect(sparse.defendant).toContain(`统一社会信用代码：${BLANK}`);
  });

  it('states an unperformed mediation agreement among the facts', () => {
    const s = buildStatementOfClaim({ ...CASE, outcome: 'MEDIATED', agreementText: '被告七日内退款 2999 元。' }, OPTS);
    expect(s.facts).toContain('经调解，双方曾达成协议：被告七日内退款 2999 元。被告至今未履行。');
  });

  it('renders a real .docx whose document.xml holds the title, parties, claims, facts and court in order, escaped', async () => {
    const s = buildStatementOfClaim(
      { ...CASE, respondentName: '<某某>&"电器"' },
      { ...OPTS, court: '鼓楼区人民法院', evidence: ['发票.pdf（购物发票）'] },
    );
    const doc = await renderStatementOfClaim(s);
    expect(doc).toMatchObject({ contentType: DOCX_CONTENT_TYPE, extension: 'docx' });
    expect(doc.bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip, as every .docx is
    const parsed = await readDocx(doc.bytes);
    expect(parsed.files).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'docProps/core.xml']),
    );
    expect(parsed.contentTypes).toContain(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    );
    const p = parsed.paragraphs.filter(Boolean);
    expect(p[0]).toBe('民事起诉状');
    expect(p[1]).toBe(
      '原告：李四，女，1949年12月31日出生，身份证号码：11010519491231002X，住址：鼓楼区五四路 1 号，联系电话：13912345678。',
    );
    expect(p[2]).toBe(
      `被告：<某某>&"电器"，统一社会信用代码：91350100M000100Y43，住所地：鼓楼区八一七北路 88 号，法定代表人（负责人）：${BLANK}。`,
    );
    expect(p.slice(3, 6)).toEqual([
      '诉讼请求：',
      '1. 退货退款（涉案金额人民币 2999.00 元）。',
      '2. 本案诉讼费用由被告承担。',
    ]);
    expect(p[6]).toBe('事实与理由：');
    expect(p).toEqual(expect.arrayContaining(['证据和证据来源：', '1. 发票.pdf（购物发票）']));
    const end = p.slice(p.indexOf('此致'));
    expect(end.slice(0, 4)).toEqual(['此致', '鼓楼区人民法院', '具状人：李四（签名）', '2026年4月1日']);
  });

  it('leaves the court blank when none is known yet', async () => {
    const parsed = await readDocx((await renderStatementOfClaim(buildStatementOfClaim(CASE, OPTS))).bytes);
    expect(parsed.paragraphs).toContain(`${BLANK}人民法院`);
    expect(parsed.paragraphs).not.toContain('证据和证据来源：');
  });

  // #12 item 15: whatever the consumer's data, the copy for a role that may not unmask, read back from
  // the .docx, holds none of the full name, phone, ID number, address or birth date — only the masked forms.
  it('masks the plaintiff in the .docx read back, for any name, phone, ID number and address', async () => {
    // Characters that appear nowhere in the form's own wording, so a hit can only be the consumer's data.
    const cjk = fc.constantFrom(...'甲乙丙戊己庚辛壬癸寅卯辰巳未酉戌亥'.split(''));
    const sample = fc.record({
      consumerName: fc.array(cjk, { minLength: 2, maxLength: 4 }).map((a) => a.join('')),
      consumerPhone: fc.oneof(fc.stringMatching(/^1[3-9]\d{9}$/), fc.stringMatching(/^0591-[2-9]\d{7}$/)),
      consumerIdNumber: fc.stringMatching(/^\d{6}(19[5-9]\d|200\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}[\dX]$/),
      consumerAddress: fc.array(cjk, { minLength: 4, maxLength: 20 }).map((a) => `福州市${a.join('')}号`),
    });
    await fc.assert(
      fc.asyncProperty(sample, async (consumer) => {
        const full = buildStatementOfClaim({ ...CASE, ...consumer }, OPTS);
        const text = (await readDocx((await renderStatementOfClaim(maskStatementOfClaim(full))).bytes)).text;
        for (const secret of Object.values(consumer)) expect(text).not.toContain(secret);
        expect(text).not.toContain(fromIdNumber(consumer.consumerIdNumber)!.birthDate);
        const plaintiff = text.split('\n').find((p) => p.startsWith('原告：'))!;
        expect(plaintiff).toContain(`原告：${consumer.consumerName[0]}${'*'.repeat(consumer.consumerName.length - 1)}`);
        expect(plaintiff).toContain(`身份证号码：${consumer.consumerIdNumber.slice(0, 3)}`);
        expect(plaintiff).toContain(`${consumer.consumerIdNumber.slice(-4)}，`);
        expect(plaintiff).toContain('住址：（已脱敏）');
        expect(text).toContain('脱敏件');
        // The unmasked copy of the same case does carry them (the test would catch a no-op).
        const fullText = (await readDocx((await renderStatementOfClaim(full)).bytes)).text;
        for (const secret of Object.values(consumer)) expect(fullText).toContain(secret);
        expect(fullText).not.toContain('脱敏件');
      }),
      { numRuns: 40 },
    );
  });
});
