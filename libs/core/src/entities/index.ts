import { ApiClientEntity, ApiClientKeyEntity } from './api-client.entity';
import { WebhookAttemptEntity, WebhookDeliveryEntity, WebhookEndpointEntity } from './webhook.entity';
import { AuditEventEntity } from './audit-event.entity';
import { ExternalAgencyEntity } from './external-agency.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { ProblemTypeEntity } from './problem-type.entity';
import { RefreshTokenEntity } from './refresh-token.entity';
import { UserEntity } from './user.entity';
import { CaseEntity } from './case.entity';
import { MEDIATION_ENTITIES } from './mediation.entity';
import { LEGAL_ENTITIES } from './legal.entity';
import { LITIGATION_LINK_ENTITIES } from './litigation-link.entity';
import { DOCUMENT_ENTITIES } from './document.entity';
import { PUBLIC_ENTITIES } from './public.entity';
import {
  CalendarArrangementEntity,
  CalendarOverrideEntity,
  CaseDeadlineEntity,
  DeadlineEffectEntity,
  DeadlineRuleEntity,
  DeadlineRuleSetEntity,
  NotificationEntity,
  SmsOutboxEntity,
  ViolationEntity,
} from './deadline.entity';
import {
  CaseDispatchEntity,
  CaseEventEntity,
  CaseEvidenceEntity,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  CaseRecusalEntity,
  SupervisionEntity,
} from './case-records.entity';

export {
  CalendarArrangementEntity,
  CalendarOverrideEntity,
  CaseDeadlineEntity,
  DeadlineEffectEntity,
  DeadlineRuleEntity,
  DeadlineRuleSetEntity,
  NotificationEntity,
  SmsOutboxEntity,
  ViolationEntity,
};
export type { DeadlineLayer, DeadlineStatus, DeadlineUnit } from './deadline.entity';
export * from './mediation.entity';
export * from './legal.entity';
export * from './litigation-link.entity';
export * from './document.entity';
export * from './public.entity';
export {
  CaseEntity,
  CaseDispatchEntity,
  CaseEventEntity,
  CaseEvidenceEntity,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  CaseRecusalEntity,
  SupervisionEntity,
};
export type { WebhookDeliveryStatus } from './webhook.entity';
export {
  ApiClientEntity,
  ApiClientKeyEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  AuditEventEntity,
  ExternalAgencyEntity,
  OrgUnitEntity,
  RefreshTokenEntity,
  UserEntity,
  // issue 14: problem-type dictionary
  ProblemTypeEntity,
};

export const ENTITIES = [
  OrgUnitEntity,
  ProblemTypeEntity,
  ExternalAgencyEntity,
  UserEntity,
  RefreshTokenEntity,
  ApiClientEntity,
  ApiClientKeyEntity,
  WebhookEndpointEntity,
  WebhookDeliveryEntity,
  WebhookAttemptEntity,
  AuditEventEntity,
  CaseEntity,
  CaseEventEntity,
  CaseDispatchEntity,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  CaseRecusalEntity,
  SupervisionEntity,
  CaseEvidenceEntity,
  CalendarOverrideEntity,
  CalendarArrangementEntity,
  DeadlineRuleSetEntity,
  DeadlineRuleEntity,
  CaseDeadlineEntity,
  DeadlineEffectEntity,
  ViolationEntity,
  NotificationEntity,
  SmsOutboxEntity,
  ...MEDIATION_ENTITIES,
  ...LEGAL_ENTITIES,
  ...LITIGATION_LINK_ENTITIES,
  ...DOCUMENT_ENTITIES,
  ...PUBLIC_ENTITIES,
];
