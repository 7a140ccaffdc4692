import { RejectGround, RejectGroundText } from '@weiquan/shared';
import { officialPage, para, sealBlock, tickList } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉不予受理决定书 (SAMR 式样 6): Order 121's seven grounds as tick boxes, the chosen one ticked;
// outside jurisdiction names the competent authority and its phone.
export const rejectionDecisionV1: DocumentTemplate = {
  type: 'REJECTION_DECISION',
  version: 1,
  title: '投诉不予受理决定书',
  abbr: '诉不受',
  build: (d) => {
    const ground = str(d.extra.rejectGround);
    const referral = str(d.extra.referralAuthority);
    return officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}提出的对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），经审查，` +
          '存在下列第（\u3000）项情形，根据《市场监督管理投诉举报处理办法》的规定，本单位决定不予受理：',
      ),
      tickList(
        Object.values(RejectGround).map((k) => ({ key: k, text: RejectGroundText[k] })),
        ground,
      ),
      ...(referral ? [para(`你可以向${referral}（联系电话：${str(d.extra.referralPhone) || '—'}）反映。`)] : []),
      para('你也可以依法通过协商、调解、仲裁、诉讼等途径解决。'),
      sealBlock(d),
    ]);
  },
};
