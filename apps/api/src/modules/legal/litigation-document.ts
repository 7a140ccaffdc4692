import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { IRunOptions } from 'docx';
import { OutcomeLabel, chineseDate, maskIdNumber, maskName, maskPhone } from '@weiquan/shared';
import type { CaseEntity } from '@weiquan/core';

// 民事起诉状 (statement of claim) drafted from a case for the consumer who must sue. Built as data
// first (testable without a file), then rendered as a real Office Open XML document (.docx) with
// the `docx` package, in the layout of the court's sample form: title, 原告, 被告, 诉讼请求,
// 事实与理由, 证据, 此致 XX人民法院, 具状人, date.

export type ClaimCase = Pick<
  CaseEntity,
  | 'caseNo'
  | 'consumerName'
  | 'consumerPhone'
  | 'consumerIdNumber'
  | 'consumerAddress'
  | 'respondentName'
  | 'respondentCreditCode'
  | 'respondentAddress'
  | 'occurredAt'
  | 'occurredPlace'
  | 'category'
  | 'amountInvolved'
  | 'summary'
  | 'demand'
  | 'receivedAt'
  | 'outcome'
> &
  Partial<Pick<CaseEntity, 'agreementText'>>;

export interface StatementOfClaim {
  title: string;
  plaintiff: {
    name: string;
    gender: '男' | '女' | null;
    birthDate: string | null;
    phone: string | null;
    idNumber: string | null;
    address: string | null;
  };
  defendant: { name: string; creditCode: string | null; address: string | null };
  claims: string[];
  facts: string[];
  evidence: string[];
  court: string | null;
  signer: string;
  date: string;
  caseNo: string;
  preparedBy: string;
  /** The consumer's personal data is masked (drafted for a role that may not unmask). */
  masked?: boolean;
}

const yuan = (n: number) => n.toFixed(2);
/** A blank to fill in by hand, as on the court's printed form. */
export const BLANK = '＿＿＿＿＿＿';

/**
 * 性别 and 出生日期 from an 18-digit 居民身份证号码 (GB 11643: digits 7–14 the birth date, the 17th
 * odd for men); null for anything else, so a malformed number never puts a wrong fact on the form.
 */
export function fromIdNumber(idNumber: string | null): { gender: '男' | '女'; birthDate: string } | null {
  const m = /^\d{6}(\d{4})(\d{2})(\d{2})\d{2}(\d)[\dXx]$/.exec(idNumber ?? '');
  if (!m) return null;
  const [y, mo, d, seq] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { gender: seq % 2 === 1 ? '男' : '女', birthDate: `${y}年${mo}月${d}日` };
}

/**
 * The statement of claim from the case's own data: the consumer is the plaintiff (full name, phone,
 * ID number, address), the respondent business the defendant (with its unified social credit code);
 * the claims are the consumer's demand; the facts come from the case's narrative and amount. The
 * caller checks that the names and the demand are present.
 */
export function buildStatementOfClaim(
  c: ClaimCase,
  opts: { court: string | null; evidence: string[]; centerName: string; now: Date },
): StatementOfClaim {
  const claims = [
    `${(c.demand ?? '').trim().replace(/[。；;]$/, '')}${c.amountInvolved != null ? `（涉案金额人民币 ${yuan(c.amountInvolved)} 元）` : ''}。`,
    '本案诉讼费用由被告承担。',
  ];
  const when = c.occurredAt ? `${chineseDate(c.occurredAt)}，` : '';
  const where = c.occurredPlace ? `在${c.occurredPlace}` : '';
  const what = c.category ? `（商品或服务类别：${c.category}）` : '';
  const agreement = c.agreementText?.trim();
  const facts = [
    `${when}原告${where}与被告发生消费纠纷${what}。`,
    c.summary.trim(),
    ...(c.amountInvolved != null ? [`涉案金额为人民币 ${yuan(c.amountInvolved)} 元。`] : []),
    `原告于${chineseDate(c.receivedAt)}向${opts.centerName}投诉（案件编号 ${c.caseNo}）${c.outcome ? `，处理结果为「${OutcomeLabel[c.outcome]}」` : ''}，纠纷至今未能解决。`,
    ...(agreement ? [`经调解，双方曾达成协议：${agreement.replace(/[。；;]$/, '')}。被告至今未履行。`] : []),
    '被告的行为侵害了原告作为消费者的合法权益。为维护原告的合法权益，依据《中华人民共和国消费者权益保护法》《中华人民共和国民事诉讼法》等有关规定，特向贵院提起诉讼，请依法判如所请。',
  ];
  const born = fromIdNumber(c.consumerIdNumber);
  return {
    title: '民事起诉状',
    plaintiff: {
      name: c.consumerName ?? '',
      gender: born?.gender ?? null,
      birthDate: born?.birthDate ?? null,
      phone: c.consumerPhone,
      idNumber: c.consumerIdNumber,
      address: c.consumerAddress,
    },
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

/**
 * The copy for a role that may not unmask (the same rule as the registry's MASKED documents): the
 * plaintiff's name, phone, ID number and address masked, and the birth date read from the ID number
 * left out; the signer's line masked too. The consumer fills in the blanks before signing.
 */
export function maskStatementOfClaim(s: StatementOfClaim): StatementOfClaim {
  const p = s.plaintiff;
  return {
    ...s,
    masked: true,
    plaintiff: {
      name: maskName(p.name),
      gender: p.gender,
      birthDate: null,
      phone: p.phone ? maskPhone(p.phone) : null,
      idNumber: p.idNumber ? maskIdNumber(p.idNumber) : null,
      address: p.address ? MASKED_ADDRESS : null,
    },
    signer: maskName(s.signer),
  };
}
const MASKED_ADDRESS = '（已脱敏）';

/** The 原告 and 被告 lines as the form words them; a missing required item is a blank to fill in. */
export function partyLines(s: StatementOfClaim): { plaintiff: string; defendant: string } {
  const p = s.plaintiff;
  const plaintiff = [
    `原告：${p.name}`,
    p.gender,
    p.birthDate && `${p.birthDate}出生`,
    `身份证号码：${p.idNumber ?? BLANK}`,
    `住址：${p.address ?? BLANK}`,
    `联系电话：${p.phone ?? BLANK}`,
  ];
  const d = s.defendant;
  const defendant = [
    `被告：${d.name}`,
    `统一社会信用代码：${d.creditCode ?? BLANK}`,
    `住所地：${d.address ?? BLANK}`,
    `法定代表人（负责人）：${BLANK}`,
  ];
  return { plaintiff: `${plaintiff.filter(Boolean).join('，')}。`, defendant: `${defendant.join('，')}。` };
}

export interface RenderedDocument {
  bytes: Buffer;
  contentType: string;
  extension: string;
}

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// Sizes in half-points (二号 22pt, 三号 16pt, 五号 10.5pt), distances in twips (1 cm = 567).
const TITLE_SIZE = 44;
const BODY_SIZE = 32;
const NOTE_SIZE = 21;
const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋', cs: 'Times New Roman' };
const HEADING_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' };
const A4 = { width: 11906, height: 16838 };
const MARGIN = { top: 1440, bottom: 1440, left: 1797, right: 1797 };
const LINE = { line: 560, lineRule: 'exact' as const }; // 28 磅 固定行距, the usual for 三号仿宋

type Para = {
  text: string;
  indent?: boolean;
  line?: { line: number; lineRule: 'auto' | 'exact' };
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  run?: IRunOptions;
  before?: number;
  after?: number;
  keepNext?: boolean;
};

function para({
  text,
  indent = false,
  line,
  align = AlignmentType.JUSTIFIED,
  run,
  before,
  after,
  keepNext,
}: Para): Paragraph {
  return new Paragraph({
    alignment: align,
    // 首行缩进两字: in characters for Word and WPS, in twips (2 × 16 pt) for LibreOffice, which ignores the former.
    indent: indent ? { firstLineChars: 200, firstLine: 2 * BODY_SIZE * 10 } : undefined,
    spacing: { ...(line ?? LINE), before, after },
    keepNext,
    children: [new TextRun({ text, ...run })],
  });
}

const heading = (text: string) => para({ text, run: { font: HEADING_FONT }, before: 120, keepNext: true });

/** The statement as a .docx: A4, 仿宋三号 body, 黑体 title and headings, a line per party, numbered claims. */
export async function renderStatementOfClaim(s: StatementOfClaim): Promise<RenderedDocument> {
  const parties = partyLines(s);
  const children = [
    para({
      text: s.title,
      align: AlignmentType.CENTER,
      run: { font: HEADING_FONT, size: TITLE_SIZE, bold: true },
      after: 240,
    }),
    para({ text: parties.plaintiff }),
    para({ text: parties.defendant }),
    heading('诉讼请求：'),
    ...s.claims.map((c, i) => para({ text: `${i + 1}. ${c}`, indent: true })),
    heading('事实与理由：'),
    ...s.facts.map((f) => para({ text: f, indent: true })),
    ...(s.evidence.length
      ? [heading('证据和证据来源：'), ...s.evidence.map((e, i) => para({ text: `${i + 1}. ${e}`, indent: true }))]
      : []),
    para({ text: '此致', indent: true, before: 240, keepNext: true }),
    para({ text: s.court ?? `${BLANK}人民法院`, keepNext: true }),
    para({ text: `具状人：${s.signer}（签名）`, align: AlignmentType.RIGHT, before: 480, keepNext: true }),
    para({ text: s.date, align: AlignmentType.RIGHT }),
    para({ text: '附：本起诉状副本 1 份。', before: 240 }),
    para({
      text: `（本文书由${s.preparedBy}依据案件 ${s.caseNo} 的登记信息协助生成，请核对后签名提交。${s.masked ? '脱敏件：原告个人信息已隐去，须由消费者本人补全。' : ''}）`,
      run: { size: NOTE_SIZE, color: '555555' },
      line: { line: 240, lineRule: 'auto' },
      before: 240,
    }),
  ];
  const doc = new Document({
    title: s.title,
    creator: s.preparedBy,
    description: `案件编号 ${s.caseNo}`,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: BODY_SIZE, language: { value: 'zh-CN', eastAsia: 'zh-CN' } } },
      },
    },
    sections: [{ properties: { page: { size: A4, margin: MARGIN } }, children }],
  });
  return { bytes: await Packer.toBuffer(doc), contentType: DOCX_CONTENT_TYPE, extension: 'docx' };
}
