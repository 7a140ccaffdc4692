import type { WorkingCalendar } from '@weiquan/shared';
import type { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import type { ActiveRule } from './deadline-rules.service';
import { dueOf } from './deadline-math';
import { EXTENDABLE_RULES } from './default-rules';

// What one lifecycle step does to a case's clocks, as a function of the rules, the calendar and the
// clocks the case has: start, stop, pause, resume, extend, hand over to the receiving handler. The
// engine (DeadlineEngine) runs it inside the step's transaction; the demo seed replays a case's
// history through it. The few facts it needs from the database come through ClockLookups.

export const STATION_TYPES: ReadonlySet<string> = new Set([
  'TOWNSHIP_STATION',
  'VILLAGE_STATION',
  'ENTERPRISE_STATION',
]);

/** The case as the step left it. */
export type ClockCase = Pick<
  CaseEntity,
  | 'id'
  | 'kind'
  | 'channel'
  | 'outcome'
  | 'round'
  | 'receivedAt'
  | 'ownerUnitId'
  | 'assignedUnitId'
  | 'handlerId'
  | 'registeredById'
  | 'dispatchTargetType'
  | 'isOpen'
>;

export interface ClockStep {
  action: string;
  from: string;
  to: string;
  /** The step's detail (decideExtension: { approved, days }). */
  detail: Record<string, unknown>;
  now: Date;
  c: ClockCase;
}

export interface ClockLookups {
  /** Dispatch hops recorded for the case so far (this step's included). */
  hops(): Promise<number> | number;
  /** The org unit type of a unit (is the dispatch target a station?). */
  unitType(unitId: number): Promise<string> | string;
  /** Whether the case already has a clock of this rule and round (a clock starts once per round/hop). */
  exists(ruleCode: string, roundKey: string): Promise<boolean> | boolean;
}

export interface ClockPlan {
  /** Existing rows stopped, paused, resumed, extended or handed over (each once, version + 1). */
  updated: CaseDeadlineEntity[];
  /** Clocks this step starts (no id yet, version 1). */
  created: CaseDeadlineEntity[];
}

/**
 * Applies one lifecycle step to the case's live clocks (`live`: running, paused and breached rows
 * not yet stopped; mutated in place) and starts the clocks this step starts. Existing rows that
 * change get version + 1 (their queued alarms become stale); new rows start at version 1.
 * `ruleById` must hold the rule of every live row (a running clock keeps the rule version it started with).
 */
export async function planClockStep(
  cal: WorkingCalendar,
  rules: readonly ActiveRule[],
  ruleById: ReadonlyMap<number, DeadlineRuleEntity>,
  live: readonly CaseDeadlineEntity[],
  step: ClockStep,
  look: ClockLookups,
): Promise<ClockPlan> {
  const { action, from, to, detail, now, c } = step;
  const changed = new Set<CaseDeadlineEntity>();
  const stopped: CaseDeadlineEntity[] = [];
  // A case that closes (archived) takes its clocks with it, whether or not their own stop event came.
  const closing = c.isOpen === false;

  for (const d of live) {
    const rule = ruleById.get(d.ruleId);
    if (!rule) throw new Error(`planClockStep: rule ${d.ruleId} of deadline ${d.id} not given`);
    const stops = rule.stopEvents.includes(action);
    if (stops || closing) {
      // Breached clocks stay live until their stop event (the case stays overdue until then).
      if (d.status !== 'BREACHED') d.status = stops ? 'MET' : 'CANCELLED';
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
      changed.add(d);
    } else if (pauseStates.includes(from) && !pauseStates.includes(to) && d.status === 'PAUSED') {
      closePause(d, now);
      d.status = 'RUNNING';
      d.dueAt = dueOf(cal, d).due;
      changed.add(d);
    }
    if (
      action === 'decideExtension' &&
      detail.approved === true &&
      EXTENDABLE_RULES.has(d.ruleCode) &&
      d.extendedAmount === 0
    ) {
      const days = Number(detail.days ?? 0);
      const max = rule.hardMaxAmount;
      d.extendedAmount = max ? Math.max(0, Math.min(days, max - d.amount)) : days;
      if (d.status === 'RUNNING') d.dueAt = dueOf(cal, d).due;
      changed.add(d);
    }
    if (action === 'receiveCase' && d.responsibleUnitId === c.assignedUnitId && c.handlerId) {
      d.responsibleUserId = c.handlerId;
      changed.add(d);
    }
  }
  const updated = [...new Set([...changed, ...stopped])];
  for (const d of updated) d.version += 1;
  const created: CaseDeadlineEntity[] = [];

  for (const ar of rules) {
    if (!(await starts(ar, step, look))) continue;
    const hop = ar.rule.perHop ? await look.hops() : 0;
    const roundKey = ar.rule.perHop ? `r${c.round}-hop${hop}` : `r${c.round}`;
    if (await look.exists(ar.rule.code, roundKey)) continue;
    const row = Object.assign(new CaseDeadlineEntity(), {
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
      stoppedAt: null,
      breachedAt: null,
      version: 1,
    } satisfies Partial<CaseDeadlineEntity>);
    row.dueAt = dueOf(cal, row).due;
    created.push(row);
  }
  return { updated, created };
}

async function starts(ar: ActiveRule, step: ClockStep, look: ClockLookups): Promise<boolean> {
  const { c, action, to } = step;
  const r = ar.rule;
  if (r.startEvent !== action || !r.kinds.includes(c.kind)) return false;
  if (r.channels && !r.channels.includes(c.channel)) return false;
  const cond = r.startCondition;
  if (!cond) return true;
  const [key, value] = cond.split(':');
  if (key === 'outcome') return c.outcome === value;
  if (key === 'state') return to === value;
  if (key === 'target') {
    if (c.dispatchTargetType !== 'UNIT' || !c.assignedUnitId)
      return value === 'OTHER' && c.dispatchTargetType !== 'EXTERNAL';
    return STATION_TYPES.has(await look.unitType(c.assignedUnitId)) === (value === 'STATION');
  }
  return false;
}

function closePause(d: CaseDeadlineEntity, now: Date): void {
  d.pauses = (d.pauses ?? []).map((p) => (p.to ? p : { ...p, to: now.toISOString() }));
  d.pausedAt = null;
}
