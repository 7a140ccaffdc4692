import { OutcomeLabel, toShanghaiDate } from '@weiquan/shared';
import type { CaseEntity } from '@weiquan/core';

// 民事起诉状 (statement of claim) drafted from a case for the consumer who must sue. Built as data
// first (testable), then rendered. The renderer writes a Word-compatible HTML document (.doc): the
// `docx` package is not installed in this workspace and a hand-rolled zip is not worth owning —
// swapping in a .docx renderer changes only `renderStatementOfClaim`.

export type ClaimCase = Pick<
  CaseEntity,
  | 'caseNo' | 'consumerName' | 'consumerPhone' | 'consumerIdNumber' | 'consumerAddress' | 'respondentName' | 'respondentCreditCode' | 'respondentAddress'
  | 'occurredAt' | 'occurredPlace' | 'category' | 'amountInvolved' | 'summary' | 'demand' | 'receivedAt' | 'outcome'
>;

export interface StatementOfClaim {
  title: string;
  plaintiff: { name: string; phone: string | null; idNumber: string | null; address: string | null };
  defendant: { name: string; creditCode: string | null; address: string | null };
  claims: string[];
  facts: string[];
  evidence: string[];
  court: string | null;
  signer: string;
  date: string;
  caseNo: string;
  preparedBy: string;
}

/** 2026-03-05 → 2026年3月5日 (Asia/Shanghai). */
export function chineseDate(at: Date): string {
  const [y, m, d] = toShanghaiDate(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const yuan = (n: number) => n.toFixed(2);

/**
 * The statement of claim from the case's own data: the consumer is the plaintiff (full name, phone,
 * ID number, address), the respondent business the defendant; the claims are the consumer's demand;
 * the facts come from the case's narrative and amount. The caller checks names and demand are present.
 */
export function buildStatementOfClaim(c: ClaimCase, opts: { court: string | null; evidence: string[]; centerName: string; now: Date }): StatementOfClaim {
  const claims = [`${(c.demand ?? '').trim().replace(/[。；;]$/, '')}${c.amountInvolved != null ? `（涉案金额人民币 ${yuan(c.amountInvolved)} 元）` : ''}。`, '本案诉讼费用由被告承担。'];
  const when = c.occurredAt ? `${chineseDate(c.occurredAt)}，` : '';
  const where = c.occurredPlace ? `在${c.occurredPlace}` : '';
  const what = c.category ? `（商品或服务类别：${c.category}）` : '';
  const facts = [
    `${when}原告${where}与被告发生消费纠纷${what}。`,
    c.summary.trim(),
    ...(c.amountInvolved != null ? [`涉案金额为人民币 ${yuan(c.amountInvolved)} 元。`] : []),
    `原告于${chineseDate(c.receivedAt)}向${opts.centerName}投诉（案件编号 ${c.caseNo}）${c.outcome ? `，处理结果为「${OutcomeLabel[c.outcome]}」` : ''}，纠纷至今未能解决。`,
    '被告的行为侵害了原告作为消费者的合法权益。为维护原告的合法权益，依据《中华人民共和国消费者权益保护法》《中华人民共和国民事诉讼法》等有关规定，特向贵院提起诉讼，请依法判如所请。',
  ];
  return {
    title: '民事起诉状',
    plaintiff: { name: c.consumerName ?? '', phone: c.consumerPhone, idNumber: c.consumerIdNumber, address: c.consumerAddress },
    defendant: { name: c.respondentName ?? '', creditCode: c.respondentCreditCode, address: c.respondentAddress },
    claims,
    facts,
    evidence: opts.evidence,
    court: opts.court,
    signer: c.consumerName ?? '',
    date: chineseDate(opts.now),
    caseNo: c.caseNo,
    preparedBy: `${opts.centerName}法律服务工作室`,
  };
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch]);

export interface RenderedDocument {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

/** The statement as a Word-compatible HTML document (opens in Word, WPS and LibreOffice). */
export function renderStatementOfClaim(s: StatementOfClaim): RenderedDocument {
  const p = (text: string, cls = 'indent', attrs = '') => `<p class="${cls}"${attrs}>${esc(text)}</p>`;
  const plaintiff = [`原告：${s.plaintiff.name}`, s.plaintiff.idNumber && `身份证号码：${s.plaintiff.idNumber}`, s.plaintiff.phone && `联系电话：${s.plaintiff.phone}`, s.plaintiff.address && `住址：${s.plaintiff.address}`]
    .filter(Boolean)
    .join('，');
  const defendant = [`被告：${s.defendant.name}`, s.defendant.creditCode && `统一社会信用代码：${s.defendant.creditCode}`, s.defendant.address && `住所地：${s.defendant.address}`]
    .filter(Boolean)
    .join('，');
  const body = [
    `<h1>${esc(s.title)}</h1>`,
    p(`${plaintiff}。`, 'party', ' data-role="plaintiff"'),
    p(`${defendant}。`, 'party', ' data-role="defendant"'),
    '<h2>诉讼请求</h2>',
    ...s.claims.map((c, i) => p(`${i + 1}. ${c}`, 'indent', ' data-role="claim"')),
    '<h2>事实与理由</h2>',
    ...s.facts.map((f) => p(f, 'indent', ' data-role="fact"')),
    ...(s.evidence.length ? ['<h2>证据清单</h2>', ...s.evidence.map((e, i) => p(`${i + 1}. ${e}`, 'indent', ' data-role="evidence"'))] : []),
    p('此致', 'plain'),
    p(s.court ?? '＿＿＿＿＿＿人民法院', 'plain', ' data-role="court"'),
    p(`具状人：${s.signer}`, 'right', ' data-role="signer"'),
    p(s.date, 'right'),
    p(`附：本起诉状副本 1 份。（本文书由${s.preparedBy}依据案件 ${s.caseNo} 的登记信息协助生成，请核对后签名提交。）`, 'note'),
  ];
  const html = `<!DOCTYPE html>
<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40" lang="zh-CN">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${esc(s.title)}</title>
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View><w:Zoom>100</w:Zoom></w:WordDocument></xml><![endif]-->
<style>
@page { size: 21cm 29.7cm; margin: 2.54cm 3.17cm; }
body { font-family: FangSong, "仿宋", serif; font-size: 16pt; line-height: 1.6; }
h1 { text-align: center; font-family: SimHei, "黑体", sans-serif; font-size: 22pt; }
h2 { font-family: SimHei, "黑体", sans-serif; font-size: 16pt; margin: 12pt 0 0; }
p { margin: 0; }
p.indent { text-indent: 2em; }
p.right { text-align: right; }
p.note { margin-top: 24pt; font-size: 10.5pt; color: #555; }
</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
  // A UTF-8 BOM so Word picks the encoding even before it reads the meta tag.
  return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html, 'utf8')]), contentType: 'application/msword', extension: 'doc' };
}
