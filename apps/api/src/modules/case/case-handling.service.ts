import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Actor,
  AppError,
  CaseAccess,
  CaseEntity,
  CaseEventWriter,
  CaseLifecycleService,
  CaseRecusalEntity,
  Clock,
  ExternalAgencyEntity,
  OrgUnitEntity,
  UserEntity,
  withTransaction,
  acceptCaseStep,
  answerConsultationStep,
  archiveCaseStep,
  concludeCaseStep,
  decideExtensionStep,
  decideSuspensionStep,
  decideFilingStep,
  dispatchCaseStep,
  handUpCaseStep,
  mergeReportStep,
  receiveCaseStep,
  recordContactStep,
  recordFollowUpStep,
  rejectCaseStep,
  replyCaseStep,
  requestExtensionStep,
  requestSuspensionStep,
  requestMaterialsStep,
  resumeCaseStep,
  returnCaseStep,
  supplyMaterialsStep,
  suspendCaseStep,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { OrgUnitService } from '../org-unit/org-unit.service';
import * as I from './case.input';

/**
 * One method per lifecycle mutation. Each finds what only the server knows (units, people, the report
 * merged into) and runs the step's module (libs/core/src/case/steps) through CaseLifecycleService.run,
 * which checks the transition table and writes, all in one transaction.
 */
@Injectable()
export class CaseHandlingService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly lifecycle: CaseLifecycleService,
    private readonly orgUnits: OrgUnitService,
    private readonly access: CaseAccess,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  requestMaterials(actor: Actor, i: I.RequestMaterialsInput) {
    return this.lifecycle.run(actor, requestMaterialsStep, i);
  }

  supplyMaterials(actor: Actor, i: I.SupplyMaterialsInput) {
    return this.lifecycle.run(actor, supplyMaterialsStep, i);
  }

  acceptCase(actor: Actor, i: I.AcceptCaseInput) {
    return this.lifecycle.run(actor, acceptCaseStep, i);
  }

  rejectCase(actor: Actor, i: I.RejectCaseInput) {
    return this.lifecycle.run(actor, rejectCaseStep, i);
  }

  decideFiling(actor: Actor, i: I.DecideFilingInput) {
    return this.lifecycle.run(actor, decideFilingStep, i);
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
    return this.lifecycle.run(actor, dispatchCaseStep, { ...i, toUnit, agency, handlerId });
  }

  receiveCase(actor: Actor, i: I.ReceiveCaseInput) {
    return this.lifecycle.run(actor, receiveCaseStep, i);
  }

  returnCase(actor: Actor, i: I.ReturnCaseInput) {
    return this.lifecycle.run(actor, returnCaseStep, i);
  }

  handUpCase(actor: Actor, i: I.HandUpCaseInput) {
    return this.lifecycle.run(actor, handUpCaseStep, i);
  }

  recordContact(actor: Actor, i: I.RecordContactInput) {
    return this.lifecycle.run(actor, recordContactStep, i);
  }

  suspendCase(actor: Actor, i: I.SuspendCaseInput) {
    const approvedById = i.approvedById ? parseId(i.approvedById, 'input.approvedById') : null;
    return this.lifecycle.run(actor, suspendCaseStep, { ...i, approvedById });
  }

  resumeCase(actor: Actor, i: I.ResumeCaseInput) {
    return this.lifecycle.run(actor, resumeCaseStep, i);
  }

  requestExtension(actor: Actor, i: I.RequestExtensionInput) {
    return this.lifecycle.run(actor, requestExtensionStep, i);
  }

  decideExtension(actor: Actor, i: I.DecideExtensionInput) {
    return this.lifecycle.run(actor, decideExtensionStep, { ...i, decisionNote: i.note });
  }

  requestSuspension(actor: Actor, i: I.RequestSuspensionInput) {
    return this.lifecycle.run(actor, requestSuspensionStep, i);
  }

  decideSuspension(actor: Actor, i: I.DecideSuspensionInput) {
    return this.lifecycle.run(actor, decideSuspensionStep, { ...i, decisionNote: i.note });
  }

  concludeCase(actor: Actor, i: I.ConcludeCaseInput) {
    return this.lifecycle.run(actor, concludeCaseStep, i);
  }

  replyCase(actor: Actor, i: I.ReplyCaseInput) {
    return this.lifecycle.run(actor, replyCaseStep, i);
  }

  answerConsultation(actor: Actor, i: I.AnswerConsultationInput) {
    return this.lifecycle.run(actor, answerConsultationStep, i);
  }

  /** 回访. Reached + unsatisfied: this case is followed up and a new linked round is registered. */
  async recordFollowUp(
    actor: Actor,
    i: I.RecordFollowUpInput,
  ): Promise<{ c: CaseEntity; nextRound: CaseEntity | null }> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.lifecycle.runIn(m, actor, recordFollowUpStep, { ...i, followUpNote: i.note });
      const nextRound = c.nextRoundId ? await m.findOneByOrFail(CaseEntity, { id: c.nextRoundId }) : null;
      return { c, nextRound };
    });
  }

  archiveCase(actor: Actor, i: I.ArchiveCaseInput) {
    return this.lifecycle.run(actor, archiveCaseStep, i);
  }

  /** 并案: the open report merged into is locked first, then this report's step runs (mergeReportStep). */
  async mergeReport(actor: Actor, i: I.MergeReportInput): Promise<CaseEntity> {
    return withTransaction(this.ds, async (m) => {
      const target = await this.access.getVisible(actor, i.intoCaseId, { m, lock: true, field: 'input.intoCaseId' });
      return this.lifecycle.runIn(m, actor, mergeReportStep, { ...i, target });
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
}
