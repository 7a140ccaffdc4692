import { TerminationGround, TerminationGroundText } from '@weiquan/shared';
import { officialPage, para, sealBlock, tickList } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉终止调解决定书 (SAMR 式样 8): Order 121's eight grounds as tick boxes.
export const terminationDecisionV1: DocumentTemplate = {
  type: 'TERMINATION_DECISION',
  version: 1,
  title: '投诉终止调解决定书',
  abbr: '诉终调',
  build: (d) =>
    officialPage(d, [
      { text: `${d.consumer.name}、${d.respondent.name}：` },
      para(
        `${d.consumer.name}对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），在调解过程中出现下列第（\u3000）项情形，` +
          '根据《市场监督管理投诉举报处理办法》的规定，本单位决定终止调解：',
      ),
      tickList(
        Object.values(TerminationGround).map((k) => ({ key: k, text: TerminationGroundText[k] })),
        str(d.extra.terminationGround),
      ),
      para('当事人可以依法通过其他途径解决消费者权益争议。'),
      sealBlock(d),
    ]),
};
