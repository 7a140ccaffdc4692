import type { EntityManager } from 'typeorm';
import type { CaseKind, Channel } from '@weiquan/shared';
import { CaseEntity } from '../../entities/case.entity';
import type { Actor } from '../../scope/actor';
import type { CaseEventInput } from '../case-event.writer';
import { FRESH_CASE_PROGRESS } from '../case-defaults';
import { userOf } from './case-step';

/** What a registration says of the request (the API's RegisterCaseInput, or a transfer from another system). */
export interface RegistrationInput {
  kind: CaseKind;
  channel: Channel;
  consumer: { name?: string; phone?: string; idNumber?: string; address?: string; anonymous?: boolean };
  respondent?: { name?: string; creditCode?: string; address?: string; region?: string; industry?: string };
  occurredAt?: Date;
  occurredPlace?: string;
  category?: string;
  /** 投诉问题类别 code, checked against the active dictionary by the caller (issue 14). */
  problemType?: string;
  amountInvolved?: number;
  summary: string;
  demand?: string;
  flags?: {
    majorUrgent?: boolean;
    groupComplaint?: boolean;
    mediaAttention?: boolean;
    consentPublication?: boolean;
    consentEntrustedMediation?: boolean;
  };
}

/** A registration checked and numbered: everything the step needs to write it. */
export interface RegistrationDraft {
  actor: Actor;
  input: RegistrationInput;
  unit: { id: number; path: string };
  /** The consumer's phone, normalised. */
  phone: string | null;
  now: Date;
  receivedAt: Date;
  caseNo: string;
  /** The latest earlier request of the same consumer against the same business (重复件), if any. */
  repeat: { id: string; caseNo: string; kind: CaseKind; summary: string } | null;
  /** The sending system's 工单编号, idempotency key and 办理时限 (its own clock, SENDER_DUE) of a transfer. */
  transfer?: { externalRef: string; idempotencyKey: string | null; senderDueAt?: Date | null };
}

/**
 * 登记. The registering operator owns the case (首问负责) until a handler receives it. A possible repeat
 * is linked and flagged, never merged; a report repeating the same facts from the same reporter is
 * registered and closed at once (closeRepeatReport), not handled again.
 */
export const registerCaseStep = {
  action: 'registerCase' as const,

  draft(m: EntityManager, d: RegistrationDraft): CaseEntity {
    const { actor, input, unit, repeat } = d;
    const sameFacts = input.kind === 'REPORT' && repeat?.kind === 'REPORT' && sameText(repeat.summary, input.summary);
    return m.create(CaseEntity, {
      caseNo: d.caseNo,
      kind: input.kind,
      channel: input.channel,
      state: sameFacts ? 'CLOSED' : 'REGISTERED',
      isOpen: true,
      round: 1,
      receivedAt: d.receivedAt,
      registeredAt: d.now,
      registeredById: userOf(actor),
      registeredByClientId: actor.kind === 'API_CLIENT' ? actor.id : null,
      intakeUnitId: unit.id,
      ownerUnitId: unit.id,
      ownerPath: unit.path,
      consumerName: input.consumer.name ?? null,
      consumerPhone: d.phone,
      consumerIdNumber: input.consumer.idNumber?.toUpperCase() ?? null,
      consumerAddress: input.consumer.address ?? null,
      anonymous: input.consumer.anonymous ?? false,
      respondentName: input.respondent?.name ?? null,
      respondentCreditCode: input.respondent?.creditCode?.toUpperCase() ?? null,
      respondentAddress: input.respondent?.address ?? null,
      respondentRegion: input.respondent?.region ?? null,
      respondentIndustry: input.respondent?.industry ?? null,
      occurredAt: input.occurredAt ?? null,
      occurredPlace: input.occurredPlace ?? null,
      category: input.category ?? null,
      problemType: input.problemType ?? null,
      amountInvolved: input.amountInvolved ?? null,
      summary: input.summary,
      demand: input.demand ?? null,
      majorUrgent: input.flags?.majorUrgent ?? false,
      groupComplaint: input.flags?.groupComplaint ?? false,
      mediaAttention: input.flags?.mediaAttention ?? false,
      consentPublication: input.flags?.consentPublication ?? false,
      consentEntrustedMediation: input.flags?.consentEntrustedMediation ?? false,
      ...FRESH_CASE_PROGRESS,
      repeatOfId: repeat?.id ?? null,
      // A transfer from another system: unique per client (uq_case_client_*), see TransferService.
      externalRef: d.transfer?.externalRef ?? null,
      idempotencyKey: d.transfer?.idempotencyKey ?? null,
      senderDueAt: d.transfer?.senderDueAt ?? null,
    });
  },

  /** The registration's timeline: registerCase, and closeRepeatReport for a report closed as a repeat. */
  events(d: RegistrationDraft, c: CaseEntity): CaseEventInput[] {
    const out: CaseEventInput[] = [
      {
        caseId: c.id,
        action: 'registerCase',
        fromState: null,
        toState: 'REGISTERED',
        at: d.now,
        detail: {
          caseNo: c.caseNo,
          channel: d.input.channel,
          ...(d.repeat ? { possibleRepeatOf: d.repeat.caseNo } : {}),
        },
      },
    ];
    if (c.state === 'CLOSED')
      out.push({
        caseId: c.id,
        action: 'closeRepeatReport',
        fromState: 'REGISTERED',
        toState: 'CLOSED',
        at: d.now,
        note: `同一举报人就相同事实重复举报（前件 ${d.repeat!.caseNo}），不再重复处理`,
      });
    return out;
  },

  /** 回访不满意: the request is accepted again as a new round linked to the previous one, at the intake unit. */
  nextRound(
    m: EntityManager,
    actor: Actor,
    prev: CaseEntity,
    intakePath: string,
    now: Date,
  ): { draft: CaseEntity; event: (c: CaseEntity) => CaseEventInput } {
    const round = prev.round + 1;
    const draft = m.create(CaseEntity, {
      ...prev,
      id: undefined,
      caseNo: `${prev.caseNo.replace(/-R\d+$/, '')}-R${round}`,
      state: 'REGISTERED',
      isOpen: true,
      round,
      previousRoundId: prev.id,
      receivedAt: now,
      registeredAt: now,
      registeredById: userOf(actor),
      registeredByClientId: null,
      ownerUnitId: prev.intakeUnitId,
      ownerPath: intakePath,
      ...FRESH_CASE_PROGRESS,
      version: undefined,
    } as Partial<CaseEntity>);
    const event = (c: CaseEntity): CaseEventInput => ({
      caseId: c.id,
      action: 'registerCase',
      toState: 'REGISTERED',
      note: `回访不满意，重新受理（第 ${round} 轮，上一轮 ${prev.caseNo}）`,
      detail: { previousRound: prev.caseNo, round },
    });
    return { draft, event };
  },
};

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s，。,.;；！!？?、]/g, '');
  return norm(a) === norm(b);
}
