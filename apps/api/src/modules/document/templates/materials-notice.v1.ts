import { officialPage, para, sealBlock } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 补正材料一次性告知书: every missing item at once (一次性告知), dated the day of the request, with
// the date by which the materials are due; until then the acceptance clock waits.
export const materialsNoticeV1: DocumentTemplate = {
  type: 'MATERIALS_NOTICE',
  version: 1,
  title: '补正材料一次性告知书',
  abbr: '诉补',
  build: (d) => {
    const items = (d.extra.missingItems as string[] | undefined) ?? [];
    return officialPage(d, [
      { text: `${d.consumer.name}：` },
      para(
        `你于${d.case.receivedOn}提出的投诉（案件编号 ${d.case.caseNo}，被投诉人：${d.respondent.name}）材料不全。` +
          '根据《市场监督管理投诉举报处理办法》的规定，现一次性告知你需补正的全部材料：',
      ),
      { ol: items.length ? items : ['（无）'], margin: [32, 4, 0, 6] },
      para(
        `请于${str(d.extra.dueOn)}前补正上述材料。补正材料齐全之日起计算受理期限；逾期未补正的，视为放弃投诉，本单位将依法作出不予受理决定。`,
      ),
      para(`联系电话：${str(d.unit.phone)}`),
      sealBlock(d),
    ]);
  },
};
