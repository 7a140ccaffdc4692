import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { nextStateAfterFollowUp, Role } from '@weiquan/shared';
import {
  Actor,
  AppError,
  CaseDispatchEntity,
  CaseEntity,
  CaseEventWriter,
  CaseExtensionEntity,
  CaseFollowUpEntity,
  CaseLifecycleService,
  CaseRecusalEntity,
  Clock,
  ExternalAgencyEntity,
  OrgUnitEntity,
  UserEntity,
  CaseAccess,
  withTransaction,
  approvingCentersOf,
  supervisingCenterOf,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { OrgUnitService } from '../org-unit/org-unit.service';
import * as I from './case.input';
import { CaseIntakeService } from './case-intake.service';

/**
 * One method per lifecycle mutation. Each validates what only the server knows (units, people),
 * then lets CaseLifecycleService check the transition table and write, all in one transaction.
 */
@Injectable()
export class CaseHandlingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly lifecycle: CaseLifecycleService,
    private readonly intake: CaseIntakeService,
    private readonly orgUnits: OrgUnitService,
    private readonly access: CaseAccess,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  requestMaterials(actor: Actor, i: I.RequestMaterialsInput) {
    const missingItems = i.missingItems.map((s) => s.trim()).filter(Boolean);
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'requestMaterials', input: { missingItems } },
      ({ c, detail }) => {
        c.missingItems = missingItems;
        c.materialsRequestCount += 1;
        detail.missingItems = missingItems;
      },
    );
  }

  supplyMaterials(actor: Actor, i: I.SupplyMaterialsInput) {
    return this.lifecycle.transition(actor, { ...ref(i), action: 'supplyMaterials' });
  }

  acceptCase(actor: Actor, i: I.AcceptCaseInput) {
    return this.lifecycle.transition(actor, { ...ref(i), action: 'acceptCase' });
  }

  rejectCase(actor: Actor, i: I.RejectCaseInput) {
    const input = { ground: i.ground, referral: { authority: i.referralAuthority, phone: i.referralPhone } };
    return this.lifecycle.transition(actor, { ...ref(i), action: 'rejectCase', input }, ({ c, detail }) => {
      c.rejectGround = i.ground;
      c.referralAuthority = i.referralAuthority ?? null;
      c.referralPhone = i.referralPhone ?? null;
      Object.assign(detail, {
        ground: i.ground,
        referralAuthority: i.referralAuthority,
        referralPhone: i.referralPhone,
      });
    });
  }

  decideFiling(actor: Actor, i: I.DecideFilingInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'decideFiling', input: { filed: i.filed, reason: i.reason } },
      ({ c, detail }) => {
        c.filed = i.filed;
        Object.assign(detail, { filed: i.filed, reason: i.reason });
      },
    );
  }

  /** 分流: to a workroom of the intake center, a unit at or below the intake unit, or an outside department. */
  async dispatchCase(actor: Actor, i: I.DispatchCaseInput) {
    const intakeUnitPath = await this.intakePathOf(actor, i.caseId);
    let toUnit: OrgUnitEntity | null = null;
    let agency: ExternalAgencyEntity | null = null;
    if (i.targetType === 'UNIT') {
      if (!i.unitId) throw AppError.badInput('input.unitId', '请选择承办的下级中心或站点');
      toUnit = await this.orgUnits.getVisible(actor, parseId(i.unitId, 'input.unitId'), 'input.unitId');
      if (!toUnit.path.startsWith(intakeUnitPath))
        throw new AppError('TARGET_NOT_SUBORDINATE', '只能分流给本单位或下级中心、站点', 'input.unitId');
    } else if (i.targetType === 'WORKROOM') {
      if (!i.workroom) throw AppError.badInput('input.workroom', '请选择工作室');
      toUnit = await this.ds.manager
        .createQueryBuilder(OrgUnitEntity, 'o')
        .where('o.workroom = :w AND o.path LIKE :p AND o.depth = :d', {
          w: i.workroom,
          p: `${intakeUnitPath}%`,
          d: intakeUnitPath.split('/').filter(Boolean).length,
        })
        .getOne();
      if (!toUnit) throw new AppError('WORKROOM_NOT_FOUND', '受理单位没有该工作室', 'input.workroom');
    } else {
      if (!i.externalAgencyId) throw AppError.badInput('input.externalAgencyId', '请选择外部门');
      agency = await this.ds.manager.findOneBy(ExternalAgencyEntity, {
        id: parseId(i.externalAgencyId, 'input.externalAgencyId'),
        active: true,
      });
      if (!agency) throw AppError.notFound('外部门', 'input.externalAgencyId');
    }
    const handlerId = i.handlerId ? parseId(i.handlerId, 'input.handlerId') : null;
    const input = {
      mode: i.mode,
      target: {
        type: i.targetType,
        workroom: i.workroom,
        unitId: toUnit ? String(toUnit.id) : undefined,
        department: agency?.name,
      },
    };
    return this.lifecycle.transition(actor, { ...ref(i), action: 'dispatchCase', input }, async ({ m, c, detail }) => {
      if (handlerId) await this.assertAssignable(m, c, handlerId, toUnit);
      const hop = (await m.countBy(CaseDispatchEntity, { caseId: c.id })) + 1;
      await m.insert(CaseDispatchEntity, {
        caseId: c.id,
        hop,
        fromUnitId: c.intakeUnitId,
        targetType: i.targetType,
        toUnitId: toUnit?.id ?? null,
        workroom: i.workroom ?? null,
        externalAgencyId: agency?.id ?? null,
        mode: i.mode,
        instructions: i.instructions ?? null,
        dispatchedById: actor.kind === 'USER' ? actor.id : null,
        dispatchedAt: this.clock.now(),
      });
      c.dispatchTargetType = i.targetType;
      c.dispatchMode = i.mode;
      c.dispatchWorkroom = i.workroom ?? null;
      c.externalAgencyId = agency?.id ?? null;
      // An outside department's progress is recorded by the intake unit itself.
      const holder = toUnit ?? (await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId }));
      c.assignedUnitId = holder.id;
      c.ownerUnitId = holder.id;
      c.ownerPath = holder.path;
      c.handlerId = handlerId;
      Object.assign(detail, {
        hop,
        targetType: i.targetType,
        toUnit: toUnit?.name,
        agency: agency?.name,
        mode: i.mode,
        handlerId,
      });
    });
  }

  /** 签收: the receiving unit takes the case; first-contact responsibility passes to the handler. */
  receiveCase(actor: Actor, i: I.ReceiveCaseInput) {
    return this.lifecycle.transition(actor, { ...ref(i), action: 'receiveCase' }, async ({ m, c }) => {
      c.handlerId = actor.kind === 'USER' ? actor.id : c.handlerId;
      await m.update(
        CaseDispatchEntity,
        { caseId: c.id, receivedAt: IsNull(), returnedAt: IsNull() },
        { receivedAt: this.clock.now() },
      );
    });
  }

  /** 退回: only to intake, with a reason; the receiving unit can never forward the case itself. */
  async returnCase(actor: Actor, i: I.ReturnCaseInput) {
    const c0 = await this.access.getVisible(actor, i.caseId, { field: 'input.caseId' });
    const input = { reason: i.reason, toUnitId: String(c0.intakeUnitId) };
    return this.lifecycle.transition(actor, { ...ref(i), action: 'returnCase', input }, async ({ m, c, detail }) => {
      const intake = await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId });
      await m.update(
        CaseDispatchEntity,
        { caseId: c.id, returnedAt: IsNull() },
        { returnedAt: this.clock.now(), returnReason: i.reason },
      );
      c.assignedUnitId = null;
      c.ownerUnitId = intake.id;
      c.ownerPath = intake.path;
      c.handlerId = null;
      detail.reason = i.reason;
    });
  }

  /** 上报: a station hands the case to the center above it — a new hop; the station's hop ends. */
  handUpCase(actor: Actor, i: I.HandUpCaseInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'handUpCase', input: { reason: i.reason } },
      async ({ m, c, detail }) => {
        const centerId = Number(await supervisingCenterOf(m, c.assignedUnitId));
        const center = await m.findOneByOrFail(OrgUnitEntity, { id: centerId });
        const now = this.clock.now();
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
          dispatchedById: actor.kind === 'USER' ? actor.id : null,
          dispatchedAt: now,
        });
        c.dispatchTargetType = 'UNIT';
        c.assignedUnitId = center.id;
        c.ownerUnitId = center.id;
        c.ownerPath = center.path;
        c.handlerId = null;
        Object.assign(detail, { hop, toUnit: center.name, reason: i.reason });
      },
    );
  }

  recordContact(actor: Actor, i: I.RecordContactInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), note: i.content, action: 'recordContact', input: { method: i.method, note: i.content } },
      ({ detail }) => {
        detail.method = i.method;
      },
    );
  }

  suspendCase(actor: Actor, i: I.SuspendCaseInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'suspendCase', input: { suspendReason: i.reason, approvedById: i.approvedById } },
      async ({ m, c, detail }) => {
        let approver: string | undefined;
        if (i.approvedById) approver = await this.assertApprover(m, c, parseId(i.approvedById, 'input.approvedById'));
        c.suspendReason = i.reason;
        Object.assign(detail, { reason: i.reason, approvedById: i.approvedById, approvedBy: approver });
      },
    );
  }

  resumeCase(actor: Actor, i: I.ResumeCaseInput) {
    return this.lifecycle.transition(actor, { ...ref(i), action: 'resumeCase' }, ({ c, detail }) => {
      detail.suspendedFor = c.suspendReason;
      c.suspendReason = null;
    });
  }

  requestExtension(actor: Actor, i: I.RequestExtensionInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'requestExtension', input: { reason: i.reason, extensionDays: i.days } },
      async ({ m, c, detail }) => {
        await m.insert(CaseExtensionEntity, {
          caseId: c.id,
          requestedById: actor.id,
          requestedAt: this.clock.now(),
          reason: i.reason,
          days: i.days,
          status: 'PENDING',
        });
        c.pendingExtension = true;
        Object.assign(detail, { reason: i.reason, days: i.days });
      },
    );
  }

  decideExtension(actor: Actor, i: I.DecideExtensionInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'decideExtension', input: { approved: i.approved } },
      async ({ m, c, detail }) => {
        const pending = await m.findOneByOrFail(CaseExtensionEntity, { caseId: c.id, status: 'PENDING' });
        await m.update(CaseExtensionEntity, pending.id, {
          status: i.approved ? 'APPROVED' : 'REJECTED',
          decidedById: actor.id,
          decidedAt: this.clock.now(),
          decisionNote: i.note ?? null,
        });
        c.pendingExtension = false;
        if (i.approved) c.extensionGranted = true;
        Object.assign(detail, { approved: i.approved, days: pending.days });
      },
    );
  }

  concludeCase(actor: Actor, i: I.ConcludeCaseInput) {
    const input = {
      outcome: i.outcome,
      terminationGround: i.terminationGround,
      agreementText: i.agreementText,
      amountRecovered: i.amountRecovered,
    };
    return this.lifecycle.transition(actor, { ...ref(i), action: 'concludeCase', input }, async ({ m, c, detail }) => {
      const now = this.clock.now();
      c.outcome = i.outcome;
      c.terminationGround = i.terminationGround ?? null;
      c.agreementText = i.agreementText ?? null;
      c.amountRecovered = i.amountRecovered ?? null;
      c.concludedAt = now;
      c.suspendReason = null;
      // The result goes back to intake, which replies to the consumer.
      const intake = await m.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId });
      await m.update(
        CaseDispatchEntity,
        { caseId: c.id, concludedAt: IsNull(), returnedAt: IsNull() },
        { concludedAt: now },
      );
      c.ownerUnitId = intake.id;
      c.ownerPath = intake.path;
      Object.assign(detail, input);
    });
  }

  replyCase(actor: Actor, i: I.ReplyCaseInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'replyCase', input: { content: i.content } },
      ({ c }) => {
        c.replyContent = i.content;
        c.repliedAt = this.clock.now();
      },
    );
  }

  answerConsultation(actor: Actor, i: I.AnswerConsultationInput) {
    return this.lifecycle.transition(
      actor,
      { ...ref(i), action: 'answerConsultation', input: { content: i.content } },
      ({ c }) => {
        c.outcome = 'ANSWERED';
        c.replyContent = i.content;
        c.repliedAt = this.clock.now();
        c.concludedAt = c.repliedAt;
        c.handlerId = actor.kind === 'USER' ? actor.id : null;
      },
    );
  }

  /** 回访. Reached + unsatisfied: this case is followed up and a new linked round is registered. */
  async recordFollowUp(
    actor: Actor,
    i: I.RecordFollowUpInput,
  ): Promise<{ c: CaseEntity; nextRound: CaseEntity | null }> {
    return withTransaction(this.ds, async (m) => {
      let nextRound: CaseEntity | null = null;
      const input = { followUpResult: i.result, satisfaction: i.satisfaction };
      const c = await this.lifecycle.transitionIn(
        m,
        actor,
        { ...ref(i), action: 'recordFollowUp', input },
        async ({ c, detail }) => {
          const attempt = c.followUpAttempts + 1;
          await m.insert(CaseFollowUpEntity, {
            caseId: c.id,
            attempt,
            at: this.clock.now(),
            byUserId: actor.id,
            result: i.result,
            satisfaction: i.satisfaction ?? null,
            note: i.note ?? null,
          });
          c.followUpAttempts = attempt;
          const next = nextStateAfterFollowUp(input);
          c.followUpDone = next.followUpDone;
          if (next.followUpDone) c.satisfaction = i.satisfaction ?? null;
          Object.assign(detail, { attempt, result: i.result, satisfaction: i.satisfaction });
          if (next.newRound) {
            nextRound = await this.intake.registerNextRound(m, actor, c);
            c.nextRoundId = nextRound.id;
            detail.nextRound = nextRound.caseNo;
          }
        },
      );
      return { c, nextRound };
    });
  }

  archiveCase(actor: Actor, i: I.ArchiveCaseInput) {
    return this.lifecycle.transition(actor, { ...ref(i), action: 'archiveCase' }, ({ c }) => {
      c.archivedAt = this.clock.now();
    });
  }

  /**
   * 并案: a new report against the same business is merged into an open report. This report closes;
   * the open one records the new facts (its clock restarts from the latest report: deadline engine).
   */
  async mergeReport(actor: Actor, i: I.MergeReportInput): Promise<CaseEntity> {
    return withTransaction(this.ds, async (m) => {
      const target = await this.access.getVisible(actor, i.intoCaseId, { m, lock: true, field: 'input.intoCaseId' });
      const source = await this.lifecycle.transitionIn(
        m,
        actor,
        { ...ref(i), action: 'mergeReport' },
        ({ c, detail }) => {
          if (
            target.id === c.id ||
            target.kind !== 'REPORT' ||
            !target.isOpen ||
            ['CLOSED', 'REJECTED', 'NOT_FILED', 'ARCHIVED'].includes(target.state)
          ) {
            throw new AppError('MERGE_TARGET_INVALID', '只能并入另一件在办的举报', 'input.intoCaseId');
          }
          const sameBusiness = c.respondentCreditCode
            ? c.respondentCreditCode === target.respondentCreditCode
            : !!c.respondentName && c.respondentName === target.respondentName;
          if (!sameBusiness)
            throw new AppError('MERGE_DIFFERENT_RESPONDENT', '只能并入针对同一经营者的举报', 'input.intoCaseId');
          c.mergedIntoId = target.id;
          detail.mergedInto = target.caseNo;
        },
      );
      await this.events.append(m, actor, {
        caseId: target.id,
        action: 'mergedReport',
        note: source.summary,
        detail: {
          from: source.caseNo,
          receivedAt: source.receivedAt.toISOString(),
          restartClockFrom: source.receivedAt.toISOString(),
        },
      });
      return source;
    });
  }

  /** 回避: declared by the staff member (or by a director for them); blocks assigning them. */
  async declareRecusal(actor: Actor, i: I.DeclareRecusalInput): Promise<CaseEntity> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.getVisible(actor, i.caseId, { m, lock: true, field: 'input.caseId' });
      const userId = i.userId ? parseId(i.userId, 'input.userId') : actor.id;
      if (userId !== actor.id && !actor.roles.includes('DIRECTOR') && !actor.roles.includes('ADMIN')) {
        throw AppError.forbidden('只能为本人申报回避，或由领导指定回避');
      }
      const user = await m.findOneBy(UserEntity, { id: userId });
      if (!user) throw AppError.notFound('用户', 'input.userId');
      const exists = await m.existsBy(CaseRecusalEntity, { caseId: c.id, userId });
      if (exists) throw new AppError('ALREADY_RECUSED', '该人员已申报回避', 'input.userId');
      await m.insert(CaseRecusalEntity, {
        caseId: c.id,
        userId,
        reason: i.reason,
        declaredById: actor.id,
        declaredAt: this.clock.now(),
      });
      if (c.handlerId === userId) await m.update(CaseEntity, c.id, { handlerId: null, version: c.version + 1 });
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'declareRecusal',
        note: i.reason,
        detail: { userId, userName: user.displayName },
      });
      return m.findOneByOrFail(CaseEntity, { id: c.id });
    });
  }

  private async intakePathOf(actor: Actor, caseId: string): Promise<string> {
    const c = await this.access.getVisible(actor, caseId, { field: 'input.caseId' });
    return (await this.ds.manager.findOneByOrFail(OrgUnitEntity, { id: c.intakeUnitId })).path;
  }

  /** 批准中止: an active director of the intake unit or of the center handling the case (a station's: the center above it). */
  private async assertApprover(m: import('typeorm').EntityManager, c: CaseEntity, userId: number): Promise<string> {
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

  private async assertAssignable(
    m: import('typeorm').EntityManager,
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
}

function ref(i: I.CaseRefInput) {
  return { caseId: i.caseId, version: i.version, note: i.note ?? null };
}
