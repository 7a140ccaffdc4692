import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { CaseDispatchEntity } from '../entities/case-records.entity';
import { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { CalendarService } from '../calendar/calendar.service';
import { CaseLifecycleService, CaseTransitionHook, TransitionContext } from '../case/case-lifecycle.service';
import { Actor } from '../scope/actor';
import { Clock } from '../time/clock';
import { ActiveRule, DeadlineRulesService } from './deadline-rules.service';
import { dueOf } from './deadline-math';
import { EXTENDABLE_RULES } from './default-rules';
import { DeadlineScheduler } from './deadline-scheduler.service';

const LIVE = ['RUNNING', 'PAUSED', 'BREACHED'] as const;
const STATIONS = new Set(['TOWNSHIP_STATION', 'VILLAGE_STATION', 'ENTERPRISE_STATION']);

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
    private readonly clock: Clock,
  ) {
    lifecycle.registerHook(this);
  }

  async afterTransition(_actor: Actor, t: TransitionContext & { action: string }): Promise<void> {
    const { m, c, from, to, action, detail } = t;
    const now = this.clock.now();
    const cal = await this.calendar.current();
    // Breached clocks stay live until their stop event (the case stays overdue until then).
    // A brand-new case has no clocks yet: no locking read (it deadlocked concurrent registrations).
    const live = action === 'registerCase' ? [] : (await m.find(CaseDeadlineEntity, { where: { caseId: c.id, status: In([...LIVE]) }, lock: { mode: 'pessimistic_write' } })).filter((d) => !d.stoppedAt);
    const rules = await this.rules.rulesFor(m, c.receivedAt);
    const ruleById = new Map<number, DeadlineRuleEntity>(rules.map((r) => [r.rule.id, r.rule]));
    // A running deadline keeps the rule version it started with, even if a newer set is in force.
    const missing = [...new Set(live.map((d) => d.ruleId))].filter((id) => !ruleById.has(id));
    if (missing.length) for (const r of await m.findBy(DeadlineRuleEntity, { id: In(missing) })) ruleById.set(r.id, r);
    const changed: CaseDeadlineEntity[] = [];
    const stopped: CaseDeadlineEntity[] = [];
    const created: CaseDeadlineEntity[] = [];

    for (const d of live) {
      const rule = ruleById.get(d.ruleId)!;
      if (rule.stopEvents.includes(action)) {
        if (d.status !== 'BREACHED') d.status = 'MET';
        d.stoppedAt = now;
        if (d.pausedAt) closePause(d, now);
        stopped.push(d);
        continue;
      }
      if (d.status === 'BREACHED') continue;
      const pauseStates = rule.pauseStates;
      if (pauseStates.includes(to) && !pauseStates.includes(from) && d.status === 'RUNNING') {
        d.status = 'PAUSED';
        d.pausedAt = now;
        d.pauses = [...(d.pauses ?? []), { from: now.toISOString(), to: null }];
        d.dueAt = null;
        changed.push(d);
      } else if (pauseStates.includes(from) && !pauseStates.includes(to) && d.status === 'PAUSED') {
        closePause(d, now);
        d.status = 'RUNNING';
        d.dueAt = dueOf(cal, d).due;
        changed.push(d);
      }
      if (action === 'decideExtension' && detail.approved === true && EXTENDABLE_RULES.has(d.ruleCode) && d.extendedAmount === 0) {
        const days = Number(detail.days ?? 0);
        const max = rule.hardMaxAmount;
        d.extendedAmount = max ? Math.max(0, Math.min(days, max - d.amount)) : days;
        if (d.status === 'RUNNING') d.dueAt = dueOf(cal, d).due;
        changed.push(d);
      }
      if (action === 'receiveCase' && d.responsibleUnitId === c.assignedUnitId && c.handlerId) {
        d.responsibleUserId = c.handlerId;
        changed.push(d);
      }
    }

    for (const ar of rules) {
      if (!(await this.starts(m, ar, c, action, to))) continue;
      const hop = ar.rule.perHop ? await m.countBy(CaseDispatchEntity, { caseId: c.id }) : 0;
      const roundKey = ar.rule.perHop ? `r${c.round}-hop${hop}` : `r${c.round}`;
      // A case registered just now has no clocks yet (no read needed).
      if (action !== 'registerCase' && (await m.existsBy(CaseDeadlineEntity, { caseId: c.id, ruleCode: ar.rule.code, roundKey }))) continue;
      const row = m.create(CaseDeadlineEntity, {
        caseId: c.id,
        ruleId: ar.rule.id,
        ruleCode: ar.rule.code,
        ruleSetCode: ar.set.code,
        ruleSetVersion: ar.set.version,
        layer: ar.set.layer,
        roundKey,
        status: 'RUNNING',
        triggerEvent: action,
        // Clocks of the registration start at receivedAt (letters, voicemail arrive before they are registered).
        startedAt: action === 'registerCase' ? c.receivedAt : now,
        amount: ar.rule.amount,
        unit: ar.rule.unit,
        extendedAmount: 0,
        pauses: [],
        pausedAt: null,
        warnFractions: ar.rule.warnFractions,
        responsibleUnitId: (ar.rule.perHop ? c.assignedUnitId : null) ?? c.ownerUnitId,
        responsibleUserId: c.handlerId ?? c.registeredById ?? null,
        calendarVersion: cal.version,
        version: 1,
      });
      row.dueAt = dueOf(cal, row).due;
      created.push(row);
    }

    const updated = [...new Set([...changed, ...stopped])];
    for (const d of updated) d.version += 1;
    if (updated.length) await m.save(CaseDeadlineEntity, updated);
    // New clocks in one multi-row INSERT (ids come back from the OK packet, consecutive).
    if (created.length) await m.insert(CaseDeadlineEntity, created);
    if (action === 'registerCase') {
      // Nothing can be breached yet on a new case: its due time is the earliest of the new clocks.
      const due = created.reduce<Date | null>((min, d) => (d.dueAt && (!min || d.dueAt < min) ? d.dueAt : min), null);
      if (due) await m.query('UPDATE wq_case SET due_at = ? WHERE id = ?', [due, c.id]);
      c.dueAt = due;
    } else await this.refreshCaseDue(m, c);
    this.scheduler.afterCommit(m, [...updated, ...created]);
  }

  /** Keeps wq_case.due_at (earliest running deadline) and overdue in step with the rows. */
  async refreshCaseDue(m: EntityManager, c: Pick<CaseEntity, 'id'>): Promise<void> {
    await m.query(
      `UPDATE wq_case SET
         due_at = (SELECT MIN(due_at) FROM case_deadline WHERE case_id = ? AND status = 'RUNNING'),
         overdue = EXISTS (SELECT 1 FROM case_deadline WHERE case_id = ? AND status = 'BREACHED' AND stopped_at IS NULL)
       WHERE id = ?`,
      [c.id, c.id, c.id],
    );
  }

  private async starts(m: EntityManager, ar: ActiveRule, c: CaseEntity, action: string, to: string): Promise<boolean> {
    const r = ar.rule;
    if (r.startEvent !== action || !r.kinds.includes(c.kind)) return false;
    if (r.channels && !r.channels.includes(c.channel)) return false;
    const cond = r.startCondition;
    if (!cond) return true;
    const [key, value] = cond.split(':');
    if (key === 'outcome') return c.outcome === value;
    if (key === 'state') return to === value;
    if (key === 'target') {
      if (c.dispatchTargetType !== 'UNIT' || !c.assignedUnitId) return value === 'OTHER' && c.dispatchTargetType !== 'EXTERNAL';
      const unit = await m.findOneByOrFail(OrgUnitEntity, { id: c.assignedUnitId });
      return STATIONS.has(unit.type) === (value === 'STATION');
    }
    return false;
  }
}

function closePause(d: CaseDeadlineEntity, now: Date): void {
  d.pauses = (d.pauses ?? []).map((p) => (p.to ? p : { ...p, to: now.toISOString() }));
  d.pausedAt = null;
}
