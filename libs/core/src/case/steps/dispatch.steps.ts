import { IsNull } from 'typeorm';
import type { DispatchMode, DispatchTargetType, WorkroomCode } from '@weiquan/shared';
import { AppError } from '../../errors/app-error';
import { CaseDispatchEntity, CaseRecusalEntity } from '../../entities/case-records.entity';
import { OrgUnitEntity } from '../../entities/org-unit.entity';
import { UserEntity } from '../../entities/user.entity';
import type { CaseEntity } from '../../entities/case.entity';
import { supervisingCenterOf } from '../case-units';
import { defineStep, StepContext, StepRef, userOf } from './case-step';

/** 分流, its target already found and checked against the actor's scope (a unit, a workroom or an outside department). */
export interface DispatchStepInput extends StepRef {
  mode: DispatchMode;
  targetType: DispatchTargetType;
  workroom?: WorkroomCode | null;
  toUnit: OrgUnitEntity | null;
  agency: { id: number; name: string } | null;
  handlerId: number | null;
  instructions?: string | null;
}

export const dispatchCaseStep = defineStep<DispatchStepInput>({
  action: 'dispatchCase',
  guardInput: (i) => ({
    mode: i.mode,
    target: {
      type: i.targetType,
      workroom: i.workroom ?? undefined,
      unitId: i.toUnit ? String(i.toUnit.id) : undefined,
      department: i.agency?.name,
    },
  }),
  async apply({ m, c, actor, now, detail }, i) {
    if (i.handlerId) await assertAssignable(m, c, i.handlerId, i.toUnit);
    const hop = (await m.countBy(CaseDispatchEntity, { caseId: c.id })) + 1;
    await m.insert(CaseDispatchEntity, {
      caseId: c.id,
      hop,
      fromUnitId: c.intakeUnitId,
      targetType: i.targetType,
      toUnitId: i.toUnit?.id ?? null,
      workroom: i.workroom ?? null,
      externalAgencyId: i.agency?.id ?? null,
      mode: i.mode,
      instructions: i.instructions ?? null,
      dispatchedById: userOf(actor),
      dispatchedAt: now,
    });
    c.dispatchTargetType = i.targetType;
    c.dispatchMode = i.mode;
    c.dispatchWorkroom = i.workroom ?? null;
    c.externalAgencyId = i.agency?.id ?? null;
    // An outside department's progress is recorded by the intake unit itself.
    const holder = i.toUnit ?? (await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId }));
    c.assignedUnitId = holder.id;
    ownBy(c, holder);
    c.handlerId = i.handlerId;
    Object.assign(detail, {
      hop,
      targetType: i.targetType,
      toUnit: i.toUnit?.name,
      agency: i.agency?.name,
      mode: i.mode,
      handlerId: i.handlerId,
    });
  },
});

/** 签收: the receiving unit takes the case; first-contact responsibility passes to the handler. */
export const receiveCaseStep = defineStep({
  action: 'receiveCase',
  async apply({ m, c, actor, now }) {
    c.handlerId = userOf(actor) ?? c.handlerId;
    await m.update(
      CaseDispatchEntity,
      { caseId: c.id, receivedAt: IsNull(), returnedAt: IsNull() },
      { receivedAt: now },
    );
  },
});

/** 退回: only to intake, with a reason; the receiving unit can never forward the case itself. */
export const returnCaseStep = defineStep<StepRef & { reason: string }>({
  action: 'returnCase',
  guardInput: (i, c) => ({ reason: i.reason, toUnitId: String(c.intakeUnitId) }),
  async apply({ m, c, now, detail }, i) {
    await m.update(
      CaseDispatchEntity,
      { caseId: c.id, returnedAt: IsNull() },
      { returnedAt: now, returnReason: i.reason },
    );
    c.assignedUnitId = null;
    ownBy(c, await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId }));
    c.handlerId = null;
    detail.reason = i.reason;
  },
});

/** 上报: a station hands the case to the center above it — a new hop; the station's hop ends. */
export const handUpCaseStep = defineStep<StepRef & { reason: string }>({
  action: 'handUpCase',
  guardInput: (i) => ({ reason: i.reason }),
  async apply(ctx: StepContext, i) {
    const { m, c, actor, now, detail } = ctx;
    const center = await m.findOneByOrFail(OrgUnitEntity, {
      id: Number(await supervisingCenterOf(m, c.assignedUnitId)),
    });
    await m.update(
      CaseDispatchEntity,
      { caseId: c.id, returnedAt: IsNull(), concludedAt: IsNull() },
      { returnedAt: now, returnReason: `上报：${i.reason}` },
    );
    const hop = (await m.countBy(CaseDispatchEntity, { caseId: c.id })) + 1;
    await m.insert(CaseDispatchEntity, {
      caseId: c.id,
      hop,
      fromUnitId: c.assignedUnitId!,
      targetType: 'UNIT',
      toUnitId: center.id,
      workroom: null,
      externalAgencyId: null,
      mode: c.dispatchMode ?? 'ON_BEHALF',
      instructions: i.reason,
      dispatchedById: userOf(actor),
      dispatchedAt: now,
    });
    c.dispatchTargetType = 'UNIT';
    c.assignedUnitId = center.id;
    ownBy(c, center);
    c.handlerId = null;
    Object.assign(detail, { hop, toUnit: center.name, reason: i.reason });
  },
});

/** The unit whose queue and scope the case is in from now on. */
export function ownBy(c: CaseEntity, unit: OrgUnitEntity): void {
  c.ownerUnitId = unit.id;
  c.ownerPath = unit.path;
}

async function assertAssignable(
  m: StepContext['m'],
  c: CaseEntity,
  userId: number,
  unit: OrgUnitEntity | null,
): Promise<void> {
  if (await m.existsBy(CaseRecusalEntity, { caseId: c.id, userId })) {
    throw new AppError('HANDLER_RECUSED', '该人员已申报回避，不能指定为承办人', 'input.handlerId');
  }
  const user = await m.findOneBy(UserEntity, { id: userId, active: true });
  if (!user || (unit && !user.unitPath.startsWith(unit.path)))
    throw new AppError('HANDLER_NOT_IN_UNIT', '承办人须属于承办单位', 'input.handlerId');
}
