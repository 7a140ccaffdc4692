import { RejectGround, RejectGroundText } from '@weiquan/shared';
import { itemNumber, officialPage, para, sealBlock, tickList } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉不予受理决定书 (SAMR 式样 6): Order 121's seven grounds as tick boxes, the chosen one ticked;
// outside jurisdiction names the competent authority and its phone.
// Version 2 also writes the ticked ground's number into 第（ ）项 (version 1 left it blank).
const GROUNDS = Object.values(RejectGround).map((k) => ({ key: k, text: RejectGroundText[k] }));
const rejectionDecision = (version: number, fillNumber: boolean): DocumentTemplate => ({
  type: 'REJECTION_DECISION',
  version,
  title: '投诉不予受理决定书',
  abbr: '诉不受',
  build: (d) => {
    const ground = str(d.extra.rejectGround);
    const referral = str(d.extra.referralAuthority);
    const n = fillNumber ? itemNumber(GROUNDS, ground) : '\u3000';
    return officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}提出的对${d.respondent.name}的投诉（案件编号 ${d.case.caseNo}），经审查，` +
          `存在下列第（${n}）项情形，根据《市场监督管理投诉举报处理办法》的规定，本单位决定不予受理：`,
      ),
      tickList(GROUNDS, ground),
      ...(referral ? [para(`你可以向${referral}（联系电话：${str(d.extra.referralPhone) || '—'}）反映。`)] : []),
      para('你也可以依法通过协商、调解、仲裁、诉讼等途径解决。'),
      sealBlock(d),
    ]);
  },
});
export const rejectionDecisionV1 = rejectionDecision(1, false);
export const rejectionDecisionV2 = rejectionDecision(2, true);
