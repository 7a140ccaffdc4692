import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import type { WorkingCalendar } from '@weiquan/shared';
import { CaseDispatchEntity } from '../entities/case-records.entity';
import { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity, DeadlineRuleSetEntity } from '../entities/deadline.entity';
import { CaseEventWriter } from '../case/case-event.writer';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { CalendarService } from '../calendar/calendar.service';
import {
  CaseLifecycleService,
  CaseTransitionHook,
  RegisteredCase,
  TransitionContext,
} from '../case/case-lifecycle.service';
import { insertRows } from '../db/insert-rows';
import { Actor } from '../scope/actor';
import { Clock } from '../time/clock';
import { ClockLookups, planClockStep, stepActorOf } from './deadline-clocks';
import { setDue } from './deadline-math';
import { dutyOf, FIXED_DUE_RULES } from './default-rules';
import { DeadlineRulesService } from './deadline-rules.service';
import { DeadlineEffects } from './deadline-effects.service';
import { DeadlineScheduler } from './deadline-scheduler.service';

const LIVE = ['RUNNING', 'PAUSED', 'BREACHED'] as const;

/**
 * Starts, stops, pauses, resumes and extends a case's clocks in the transaction of the lifecycle
 * step that causes it (the rows are the truth). Alarm jobs are (re)scheduled after commit.
 */
@Injectable()
export class DeadlineEngine implements CaseTransitionHook {
  constructor(
    lifecycle: CaseLifecycleService,
    private readonly rules: DeadlineRulesService,
    private readonly calendar: CalendarService,
    private readonly scheduler: DeadlineScheduler,
    private readonly effects: DeadlineEffects,
    private readonly events: CaseEventWriter,
    private readonly clock: Clock,
  ) {
    lifecycle.registerHook(this);
  }

  async afterTransition(actor: Actor, t: TransitionContext & { action: string }): Promise<void> {
    const { m, c, from, to, action, detail } = t;
    const now = this.clock.now();
    const cal = await this.calendar.current();
    // Breached clocks stay live until their stop event (the case stays overdue until then).
    // (New cases come through afterRegistrations.)
    const live = (
      await m.find(CaseDeadlineEntity, {
        where: { caseId: c.id, status: In([...LIVE]) },
        lock: { mode: 'pessimistic_write' },
      })
    ).filter((d) => !d.stoppedAt);
    // A clock already past due whose alarm has not rung yet (no worker ran, or it is about to) is breached
    // first, with its effects: a late step must not turn a breach into a met deadline.
    for (const d of live)
      if (d.status === 'RUNNING' && d.dueAt && d.dueAt.getTime() < now.getTime())
        await this.effects.breach(m, d, now, cal);
    const rules = await this.rules.rulesFor(m, c.receivedAt);
    const ruleById = new Map<number, DeadlineRuleEntity>(rules.map((r) => [r.rule.id, r.rule]));
    // A running deadline keeps the rule version it started with, even if a newer set is in force.
    const missing = [...new Set(live.map((d) => d.ruleId))].filter((id) => !ruleById.has(id));
    if (missing.length) for (const r of await m.findBy(DeadlineRuleEntity, { id: In(missing) })) ruleById.set(r.id, r);
    const { updated, created } = await planClockStep(
      cal,
      rules,
      ruleById,
      live,
      { action, from, to, detail, now, c, actor: stepActorOf(actor) },
      clockLookups(m, c, (ruleCode, roundKey) => m.existsBy(CaseDeadlineEntity, { caseId: c.id, ruleCode, roundKey })),
    );

    if (updated.length) await m.save(CaseDeadlineEntity, updated);
    // New clocks in one multi-row INSERT (ids come back from the OK packet, consecutive).
    if (created.length) await insertRows(m, CaseDeadlineEntity, created);
    await this.refreshCaseDue(m, c);
    this.scheduler.afterCommit(m, [...updated, ...created]);
    if (action === 'mergeReport' && c.mergedIntoId) await this.restartAfterMerge(m, c, cal);
  }

  /**
   * 并案 (Order 121): the surviving report's verification clocks (duty FILING) count again from the
   * latest report's receivedAt; the explanation says so.
   */
  private async restartAfterMerge(m: EntityManager, merged: CaseEntity, cal: WorkingCalendar): Promise<void> {
    const target = await m.findOneByOrFail(CaseEntity, { id: merged.mergedIntoId! });
    const rows = (
      await m.find(CaseDeadlineEntity, {
        where: { caseId: target.id, status: In(['RUNNING', 'PAUSED']) },
        lock: { mode: 'pessimistic_write' },
      })
    ).filter((d) => !d.stoppedAt && dutyOf(d.ruleCode) === 'FILING' && merged.receivedAt > d.startedAt);
    if (!rows.length) return;
    const at = merged.receivedAt.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
    for (const d of rows) {
      d.startedAt = merged.receivedAt;
      d.pauses = (d.pauses ?? []).filter((p) => p.to === null || new Date(p.to) > merged.receivedAt);
      d.note = `并案：${merged.caseNo} 于 ${at} 收到，本时限自最新举报收到之日重新起算（《市场监督管理投诉举报处理办法》）。`;
      if (d.status === 'RUNNING') setDue(cal, d);
      d.version += 1;
    }
    await m.save(CaseDeadlineEntity, rows);
    await this.refreshCaseDue(m, target);
    this.scheduler.afterCommit(m, rows);
  }

  /**
   * The clocks of newly registered cases, all in one go (a registration batch): one rules snapshot,
   * one multi-row INSERT of the clocks, one UPDATE of the cases' due times, one round of alarm jobs.
   * A new case has no clocks to stop or look up, and nothing of it can be breached yet.
   */
  async afterRegistrations(m: EntityManager, cases: RegisteredCase[]): Promise<void> {
    const now = this.clock.now();
    const cal = await this.calendar.current();
    const snapshot = await this.rules.snapshot(m);
    const created: CaseDeadlineEntity[] = [];
    const dues: [string, Date][] = [];
    for (const { c, actor } of cases) {
      const rules = this.rules.rulesIn(snapshot, c.receivedAt);
      const ruleById = new Map<number, DeadlineRuleEntity>(rules.map((r) => [r.rule.id, r.rule]));
      const plan = await planClockStep(
        cal,
        rules,
        ruleById,
        [],
        { action: 'registerCase', from: c.state, to: c.state, detail: {}, now, c, actor: stepActorOf(actor) },
        clockLookups(m, c, () => false),
      );
      created.push(...plan.created);
      c.dueAt = plan.created.reduce<Date | null>(
        (min, d) => (d.dueAt && (!min || d.dueAt < min) ? d.dueAt : min),
        null,
      );
      if (c.dueAt) dues.push([c.id, c.dueAt]);
    }
    if (created.length) await insertRows(m, CaseDeadlineEntity, created);
    if (dues.length) {
      await m.query(
        `UPDATE wq_case SET due_at = CASE id ${dues.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE id IN (?)`,
        [...dues.flat(), dues.map(([id]) => id)],
      );
    }
    this.scheduler.afterCommit(m, created);
  }

  /**
   * An administrator's recalculation (rule revision or calendar change): each clock takes its new rule
   * version, amount and unit and is counted again with the calendar in force; the cases' due times follow
   * and every case gets a timeline entry. Clocks with an agreed date (FIXED_DUE_RULES) are never recounted.
   */
  async recalculate(
    m: EntityManager,
    actor: Actor,
    items: { deadlineId: string; toVersion: number; newAmount: number; newUnit: CaseDeadlineEntity['unit'] }[],
    reason?: string | null,
  ): Promise<CaseDeadlineEntity[]> {
    const cal = await this.calendar.current();
    const rows = await m.find(CaseDeadlineEntity, {
      where: { id: In(items.map((i) => i.deadlineId)) },
      lock: { mode: 'pessimistic_write' },
    });
    const changed: CaseDeadlineEntity[] = [];
    for (const d of rows) {
      const item = items.find((i) => i.deadlineId === d.id)!;
      if ((d.status !== 'RUNNING' && d.status !== 'PAUSED') || FIXED_DUE_RULES.has(d.ruleCode)) continue;
      const set = await m.findOneBy(DeadlineRuleSetEntity, { code: d.ruleSetCode, version: item.toVersion });
      const rule = set ? await m.findOneBy(DeadlineRuleEntity, { ruleSetId: set.id, code: d.ruleCode }) : null;
      Object.assign(d, {
        amount: item.newAmount,
        unit: item.newUnit,
        ruleSetVersion: item.toVersion,
        ruleId: rule?.id ?? d.ruleId,
        calendarVersion: cal.version,
        version: d.version + 1,
      });
      if (d.status === 'RUNNING') setDue(cal, d);
      changed.push(d);
    }
    if (!changed.length) return changed;
    await m.save(CaseDeadlineEntity, changed);
    const caseIds = [...new Set(changed.map((d) => d.caseId))];
    for (const caseId of caseIds) await this.refreshCaseDue(m, { id: caseId });
    await this.events.appendMany(
      m,
      caseIds.map((caseId) => ({
        actor,
        e: {
          caseId,
          action: 'recalculateDeadlines',
          note: reason ?? null,
          detail: {
            deadlines: changed
              .filter((d) => d.caseId === caseId)
              .map((d) => ({ id: d.id, rule: d.ruleCode, dueAt: d.dueAt?.toISOString() ?? null })),
          },
        },
      })),
    );
    this.scheduler.afterCommit(m, changed);
    return changed;
  }

  /**
   * Keeps wq_case.due_at and overdue in step with the rows. due_at is the earliest live clock's due: a
   * running one, or a breached one whose step is not done yet — an overdue case stays due when its clock
   * breached (what the breach leaves it at), so queues sorted by it show it first and its time left negative.
   */
  async refreshCaseDue(m: EntityManager, c: Pick<CaseEntity, 'id'>): Promise<void> {
    await m.query(
      `UPDATE wq_case SET
         due_at = (SELECT MIN(due_at) FROM case_deadline WHERE case_id = ?
                    AND (status = 'RUNNING' OR (status = 'BREACHED' AND stopped_at IS NULL))),
         overdue = EXISTS (SELECT 1 FROM case_deadline WHERE case_id = ? AND status = 'BREACHED' AND stopped_at IS NULL)
       WHERE id = ?`,
      [c.id, c.id, c.id],
    );
  }
}

/** What planClockStep reads about a case, from the transaction `m`; `exists` whether a clock was started. */
function clockLookups(m: EntityManager, c: Pick<CaseEntity, 'id'>, exists: ClockLookups['exists']): ClockLookups {
  return {
    hops: () => m.countBy(CaseDispatchEntity, { caseId: c.id }),
    unitType: async (id) => (await m.findOneByOrFail(OrgUnitEntity, { id })).type,
    exists,
  };
}
