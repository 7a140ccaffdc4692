import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseState, endOfShanghaiDay, toShanghaiDate } from '@weiquan/shared';
import {
  Actor,
  actingUnitId,
  CalendarService,
  CaseEntity,
  CaseEventWriter,
  Clock,
  MediationAgreementEntity,
  MediationSessionEntity,
  SupervisionService,
  withTransaction,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { handling, MediationAccess } from './mediation-access.service';
import { AgreementPerformanceLabel } from './mediation.enums';
import { MediationError } from './mediation.exception';
import { RecordAgreementInput, UpdateAgreementPerformanceInput } from './mediation.input';

/** Once the case is concluded, an unperformed agreement is for intake to supervise (督办). */
const CONCLUDED_OR_LATER: readonly CaseState[] = ['CONCLUDED', 'REPLIED', 'FOLLOWED_UP', 'CLOSED', 'ARCHIVED'];
/** Working days the intake unit has to answer the automatic supervision (as for a missed deadline). */
const RESPONSE_WORKING_DAYS = 2;

/** 调解协议: terms and amount, then whether the business performed it. */
@Injectable()
export class MediationAgreementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly access: MediationAccess,
    private readonly events: CaseEventWriter,
    private readonly supervision: SupervisionService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async record(actor: Actor, i: RecordAgreementInput): Promise<MediationAgreementEntity> {
    return withTransaction(this.ds, async (m) => {
      const c = await this.access.caseFor(m, actor, i.caseId, handling('记录调解协议'));
      const now = this.clock.now();
      const signedAt = i.signedAt ?? now;
      this.access.assertPast(signedAt, 'input.signedAt');
      let sessionId: string | null = null;
      if (i.sessionId) {
        sessionId = String(parseId(i.sessionId, 'input.sessionId'));
        if (!(await m.existsBy(MediationSessionEntity, { id: sessionId, caseId: c.id })))
          throw MediationError.sessionNotOnCase();
      }
      const res = await m.insert(MediationAgreementEntity, {
        caseId: c.id,
        unitId: actingUnitId(actor, c),
        sessionId,
        terms: i.terms.trim(),
        amount: i.amount ?? null,
        signedAt,
        performanceDueAt: i.performanceDueAt ?? null,
        performance: 'PENDING',
        performanceNote: null,
        performanceRecordedAt: null,
        performanceRecordedById: null,
        supervisionId: null,
        recordedById: actor.kind === 'USER' ? actor.id : null,
        recordedAt: now,
        version: 1,
      });
      const id = String(res.identifiers[0].id);
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'recordAgreement',
        note: i.terms.trim(),
        detail: {
          agreementId: id,
          sessionId,
          amount: i.amount ?? null,
          performanceDueAt: i.performanceDueAt?.toISOString() ?? null,
        },
        at: now,
      });
      return m.findOneByOrFail(MediationAgreementEntity, { id });
    });
  }

  /**
   * 履行情况, recorded by the intake or the handling unit. Unfulfilled once the case is concluded:
   * an automatic supervision item for the intake unit (once per agreement), shown on the case.
   */
  async updatePerformance(actor: Actor, i: UpdateAgreementPerformanceInput): Promise<MediationAgreementEntity> {
    return withTransaction(this.ds, async (m) => {
      const rule = { what: '登记协议履行情况', guard: 'atCaseUnit' as const, states: null };
      const { item: a, c } = await this.access.itemFor(
        m,
        actor,
        MediationAgreementEntity,
        i.id,
        i.version,
        rule,
        (a) => {
          if (a.performance === 'FULFILLED') throw MediationError.agreementAlreadyFulfilled();
        },
      );
      const now = this.clock.now();
      const note = i.note?.trim() || null;
      let supervisionId = a.supervisionId;
      if (i.performance === 'UNFULFILLED' && CONCLUDED_OR_LATER.includes(c.state) && !supervisionId) {
        supervisionId = await this.superviseUnfulfilled(m, c, a, note);
      }
      await m.update(
        MediationAgreementEntity,
        { id: a.id },
        {
          performance: i.performance,
          performanceNote: note,
          performanceRecordedAt: now,
          performanceRecordedById: actor.kind === 'USER' ? actor.id : null,
          supervisionId,
          version: a.version + 1,
        },
      );
      await this.events.append(m, actor, {
        caseId: c.id,
        action: 'updateAgreementPerformance',
        note: note ?? AgreementPerformanceLabel[i.performance],
        detail: { agreementId: a.id, performance: i.performance, supervisionId },
        at: now,
      });
      return m.findOneByOrFail(MediationAgreementEntity, { id: a.id });
    });
  }

  private async superviseUnfulfilled(
    m: EntityManager,
    c: CaseEntity,
    a: MediationAgreementEntity,
    note: string | null,
  ): Promise<string> {
    const cal = await this.calendar.current();
    let respondBy = toShanghaiDate(this.clock.now());
    for (let n = 0; n < RESPONSE_WORKING_DAYS; n++) respondBy = cal.nextWorkingDay(respondBy);
    const { id } = await this.supervision.openAutomatic(m, {
      caseId: c.id,
      targetUnitId: c.intakeUnitId,
      level: 'SUPERVISION',
      content: `自动督办：${c.caseNo} 调解协议未履行${note ? `（${note}）` : ''}，请督促经营者履行，或告知消费者其他解决途径。`,
      responseDueAt: endOfShanghaiDay(respondBy),
      sourceKey: `agreement-${a.id}-unfulfilled`,
    });
    return id;
  }
}
