import { TerminationGround, TerminationGroundText } from '@weiquan/shared';
import { itemNumber, officialPage, para, sealBlock, tickList } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉终止调解决定书 (SAMR 式样 8): Order 121's eight grounds as tick boxes. Version 2 also writes the
// ticked ground's number into 第（ ）项 (version 1 left it blank).
const GROUNDS = Object.values(TerminationGround).map((k) => ({ key: k, text: TerminationGroundText[k] }));
const terminationDecision = (version: number, fillNumber: boolean): DocumentTemplate => ({
  type: 'TERMINATION_DECISION',
  version,
  title: '投诉终止调解决定书',
  abbr: '诉终调',
  build: (d) => {
    const ground = str(d.extra.terminationGround);
    const n = fillNumber ? itemNumber(GROUNDS, ground) : '\u3000';
    return officialPage(d, [
      { text: `${d.consumer.name}、${d.respondent.name}：` },
      para(
        `${d.consumer.name}对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），在调解过程中出现下列第（${n}）项情形，` +
          '根据《市场监督管理投诉举报处理办法》的规定，本单位决定终止调解：',
      ),
      tickList(GROUNDS, ground),
      para('当事人可以依法通过其他途径解决消费者权益争议。'),
      sealBlock(d),
    ]);
  },
});
export const terminationDecisionV1 = terminationDecision(1, false);
export const terminationDecisionV2 = terminationDecision(2, true);
