import { maskIdNumber, maskName, maskPhone } from '@weiquan/shared';
import type { CaseEntity } from '@weiquan/core';
import type { CaseModel, ConsumerModel } from './case.model';

const id = (v: string | number | null | undefined) => (v == null ? null : String(v));

/**
 * 保密: phone and ID number are always masked here; a reporter's (举报人) or anonymous
 * consumer's identity is masked whole. Full values only through unmaskCase, which is recorded.
 */
export function maskedConsumer(c: CaseEntity): ConsumerModel {
  const confidential = c.kind === 'REPORT' || c.anonymous;
  return {
    name: c.consumerName == null ? null : confidential ? maskName(c.consumerName) : c.consumerName,
    phone: c.consumerPhone == null ? null : maskPhone(c.consumerPhone),
    idNumber: c.consumerIdNumber == null ? null : maskIdNumber(c.consumerIdNumber),
    address: c.consumerAddress == null ? null : confidential ? '***' : c.consumerAddress,
    anonymous: c.anonymous,
    masked: true,
  };
}

export function fullConsumer(c: CaseEntity): ConsumerModel {
  return {
    name: c.consumerName,
    phone: c.consumerPhone,
    idNumber: c.consumerIdNumber,
    address: c.consumerAddress,
    anonymous: c.anonymous,
    masked: false,
  };
}

const ENTITY = Symbol('caseEntity');

/** The entity a CaseModel was mapped from (for field resolvers that need stored facts). */
export function entityOf(model: CaseModel): CaseEntity {
  return (model as unknown as { [ENTITY]: CaseEntity })[ENTITY];
}

export function toCaseModel(c: CaseEntity): CaseModel {
  const model: CaseModel = {
    id: c.id,
    caseNo: c.caseNo,
    kind: c.kind,
    channel: c.channel,
    state: c.state,
    version: c.version,
    round: c.round,
    previousRoundId: id(c.previousRoundId),
    nextRoundId: id(c.nextRoundId),
    receivedAt: c.receivedAt,
    registeredAt: c.registeredAt,
    registeredById: id(c.registeredById),
    intakeUnitId: String(c.intakeUnitId),
    ownerUnitId: String(c.ownerUnitId),
    assignedUnitId: id(c.assignedUnitId),
    handlerId: id(c.handlerId),
    consumer: maskedConsumer(c),
    respondent: {
      name: c.respondentName,
      creditCode: c.respondentCreditCode,
      address: c.respondentAddress,
      region: c.respondentRegion,
      industry: c.respondentIndustry,
    },
    occurredAt: c.occurredAt,
    occurredPlace: c.occurredPlace,
    category: c.category,
    amountInvolved: c.amountInvolved,
    summary: c.summary,
    demand: c.demand,
    flags: {
      majorUrgent: c.majorUrgent,
      groupComplaint: c.groupComplaint,
      mediaAttention: c.mediaAttention,
      consentPublication: c.consentPublication,
      consentEntrustedMediation: c.consentEntrustedMediation,
    },
    repeatOfId: id(c.repeatOfId),
    mergedIntoId: id(c.mergedIntoId),
    missingItems: c.missingItems ?? [],
    rejectGround: c.rejectGround,
    referralAuthority: c.referralAuthority,
    referralPhone: c.referralPhone,
    filed: c.filed,
    dispatchTargetType: c.dispatchTargetType,
    dispatchMode: c.dispatchMode,
    suspendReason: c.suspendReason,
    pendingExtension: c.pendingExtension,
    pendingSuspension: c.pendingSuspension,
    outcome: c.outcome,
    terminationGround: c.terminationGround,
    agreementText: c.agreementText,
    amountRecovered: c.amountRecovered,
    concludedAt: c.concludedAt,
    replyContent: c.replyContent,
    repliedAt: c.repliedAt,
    followUpAttempts: c.followUpAttempts,
    followUpDone: c.followUpDone,
    satisfaction: c.satisfaction,
    overdue: c.overdue,
    dueAt: c.dueAt,
    archivedAt: c.archivedAt,
    updatedAt: c.updatedAt,
  };
  Object.defineProperty(model, ENTITY, { value: c, enumerable: false });
  return model;
}
