import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { CalendarResolver } from './modules/calendar/calendar.resolver';
import { ProblemTypeResolver } from './modules/problem-type/problem-type.resolver';
import { EvidenceResolver } from './modules/evidence/evidence.resolver';
import { CaseMutationResolver } from './modules/case/case-mutation.resolver';
import { CaseResolver } from './modules/case/case.resolver';
import { DeadlineResolver } from './modules/deadline/deadline.resolver';
import { DeadlineAdminResolver } from './modules/deadline/deadline-admin.resolver';
import { QueueDashboardResolver } from './modules/queue-dashboard/queue-dashboard.resolver';
import { NotificationResolver } from './modules/notification/notification.resolver';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { CaseSupervisionResolver } from './modules/supervision/case-supervision.resolver';
import { SupervisionResolver } from './modules/supervision/supervision.resolver';
import { StatisticsResolver } from './modules/statistics/statistics.resolver';
import { UserResolver } from './modules/user/user.resolver';
import { CaseMediationResolver } from './modules/mediation/case-mediation.resolver';
import { MediationResolver } from './modules/mediation/mediation.resolver';
import { CaseLegalResolver } from './modules/legal/case-legal.resolver';
import { LegalResolver } from './modules/legal/legal.resolver';
import { LegalTeamResolver } from './modules/legal/legal-team.resolver';
import { LitigationLinkCaseResolver } from './modules/litigation-link/litigation-link-case.resolver';
import { LitigationLinkResolver } from './modules/litigation-link/litigation-link.resolver';
import { ApiClientResolver } from './modules/api-client/api-client.resolver';
import { TransferResolver } from './modules/transfer/transfer.resolver';
import { WorkOrderResolver } from './modules/transfer/work-order.resolver';
import { WebhookAdminResolver } from './modules/api-client/webhook-admin.resolver';
import { DocumentResolver } from './modules/document/document.resolver';
import { CaseCorrectionResolver } from './modules/case/case-correction.resolver';
import { WorkQueueResolver } from './modules/work-queue/work-queue.resolver';

import { PublicResolver } from './modules/public/public.resolver';
import { PublicationAdminResolver } from './modules/public/publication-admin.resolver';
import { PublicBoardResolver } from './modules/public/public-board.resolver';
import { PublicSuggestionResolver } from './modules/public/public-suggestion.resolver';
import { TypicalCaseResolver } from './modules/public/typical-case.resolver';
// Every resolver class, for schema emission. A resolver missing here fails the schema check.
export const RESOLVERS = [
  AuditResolver,
  AuthResolver,
  CaseResolver,
  CaseMutationResolver,
  CaseCorrectionResolver,
  WorkQueueResolver,
  DeadlineResolver,
  DeadlineAdminResolver,
  QueueDashboardResolver,
  OrgUnitResolver,
  SupervisionResolver,
  StatisticsResolver,
  UserResolver,
  EvidenceResolver,
  CaseSupervisionResolver,
  CalendarResolver,
  NotificationResolver,
  MediationResolver,
  CaseMediationResolver,
  LegalResolver,
  LegalTeamResolver,
  CaseLegalResolver,
  LitigationLinkResolver,
  LitigationLinkCaseResolver,
  ApiClientResolver,
  TransferResolver,
  WorkOrderResolver,
  WebhookAdminResolver,
  DocumentResolver,
  PublicResolver,
  PublicationAdminResolver,
  PublicBoardResolver,
  PublicSuggestionResolver,
  TypicalCaseResolver,
  ProblemTypeResolver,
];
