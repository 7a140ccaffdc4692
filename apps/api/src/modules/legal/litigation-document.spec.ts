import { buildStatementOfClaim, chineseDate, ClaimCase, renderStatementOfClaim } from './litigation-document';

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

// The paragraphs of the rendered document, by role.
function paragraphs(html: string): { role: string | null; text: string }[] {
  return [...html.matchAll(/<p class="[^"]*"(?: data-role="([a-z]+)")?>([\s\S]*?)<\/p>/g)].map((m) => ({
    role: m[1] ?? null,
    text: m[2].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
  }));
}

describe('litigation document (民事起诉状)', () => {
  it('writes dates in Chinese, in Asia/Shanghai', () => {
    expect(chineseDate(new Date('2026-03-04T16:30:00Z'))).toBe('2026年3月5日');
  });

  it('takes the parties from the consumer and the respondent, the claims from the demand, the facts from the narrative', () => {
    const s = buildStatementOfClaim(CASE, { court: null, evidence: ['发票.pdf（购物发票）'], centerName: '鼓楼区消费者维权中心', now: new Date('2026-04-01T01:00:00Z') });
    expect(s.plaintiff).toEqual({ name: '李四', phone: '13912345678', idNumber: '11010519491231002X', address: '鼓楼区五四路 1 号' });
    expect(s.defendant).toEqual({ name: '某某电器有限公司', creditCode: '91350100M000100Y43', address: '鼓楼区八一七北路 88 号' });
    expect(s.claims).toEqual(['退货退款（涉案金额人民币 2999.00 元）。', '本案诉讼费用由被告承担。']);
    expect(s.facts.join('')).toContain('2026年3月1日，原告在某某电器五四路店与被告发生消费纠纷（商品或服务类别：家用电器）。');
    expect(s.facts).toContain('购买的空调三天后不制冷，商家拒绝退换。');
    expect(s.facts.join('')).toContain('原告于2026年3月5日向鼓楼区消费者维权中心投诉（案件编号 GL-2026-000042），处理结果为「调解不成」');
    expect(s).toMatchObject({ signer: '李四', date: '2026年4月1日', preparedBy: '鼓楼区消费者维权中心法律服务工作室' });
  });

  it('renders a UTF-8 Word-compatible document whose paragraphs carry the parties and claims, escaped', () => {
    const s = buildStatementOfClaim({ ...CASE, respondentName: '<某某>&"电器"' }, { court: '鼓楼区人民法院', evidence: [], centerName: '鼓楼区消费者维权中心', now: new Date() });
    const doc = renderStatementOfClaim(s);
    expect(doc).toMatchObject({ contentType: 'application/msword', extension: 'doc' });
    expect([...doc.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const html = doc.bytes.subarray(3).toString('utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h1>民事起诉状</h1>');
    expect(html).not.toContain('<某某>');
    const ps = paragraphs(html);
    expect(ps.find((p) => p.role === 'plaintiff')?.text).toBe('原告：李四，身份证号码：11010519491231002X，联系电话：13912345678，住址：鼓楼区五四路 1 号。');
    expect(ps.find((p) => p.role === 'defendant')?.text).toBe('被告：<某某>&"电器"，统一社会信用代码：91350100M000100Y43，住所地：鼓楼区八一七北路 88 号。');
    expect(ps.filter((p) => p.role === 'claim').map((p) => p.text)).toEqual(['1. 退货退款（涉案金额人民币 2999.00 元）。', '2. 本案诉讼费用由被告承担。']);
    expect(ps.find((p) => p.role === 'court')?.text).toBe('鼓楼区人民法院');
    expect(ps.some((p) => p.role === 'evidence')).toBe(false);
  });
});
