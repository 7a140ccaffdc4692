// Varied case narratives for the bulk loads: the demo set's templates per category and kind (filled
// with a date, the business, an item, an amount), then zero to three follow-up sentences drawn from a
// pool with their own variable parts (staff names, order and model numbers, branch names, times), so
// that a million narratives hold common words (消费者, 退款) as well as rare fragments (an order
// number, a clerk's name) — what an operator's keyword search meets in production.
import {
  BUSINESSES,
  CATEGORY_CONTENT,
  fill,
  int,
  personName,
  pick,
  type Rng,
} from '../../core/src/seed/demo-case-content';
import type { CaseKind } from '@weiquan/shared';

type Business = (typeof BUSINESSES)[number];

const FOLLOW_UPS: readonly ((r: Rng) => string)[] = [
  (r) => `接待的营业员姓${personName(r).slice(0, 1)}，工号${int(r, 1000, 99999)}。`,
  (r) => `订单号${int(r, 10_000_000, 99_999_999)}${int(r, 1000, 9999)}，已保留付款截图。`,
  (r) =>
    `商品型号${pick(r, ['KFR', 'BCD', 'XQG', 'JSQ', 'CXW', 'TV', 'HD', 'M'])}-${int(r, 20, 980)}${pick(r, ['GW', 'WD', 'A', 'S', 'Pro', ''])}。`,
  (r) => `${pick(r, ['第一次', '第二次', '多次'])}到店协商时店长${personName(r)}表示要请示总部，至今没有答复。`,
  (r) => `拨打客服电话${int(r, 400_000_0000, 400_999_9999)}${pick(r, ['无人接听', '一直占线', '被告知等待回电'])}。`,
  (r) =>
    `${int(r, 1, 12)}月${int(r, 1, 28)}日${int(r, 8, 21)}时许再次前往${pick(r, ['门店', '售后服务点', '专柜', '营业厅'])}，${pick(r, ['仍被推诿', '负责人不在', '对方拒绝出示凭证', '双方发生争执'])}。`,
  (r) => `同小区还有${int(r, 2, 30)}户居民遇到类似问题。`,
  (r) =>
    `已向${pick(r, ['电商平台', '厂家客服', '行业协会', '物业'])}反映，${pick(r, ['对方让找商家', '没有结果', '答复需等待十五个工作日'])}。`,
  (r) =>
    `发票号码${int(r, 10_000_000, 99_999_999)}，购买时${pick(r, ['刷卡', '微信支付', '支付宝支付', '现金'])}付款。`,
  (r) => `${pick(r, ['本人年逾七旬', '本人是残疾人', '家中有孕妇', '孩子因此受到惊吓', '耽误了工作'])}，希望尽快处理。`,
  (r) =>
    `商家${pick(r, ['第', ''])}${pick(r, ['城东', '城西', '万达', '宝龙', '火车站', '大学城', '东二环'])}分店的${pick(r, ['经理', '主管', '售后人员'])}${personName(r)}承认存在问题但不愿赔偿。`,
  (r) => `涉及金额另有${pick(r, ['运费', '安装费', '押金', '服务费', '材料费'])}${int(r, 10, 3000)}元。`,
];

export function narrative(
  r: Rng,
  kind: CaseKind,
  biz: Business,
  item: string,
  amount: number,
  received: number,
): string {
  const content = CATEGORY_CONTENT[biz.category];
  const d = new Date(received - int(r, 1, 60) * 86_400_000);
  const slots = {
    date: `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`,
    biz: biz.name,
    item,
    amount,
    days: int(r, 2, 30),
  };
  const templates =
    kind === 'COMPLAINT'
      ? content.complaints
      : kind === 'REPORT'
        ? content.reports
        : kind === 'CONSULTATION'
          ? content.consultations
          : content.suggestions;
  let text = fill(pick(r, templates), slots);
  const extra = kind === 'COMPLAINT' || kind === 'REPORT' ? int(r, 0, 3) : int(r, 0, 1);
  for (let i = 0; i < extra; i++) text += pick(r, FOLLOW_UPS)(r);
  return text;
}
