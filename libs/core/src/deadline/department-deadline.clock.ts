import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DAY_MS, endOfShanghaiDay, toShanghaiDate } from '@weiquan/shared';
import { CalendarService } from '../calendar/calendar.service';
import { CaseDeadlineEntity, DeadlineRuleEntity, DeadlineRuleSetEntity } from '../entities/deadline.entity';
import type { CaseEntity } from '../entities/case.entity';
import { Clock } from '../time/clock';
import { DeadlineEngine } from './deadline-engine.service';
import { ActiveRule, DeadlineRulesService } from './deadline-rules.service';
import { DeadlineScheduler } from './deadline-scheduler.service';

/** The rule of the agreed-deadline clock (default-rules.ts, migration 1764000600000). */
export const DEPARTMENT_AGREED = 'DEPARTMENT_AGREED';
const START_EVENT = 'agreeDepartmentDeadline';

/** Calendar days from one Asia/Shanghai date to another ('YYYY-MM-DD'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * 联办、移交的商定时限 as a clock of its own, part of the deadline engine (the only writer of case_deadline): a case_deadline row of rule
 * DEPARTMENT_AGREED with a fixed due (the end of the agreed day, Asia/Shanghai), started, moved
 * and stopped in the caller's transaction. Its alarms are scheduled after commit, so the worker
 * warns and breaches it (automatic 督办, 违诺) and the reconciler repairs it like any other clock.
 * It never pauses (the date was agreed with the department); concludeCase stops it through the
 * engine (the rule's stop events), completing or cancelling the handling stops it here.
 */
@Injectable()
export class DepartmentDeadlineClock {
  constructor(
    private readonly rules: DeadlineRulesService,
    private readonly calendar: CalendarService,
    private readonly scheduler: DeadlineScheduler,
    private readonly engine: DeadlineEngine,
    private readonly clock: Clock,
  ) {}

  /** Must run inside withTransaction (the alarms are enqueued after commit). */
  async start(
    m: EntityManager,
    c: CaseEntity,
    handlingId: string,
    agreedDeadline: string,
    responsibleUserId: number | null,
  ): Promise<CaseDeadlineEntity> {
    const { rule, set } = await this.ruleFor(m, c.receivedAt);
    const now = this.clock.now();
    const cal = await this.calendar.current();
    const row = m.create(CaseDeadlineEntity, {
      caseId: c.id,
      ruleId: rule.id,
      ruleCode: DEPARTMENT_AGREED,
      ruleSetCode: set.code,
      ruleSetVersion: set.version,
      layer: 'COMMITMENT',
      roundKey: `dh${handlingId}`,
      status: 'RUNNING',
      triggerEvent: START_EVENT,
      startedAt: now,
      dueAt: endOfShanghaiDay(agreedDeadline),
      amount: daysBetween(toShanghaiDate(now), agreedDeadline),
      unit: 'CALENDAR_DAYS',
      extendedAmount: 0,
      pauses: [],
      pausedAt: null,
      warnFractions: rule.warnFractions,
      responsibleUnitId: c.ownerUnitId,
      responsibleUserId,
      calendarVersion: cal.version,
      stoppedAt: null,
      breachedAt: null,
      version: 1,
    });
    const saved = await m.save(CaseDeadlineEntity, row);
    await this.engine.refreshCaseDue(m, c);
    this.scheduler.afterCommit(m, [saved]);
    return saved;
  }

  /** A re-agreed date: the running clock gets the new due and new alarms (a new version). False when it is not running. */
  async move(m: EntityManager, deadlineId: string, agreedDeadline: string): Promise<boolean> {
    const d = await m.findOne(CaseDeadlineEntity, { where: { id: deadlineId }, lock: { mode: 'pessimistic_write' } });
    if (!d || d.status !== 'RUNNING') return false;
    d.amount = daysBetween(toShanghaiDate(d.startedAt), agreedDeadline);
    d.dueAt = endOfShanghaiDay(agreedDeadline);
    d.version += 1;
    const saved = await m.save(CaseDeadlineEntity, d);
    await this.engine.refreshCaseDue(m, { id: d.caseId });
    this.scheduler.afterCommit(m, [saved]);
    return true;
  }

  /**
   * Stops the clock: a running one becomes MET (completed) or CANCELLED; a breached one keeps its
   * status and gets stopped_at, so the case is no longer flagged overdue for it. Stale alarms are
   * dropped by the effects (version/status check) and the reconciler.
   */
  async stop(
    m: EntityManager,
    deadlineId: string | null,
    status: 'MET' | 'CANCELLED',
  ): Promise<CaseDeadlineEntity | null> {
    if (!deadlineId) return null;
    const d = await m.findOne(CaseDeadlineEntity, { where: { id: deadlineId }, lock: { mode: 'pessimistic_write' } });
    if (!d || d.stoppedAt) return d ?? null;
    const now = this.clock.now();
    if (d.status === 'RUNNING' || d.status === 'PAUSED') {
      d.status = status;
      d.pausedAt = null;
    } else if (d.status !== 'BREACHED') {
      return d;
    }
    d.stoppedAt = now;
    d.version += 1;
    const saved = await m.save(CaseDeadlineEntity, d);
    await this.engine.refreshCaseDue(m, { id: d.caseId });
    return saved;
  }

  /** The rule in the commitment set in force for the case, else the newest active one that has it. */
  private async ruleFor(m: EntityManager, receivedAt: Date): Promise<ActiveRule> {
    const inForce = (await this.rules.rulesFor(m, receivedAt)).find((r) => r.rule.code === DEPARTMENT_AGREED);
    if (inForce) return inForce;
    const rule = await m
      .createQueryBuilder(DeadlineRuleEntity, 'r')
      .innerJoin(DeadlineRuleSetEntity, 's', 's.id = r.rule_set_id')
      .where('r.code = :code AND s.active = 1', { code: DEPARTMENT_AGREED })
      .orderBy('s.version', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getOne();
    if (!rule) throw new Error(`deadline rule ${DEPARTMENT_AGREED} is missing: run the migrations`);
    return { rule, set: await m.findOneByOrFail(DeadlineRuleSetEntity, { id: rule.ruleSetId }) };
  }
}
