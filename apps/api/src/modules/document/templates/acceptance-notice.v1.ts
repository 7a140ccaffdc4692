import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';

// 受理通知 for a report (举报): received and to be verified; the reporter's identity stays confidential.
export const acceptanceNoticeV1: DocumentTemplate = {
  type: 'ACCEPTANCE_NOTICE',
  version: 1,
  title: '举报受理通知书',
  abbr: '举受',
  build: (d) =>
    officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}反映的${d.respondent.name}涉嫌违法的举报（案件编号 ${d.case.caseNo}）已收悉，` +
          '本单位已予受理，将依法核查处理，并对举报人信息予以保密。',
      ),
      sealBlock(d),
    ]),
};
