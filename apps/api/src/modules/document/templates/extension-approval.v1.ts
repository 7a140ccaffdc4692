import { formTable, officialPage } from './layout';
import { DocumentTemplate } from './template';
import { str } from './document-data';

// 延期审批表: the handler's request, with the approver's box left to sign (approval is a later step).
export const extensionApprovalV1: DocumentTemplate = {
  type: 'EXTENSION_APPROVAL',
  version: 1,
  title: '延期审批表',
  abbr: '延',
  build: (d) =>
    officialPage(d, [
      formTable([
        ['案件编号', d.case.caseNo, '受理日期', d.case.receivedOn],
        ['投诉/举报人', d.consumer.name, '被投诉/举报人', d.respondent.name],
        ['承办人', str(d.case.handlerName), '原办理期限', str(d.extra.dueOn)],
      ]),
      formTable([
        ['事由摘要', d.case.summary],
        ['申请延期理由', str(d.extra.reason)],
        ['申请人', `${str(d.extra.requestedBy)}    申请日期：${d.issuedOn}`],
        ['负责人审批意见', '\n\n\n签字：                年    月    日'],
      ]),
    ]),
};
