import { formTable, officialPage, sealBlock, yesNo } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 投诉登记表 (SAMR 式样 1, with Order 121's publication and entrusted-mediation consent).
export const complaintRegistrationV1: DocumentTemplate = {
  type: 'COMPLAINT_REGISTRATION',
  version: 1,
  title: '投诉登记表',
  abbr: '诉登',
  build: (d) =>
    officialPage(d, [
      formTable([
        ['登记单位', d.unit.header, '编号', str(d.docNo)],
        ['投诉人', d.consumer.name, '联系电话', d.consumer.phone],
        ['身份证号', d.consumer.idNumber, '地址', d.consumer.address],
        ['被投诉人', d.respondent.name, '统一社会信用代码', d.respondent.creditCode],
        ['被投诉人地址', d.respondent.address, '联系电话', d.respondent.phone],
        ['消费时间', str(d.case.occurredOn), '消费地点', str(d.case.occurredPlace)],
        ['涉及金额（元）', str(d.case.amount), '案件编号', d.case.caseNo],
      ]),
      formTable([
        ['消费者权益争议事实', d.case.summary],
        ['投诉请求', str(d.case.demand)],
        ['同意公示', yesNo(d.case.consentPublication)],
        ['同意委托调解', yesNo(d.case.consentEntrustedMediation)],
        ['登记人', `${str(d.case.registeredByName)}    登记日期：${d.case.registeredOn}`],
      ]),
      {
        margin: [0, 24, 0, 0],
        columns: [
          { text: '投诉人（签字）：\n\n年    月    日', fontSize: 14 },
          { text: '登记人（签字）：\n\n年    月    日', fontSize: 14 },
        ],
      },
      sealBlock(d),
    ]),
};
