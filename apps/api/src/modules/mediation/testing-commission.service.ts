import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Not } from 'typeorm';
import { CaseState } from '@weiquan/shared';
import {
  Actor,
  actingUnitId,
  resumeCaseStep,
  suspendCaseStep,
  CaseEntity,
  CaseEventWriter,
  CaseLifecycleService,
  Clock,
  TestingCommissionEntity,
  withTransaction,
} from '@weiquan/core';
import { handling, HANDLING_STATES, MediationAccess } from './mediation-access.service';
import { MediationError } from './mediation.exception';
import { CommissionTestingInput, RecordTestingResultInput } from './mediation.input';

/** A result may still arrive after the case was concluded (the test outlived the case). */
const RESULT_STATES: readonly CaseState[] = [...HANDLING_STATES, 'CONCLUDED', 'REPLIED', 'FOLLOWED_UP'];

/**
 * 检测鉴定: commissioning a test suspends the case (reason TESTING) in the same transaction, so
 * its clocks pause (检测鉴定时间不计入调解期限); the last result resumes it. The suspension and
 * resumption go through the lifecycle like every other change of state.
 */
@Injectable()
export class TestingCommissionService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MediationAccess,
    private readonly lifecycle: CaseLifecycleService,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {}

  async commission(actor: Actor, i: CommissionTestingInput): Promise<TestingCommissionEntity> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.caseFor(m, actor, i.caseId, handling('委托检测鉴定'));
      // 对检测机构或费用承担无法协商一致的，终止调解 (Order 121): no commission without agreement.
      if (!i.partiesAgreed) throw MediationError.testingNotAgreed();
      const now = this.clock.now();
      const commissionedAt = i.commissionedAt ?? now;
      this.access.assertPast(commissionedAt, 'input.commissionedAt');
      const suspends = c.state === 'IN_PROGRESS';
      const items = i.items.map((s) => s.trim());
      const res = await m.insert(TestingCommissionEntity, {
        caseId: c.id,
        unitId: actingUnitId(actor, c),
        agencyName: i.agencyName.trim(),
        agencyQualification: i.agencyQualification.trim(),
        items,
        costAdvancedBy: i.costAdvancedBy,
        estimatedCost: i.estimatedCost ?? null,
        commissionedAt,
        status: 'RUNNING',
        suspendedCase: suspends,
        result: null,
        actualCost: null,
        costBorneBy: null,
        resultAt: null,
        resultById: null,
        recordedById: actor.kind === 'USER' ? actor.id : null,
        recordedAt: now,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'commissionTesting',
        note: `委托${i.agencyName.trim()}检测鉴定：${items.join('、')}`,
        detail: {
          testingCommissionId: id,
          agency: i.agencyName.trim(),
          qualification: i.agencyQualification.trim(),
          costAdvancedBy: i.costAdvancedBy,
          suspendsCase: suspends,
        },
        at: now,
      });
      // Already suspended (another test, awaiting materials): the clocks are paused already.
      if (suspends) {
        await this.lifecycle.runIn(m, actor, suspendCaseStep, {
          caseId: c.id,
          version: c.version,
          reason: 'TESTING',
          note: '检测鉴定期间中止，计时暂停',
          cause: { testingCommissionId: id },
        });
      }
      return m.findOneByOrFail(TestingCommissionEntity, { id });
    });
  }

  /** The result; when no other test is running on a case suspended for testing, the case resumes. */
  async recordResult(actor: Actor, i: RecordTestingResultInput): Promise<TestingCommissionEntity> {
    return withTransaction(this.ds, async (m) => {
      const rule = { what: '登记检测鉴定结果', guard: 'atAssignedUnit' as const, states: RESULT_STATES };
      const { item: t, c } = await this.access.itemFor(
        m,
        actor,
        TestingCommissionEntity,
        i.id,
        i.version,
        rule,
        (t) => {
          if (t.status === 'COMPLETED') throw MediationError.testingAlreadyCompleted();
        },
      );
      const now = this.clock.now();
      const resultAt = i.resultAt ?? now;
      this.access.assertPast(resultAt, 'input.resultAt');
      await m.update(
        TestingCommissionEntity,
        { id: t.id },
        {
          status: 'COMPLETED',
          result: i.result.trim(),
          actualCost: i.actualCost ?? null,
          costBorneBy: i.costBorneBy,
          resultAt,
          resultById: actor.kind === 'USER' ? actor.id : null,
          version: t.version + 1,
        },
      );
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'recordTestingResult',
        note: i.result.trim(),
        detail: {
          testingCommissionId: t.id,
          costBorneBy: i.costBorneBy,
          actualCost: i.actualCost ?? null,
          resultAt: resultAt.toISOString(),
        },
        at: now,
      });
      if (await this.resumes(m, c, t.id)) {
        await this.lifecycle.runIn(m, actor, resumeCaseStep, {
          caseId: c.id,
          version: c.version,
          note: '检测鉴定结果已出具，恢复办理',
          cause: { testingCommissionId: t.id },
        });
      }
      return m.findOneByOrFail(TestingCommissionEntity, { id: t.id });
    });
  }

  private async resumes(m: EntityManager, c: CaseEntity, completedId: string): Promise<boolean> {
    if (c.state !== 'SUSPENDED' || c.suspendReason !== 'TESTING') return false;
    const othersRunning = await m.count(TestingCommissionEntity, {
      where: { caseId: c.id, status: 'RUNNING', id: Not(completedId) },
    });
    return othersRunning === 0;
  }
}
