import type { Content } from 'pdfmake/interfaces';
import { formTable, officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

export const AGREEMENT_COPIES = ['投诉人收执', '被投诉人收执', '调解单位存档'] as const;

// 投诉调解书 (SAMR 式样 9): three copies, each on its own pages, with the parties' signature blocks.
export const mediationAgreementV1: DocumentTemplate = {
  type: 'MEDIATION_AGREEMENT',
  version: 1,
  title: '投诉调解书',
  abbr: '诉调',
  build: (d) => {
    const copy = (label: string, i: number): Content[] => [
      { text: `（第${'一二三'[i]}联  ${label}）`, alignment: 'center', fontSize: 14, margin: [0, 0, 0, 8] },
      formTable([
        ['投诉人', d.consumer.name, '联系电话', d.consumer.phone],
        ['被投诉人', d.respondent.name, '统一社会信用代码', d.respondent.creditCode],
      ]),
      para(`投诉事项：${d.case.summary}`),
      para(`经本单位组织调解，双方当事人自愿达成如下协议：${str(d.extra.terms)}`),
      ...(d.extra.amount ? [para(`涉及金额：${str(d.extra.amount)}元。`)] : []),
      para('本调解书一式三份，投诉人、被投诉人、调解单位各执一份，自双方签字之日起生效。'),
      {
        margin: [0, 20, 0, 0],
        columns: [
          { text: '投诉人（签字）：\n\n年    月    日', fontSize: 14 },
          { text: '被投诉人（签字、盖章）：\n\n年    月    日', fontSize: 14 },
        ],
      },
      { text: `调解人员（签字）：${str(d.extra.mediatorName)}`, fontSize: 14, margin: [0, 16, 0, 0] },
      sealBlock(d),
    ];
    const def = officialPage(d, copy(AGREEMENT_COPIES[0], 0));
    const rest = AGREEMENT_COPIES.slice(1).flatMap((label, i) => {
      const [first, ...again] = officialPage(d, copy(label, i + 1)).content as Content[];
      return [{ ...(first as object), pageBreak: 'before' } as Content, ...again];
    });
    def.content = [...(def.content as Content[]), ...rest];
    return def;
  },
};
