import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 举报处理结果告知书: the result and the regulation and article it rests on.
export const reportResultNoticeV1: DocumentTemplate = {
  type: 'REPORT_RESULT_NOTICE',
  version: 1,
  title: '举报处理结果告知书',
  abbr: '举告',
  build: (d) =>
    officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}反映的${d.respondent.name}涉嫌违法的举报（案件编号 ${d.case.caseNo}），本单位已依法处理。`,
      ),
      para(`处理结果：${str(d.extra.result)}`),
      para(`依据：${str(d.extra.regulation) || '《市场监督管理投诉举报处理办法》'}${str(d.extra.article)}。`),
      para('感谢你对市场监督管理工作的支持。'),
      sealBlock(d),
    ]),
};
