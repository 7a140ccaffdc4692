import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';

// 投诉受理决定书 (SAMR 式样 5).
export const acceptanceDecisionV1: DocumentTemplate = {
  type: 'ACCEPTANCE_DECISION',
  version: 1,
  title: '投诉受理决定书',
  abbr: '诉受',
  build: (d) =>
    officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}提出的对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），` +
          '经审查，符合《市场监督管理投诉举报处理办法》规定的受理条件，本单位决定予以受理。',
      ),
      para(
        '本单位将组织双方当事人进行调解。调解应当遵循自愿、合法、公平原则，调解期间你可以随时撤回投诉。' +
          '如你申请回避，请在收到调解通知书后提出。',
      ),
      para(`联系电话：${d.unit.phone ?? ''}`),
      sealBlock(d),
    ]),
};
