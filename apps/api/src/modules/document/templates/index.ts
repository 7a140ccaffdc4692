import { DocumentType } from '@weiquan/shared';
import { acceptanceDecisionV1 } from './acceptance-decision.v1';
import { acceptanceNoticeV1 } from './acceptance-notice.v1';
import { civilComplaintV1 } from './civil-complaint.v1';
import { complaintRegistrationV1 } from './complaint-registration.v1';
import { complaintRegistrationV2 } from './complaint-registration.v2';
import { dispatchNoticeV1 } from './dispatch-notice.v1';
import { extensionApprovalV1 } from './extension-approval.v1';
import { materialsNoticeV1 } from './materials-notice.v1';
import { mediationAgreementV1 } from './mediation-agreement.v1';
import { mediationNoticeV1 } from './mediation-notice.v1';
import { rejectionDecisionV1, rejectionDecisionV2 } from './rejection-decision.v1';
import { reportResultNoticeV1 } from './report-result-notice.v1';
import { stationRegistrationV1 } from './station-registration.v1';
import { DocumentTemplate } from './template';
import { terminationDecisionV1, terminationDecisionV2 } from './termination-decision.v1';

export type { DocumentTemplate } from './template';
export type { DocumentData } from './document-data';

/** Every template version ever issued (old versions stay so old documents re-render as issued). */
const ALL: DocumentTemplate[] = [
  complaintRegistrationV1,
  complaintRegistrationV2,
  stationRegistrationV1,
  materialsNoticeV1,
  acceptanceDecisionV1,
  acceptanceNoticeV1,
  rejectionDecisionV1,
  rejectionDecisionV2,
  dispatchNoticeV1,
  mediationNoticeV1,
  terminationDecisionV1,
  terminationDecisionV2,
  mediationAgreementV1,
  reportResultNoticeV1,
  extensionApprovalV1,
  civilComplaintV1,
];

/** The version new documents of a type are issued with: the highest. */
export function currentTemplate(type: DocumentType): DocumentTemplate {
  const found = ALL.filter((t) => t.type === type).sort((a, b) => b.version - a.version)[0];
  if (!found) throw new Error(`no template for document type ${type}`);
  return found;
}

export function templateVersion(type: string, version: number): DocumentTemplate {
  const found = ALL.find((t) => t.type === type && t.version === version);
  if (!found) throw new Error(`no template ${type} v${version}`);
  return found;
}
