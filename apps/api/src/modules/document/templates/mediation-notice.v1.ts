import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉调解通知书 (SAMR 式样 7) with Order 121's recusal line.
export const mediationNoticeV1: DocumentTemplate = {
  type: 'MEDIATION_NOTICE',
  version: 1,
  title: '投诉调解通知书',
  abbr: '诉调通',
  build: (d) =>
    officialPage(d, [
      { text: `${d.consumer.name}、${d.respondent.name}：` },
      para(
        `${d.consumer.name}对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），本单位已依法受理，` +
          `决定组织双方调解。调解人员：${str(d.extra.mediatorName) || d.case.handlerName || '＿＿＿＿'}。`,
      ),
      para(
        `当事人认为调解人员与本投诉有利害关系、可能影响公正调解的，可以自收到本通知书之日起${str(d.extra.recusalDays) || '3'}日内申请回避。`,
      ),
      para('调解遵循自愿原则，当事人一方不同意调解的，本单位将终止调解。'),
      sealBlock(d),
    ]),
};
