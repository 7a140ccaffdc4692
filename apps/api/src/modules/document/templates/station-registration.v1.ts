import { formTable, officialPage, yesNo } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 消费投诉登记表 of a station (seed 000 附件1): who, against whom, what, and what the station did.
export const stationRegistrationV1: DocumentTemplate = {
  type: 'STATION_REGISTRATION',
  version: 1,
  title: '消费投诉登记表',
  abbr: '站登',
  build: (d) =>
    officialPage(d, [
      formTable([
        ['登记站点', d.unit.header, '编号', str(d.docNo)],
        ['投诉人', d.consumer.name, '联系电话', d.consumer.phone],
        ['住址', d.consumer.address, '登记日期', d.case.registeredOn],
        ['被投诉方', d.respondent.name, '联系电话', d.respondent.phone],
        ['被投诉方地址', d.respondent.address, '涉及金额（元）', str(d.case.amount)],
      ]),
      formTable([
        ['投诉事由', d.case.summary],
        ['投诉要求', str(d.case.demand)],
        ['同意委托调解', yesNo(d.case.consentEntrustedMediation)],
        ['处理情况', str(d.extra.handling) || '\n\n'],
        ['登记人', str(d.case.registeredByName)],
      ]),
      {
        margin: [0, 24, 0, 0],
        columns: [
          { text: '投诉人（签字）：\n\n年    月    日', fontSize: 14 },
          { text: '站点负责人（签字）：\n\n年    月    日', fontSize: 14 },
        ],
      },
    ]),
};
