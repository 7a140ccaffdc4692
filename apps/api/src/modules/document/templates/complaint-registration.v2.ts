import type { Content, ContentColumns, ContentTable } from 'pdfmake/interfaces';
import { formTable, officialPage, sealBlock, yesNo } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉登记表 (SAMR 式样 1, with Order 121's publication and entrusted-mediation consent), version 2:
// the two signatures are rows of the form and the seal sits closer, so the form fits on one A4 page
// (version 1 put the signature dates and the seal on a second page).
export const complaintRegistrationV2: DocumentTemplate = {
  type: 'COMPLAINT_REGISTRATION',
  version: 2,
  title: '投诉登记表',
  abbr: '诉登',
  build: (d) => {
    // Tighter rows than the shared form grid: fifteen rows, two signatures and the seal on one page.
    const compact = (rows: Parameters<typeof formTable>[0]): Content => ({
      ...(formTable(rows) as ContentTable),
      layout: { paddingTop: () => 2, paddingBottom: () => 2 },
    });
    // A fresh object per cell: pdfmake lays out (and mutates) each node once.
    const date = () => ({ text: '年        月        日', alignment: 'right' as const });
    const def = officialPage(d, [
      compact([
        ['登记单位', d.unit.header, '编号', str(d.docNo)],
        ['投诉人', d.consumer.name, '联系电话', d.consumer.phone],
        ['身份证号', d.consumer.idNumber, '地址', d.consumer.address],
        ['被投诉人', d.respondent.name, '统一社会信用代码', d.respondent.creditCode],
        ['被投诉人地址', d.respondent.address, '联系电话', d.respondent.phone],
        ['消费时间', str(d.case.occurredOn), '消费地点', str(d.case.occurredPlace)],
        ['涉及金额（元）', str(d.case.amount), '案件编号', d.case.caseNo],
      ]),
      compact([
        ['消费者权益争议事实', d.case.summary],
        ['投诉请求', str(d.case.demand)],
        ['同意公示', yesNo(d.case.consentPublication)],
        ['同意委托调解', yesNo(d.case.consentEntrustedMediation)],
        ['登记人', `${str(d.case.registeredByName)}    登记日期：${d.case.registeredOn}`],
        ['投诉人（签字）', date()],
        ['登记人（签字）', date()],
      ]),
      { ...(sealBlock(d) as ContentColumns), margin: [0, 0, 0, 0] },
    ]);
    return def;
  },
};
