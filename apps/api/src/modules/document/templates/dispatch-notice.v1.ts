import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉/举报分送通知书 (SAMR 式样 3/4): the case sent to a lower unit or another department.
export const dispatchNoticeV1: DocumentTemplate = {
  type: 'DISPATCH_NOTICE',
  version: 1,
  title: '投诉/举报分送通知书',
  abbr: '诉分',
  build: (d) =>
    officialPage(d, [
      { text: `${str(d.extra.targetName)}：` },
      para(
        `本单位于${d.case.receivedOn}收到${d.consumer.name}对${d.respondent.name}的${d.case.kind}（案件编号 ${d.case.caseNo}），` +
          `经审查，属于你${str(d.extra.targetKind) || '单位'}处理范围，现分送你处${str(d.extra.mode)}，请依法处理并按时反馈结果。`,
      ),
      para(`主要内容：${d.case.summary}`),
      ...(d.extra.instructions ? [para(`办理要求：${str(d.extra.instructions)}`)] : []),
      para('附件：投诉/举报材料'),
      sealBlock(d),
    ]),
};
