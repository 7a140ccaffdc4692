import type { Content } from 'pdfmake/interfaces';
import { BODY_PT, MARGINS, blank, para } from './layout';
import { DocumentData } from './document-data';
import { DocumentTemplate } from './template';

/** What the legal workroom's step puts in `extra.claim` (litigation-document.ts builds it from the case). */
interface Claim {
  plaintiff: { gender: string | null; birthDate: string | null };
  defendant: { name: string; creditCode: string | null; address: string | null };
  claims: string[];
  facts: string[];
  evidence: string[];
  court: string | null;
  preparedBy: string;
}

const heading = (text: string): Content => ({ text, font: 'hei', margin: [0, 8, 0, 2] });

// 民事起诉状 in the layout of the courts' sample form (title, 原告, 被告, 诉讼请求, 事实与理由, 证据,
// 此致 XX人民法院, 具状人, date). It is the consumer's own pleading, not the center's: no red head, no
// 文号, no seal — the consumer signs it. The plaintiff's personal data come from the snapshot's
// consumer (so the masked copy masks them); gender and birth date (read from the ID number) are
// left blank on a masked copy.
export const civilComplaintV1: DocumentTemplate = {
  type: 'CIVIL_COMPLAINT',
  version: 1,
  title: '民事起诉状',
  abbr: null,
  build: (d: DocumentData) => {
    const claim = (d.extra.claim ?? {}) as Claim;
    const born = d.masked ? null : claim.plaintiff;
    const plaintiff = [
      `原告：${d.consumer.name}`,
      born?.gender,
      born?.birthDate ? `${born.birthDate}出生` : null,
      d.consumer.idNumber ? `公民身份号码：${d.consumer.idNumber}` : null,
      `住址：${blank(d.consumer.address)}`,
      `联系电话：${blank(d.consumer.phone)}`,
    ].filter(Boolean);
    const defendant = [
      `被告：${claim.defendant?.name ?? d.respondent.name}`,
      `统一社会信用代码：${blank(claim.defendant?.creditCode ?? d.respondent.creditCode)}`,
      `住所地：${blank(claim.defendant?.address ?? d.respondent.address)}`,
    ];
    const numbered = (xs: string[] | undefined) =>
      (xs ?? []).map((x, i) => para(`${i + 1}. ${x}`, { leadingIndent: BODY_PT * 2 }));
    return {
      pageSize: 'A4',
      pageMargins: MARGINS,
      info: { title: '民事起诉状', producer: 'Weiquan' },
      defaultStyle: { font: 'body', fontSize: BODY_PT, lineHeight: 1.4 },
      footer: (page) => ({ text: `— ${page} —`, fontSize: 14, alignment: 'center', margin: [0, 20, 0, 0] }),
      content: [
        { text: '民事起诉状', font: 'title', fontSize: 22, alignment: 'center', margin: [0, 0, 0, 16] },
        para(plaintiff.join('，') + '。'),
        para(defendant.join('，') + '。'),
        heading('诉讼请求：'),
        ...numbered(claim.claims),
        heading('事实与理由：'),
        ...(claim.facts ?? []).map((f) => para(f)),
        heading('证据和证据来源：'),
        ...(claim.evidence?.length ? numbered(claim.evidence) : [para('（证据清单另附）')]),
        { text: '此致', margin: [BODY_PT * 2, 16, 0, 0] },
        { text: claim.court ?? `${blank('', 6)}人民法院` },
        { text: `具状人：${d.consumer.name}（签名）`, alignment: 'right', margin: [0, 24, 0, 0] },
        { text: d.issuedOn, alignment: 'right' },
        {
          text: `（本文书由${claim.preparedBy ?? d.unit.header}依据案件 ${d.case.caseNo} 的登记信息协助生成，请核对后签名提交。）`,
          fontSize: 12,
          color: '#555555',
          margin: [0, 24, 0, 0],
        },
      ],
    };
  },
};
