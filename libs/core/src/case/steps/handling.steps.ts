import { IsNull } from 'typeorm';
import { ContactMethod, Outcome, Role, SuspendReason, TerminationGround } from '@weiquan/shared';
import { AppError } from '../../errors/app-error';
import { CaseDispatchEntity, CaseEventEntity, CaseExtensionEntity } from '../../entities/case-records.entity';
import { OrgUnitEntity } from '../../entities/org-unit.entity';
import { UserEntity } from '../../entities/user.entity';
import type { CaseEntity } from '../../entities/case.entity';
import { approvingCentersOf } from '../case-units';
import { defineStep, StepContext, StepRef } from './case-step';
import { ownBy } from './dispatch.steps';

/** 办理记录: a contact with the consumer or the business (it stops the first-contact clock). */
export const recordContactStep = defineStep<StepRef & { method: ContactMethod; content: string }>({
  action: 'recordContact',
  guardInput: (i) => ({ method: i.method, note: i.content }),
  note: (i) => i.content,
  apply({ detail }, i) {
    detail.method = i.method;
  },
});

export interface SuspendStepInput extends StepRef {
  reason: SuspendReason;
  approvedById?: number | null;
}

/** 中止: the clocks pause; an investigation suspension names its approving director. */
export const suspendCaseStep = defineStep<SuspendStepInput>({
  action: 'suspendCase',
  guardInput: (i) => ({
    suspendReason: i.reason,
    approvedById: i.approvedById == null ? undefined : String(i.approvedById),
  }),
  async apply({ m, c, detail }, i) {
    const approver = i.approvedById ? await assertApprover(m, c, i.approvedById) : undefined;
    c.suspendReason = i.reason;
    Object.assign(detail, {
      reason: i.reason,
      approvedById: i.approvedById == null ? undefined : String(i.approvedById),
      approvedBy: approver,
    });
  },
});

export const resumeCaseStep = defineStep({
  action: 'resumeCase',
  apply({ c, detail }) {
    detail.suspendedFor = c.suspendReason;
    c.suspendReason = null;
  },
});

/** 申请延期: one pending request at a time, decided by a director (decideExtension). */
export const requestExtensionStep = defineStep<StepRef & { reason: string; days: number }>({
  action: 'requestExtension',
  guardInput: (i) => ({ reason: i.reason, extensionDays: i.days }),
  async apply({ m, c, actor, now, detail }, i) {
    await m.insert(CaseExtensionEntity, {
      caseId: c.id,
      requestedById: actor.id,
      requestedAt: now,
      reason: i.reason,
      days: i.days,
      status: 'PENDING',
    });
    c.pendingExtension = true;
    Object.assign(detail, { reason: i.reason, days: i.days });
  },
});

export const decideExtensionStep = defineStep<StepRef & { approved: boolean; decisionNote?: string | null }>({
  action: 'decideExtension',
  guardInput: (i) => ({ approved: i.approved }),
  async apply({ m, c, actor, now, detail }, i) {
    const pending = await m.findOneByOrFail(CaseExtensionEntity, { caseId: c.id, status: 'PENDING' });
    await m.update(CaseExtensionEntity, pending.id, {
      status: i.approved ? 'APPROVED' : 'REJECTED',
      decidedById: actor.id,
      decidedAt: now,
      decisionNote: i.decisionNote ?? null,
    });
    c.pendingExtension = false;
    if (i.approved) c.extensionGranted = true;
    Object.assign(detail, { approved: i.approved, days: pending.days });
  },
});

/** 报批调查中止: the handler asks with the reason; the clocks keep running until a director approves. */
export const requestSuspensionStep = defineStep<StepRef & { reason: string }>({
  action: 'requestSuspension',
  guardInput: (i) => ({ reason: i.reason }),
  apply({ c, detail }, i) {
    c.pendingSuspension = true;
    detail.reason = i.reason.trim();
  },
});

/**
 * 审批调查中止: the director of the unit (a station's: of the center above it) decides. Approved, the case
 * is suspended for investigation and its clocks pause (the table picks SUSPENDED); refused, it goes on.
 */
export const decideSuspensionStep = defineStep<StepRef & { approved: boolean; decisionNote?: string | null }>({
  action: 'decideSuspension',
  guardInput: (i) => ({ approved: i.approved }),
  async apply({ m, c, detail }, i) {
    const request = await m.findOne(CaseEventEntity, {
      where: { caseId: c.id, action: 'requestSuspension' },
      order: { id: 'DESC' },
    });
    c.pendingSuspension = false;
    if (i.approved) c.suspendReason = 'INVESTIGATION';
    Object.assign(detail, {
      approved: i.approved,
      requestReason: request?.detail?.reason,
      decisionNote: i.decisionNote?.trim() || undefined,
    });
  },
});

export interface ConcludeStepInput extends StepRef {
  outcome: Outcome;
  terminationGround?: TerminationGround | null;
  agreementText?: string | null;
  amountRecovered?: number | null;
}

/** 办结: the result goes back to intake, which replies to the consumer. */
export const concludeCaseStep = defineStep<ConcludeStepInput>({
  action: 'concludeCase',
  guardInput: (i) => ({
    outcome: i.outcome,
    terminationGround: i.terminationGround ?? undefined,
    agreementText: i.agreementText ?? undefined,
    amountRecovered: i.amountRecovered ?? undefined,
  }),
  async apply({ m, c, now, detail }: StepContext, i) {
    c.outcome = i.outcome;
    c.terminationGround = i.terminationGround ?? null;
    c.agreementText = i.agreementText ?? null;
    c.amountRecovered = i.amountRecovered ?? null;
    c.concludedAt = now;
    c.suspendReason = null;
    await m.update(
      CaseDispatchEntity,
      { caseId: c.id, concludedAt: IsNull(), returnedAt: IsNull() },
      { concludedAt: now },
    );
    ownBy(c, await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId }));
    Object.assign(detail, {
      outcome: i.outcome,
      terminationGround: i.terminationGround ?? undefined,
      agreementText: i.agreementText ?? undefined,
      amountRecovered: i.amountRecovered ?? undefined,
    });
  },
});

/** 批准中止: an active director of the intake unit or of the center handling the case (a station's: the center above it). */
async function assertApprover(m: StepContext['m'], c: CaseEntity, userId: number): Promise<string> {
  const user = await m.findOneBy(UserEntity, { id: userId, active: true });
  const centers = await approvingCentersOf(m, c);
  if (!user || !user.roles.includes(Role.DIRECTOR) || !centers.includes(user.unitId))
    throw new AppError(
      'APPROVER_NOT_DIRECTOR',
      '批准人须为受理单位或承办单位（站点为其上级中心）在职的主任',
      'input.approvedById',
    );
  return user.displayName;
}
