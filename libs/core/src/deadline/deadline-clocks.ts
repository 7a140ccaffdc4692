import type { WorkingCalendar } from '@weiquan/shared';
import type { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import type { ActiveRule } from './deadline-rules.service';
import { setDue } from './deadline-math';
import { EXTENDABLE_RULES, INTAKE_DUTIES, SENDER_DUE } from './default-rules';

// What one lifecycle step does to a case's clocks, as a function of the rules, the calendar and the
// clocks the case has: start, stop, pause, resume, extend, hand over to the receiving handler. The
// engine (DeadlineEngine) runs it inside the step's transaction. The few facts it needs from the
// database come through ClockLookups.

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
  | 'intakeUnitId'
  | 'assignedUnitId'
  | 'handlerId'
  | 'registeredById'
  | 'dispatchTargetType'
  | 'isOpen'
> &
  // issue #13: present on transfers that gave one.
  Partial<Pick<CaseEntity, 'senderDueAt'>>;

export interface ClockStep {
  action: string;
  from: string;
  to: string;
  /** The step's detail (decideExtension: { approved, days }). */
  detail: Record<string, unknown>;
  now: Date;
  c: ClockCase;
  /** Who takes the step (a user, an API client, the system). */
  actor: StepActor;
}

export interface StepActor {
  kind: 'USER' | 'API_CLIENT' | 'SYSTEM';
  id: number;
  /** The units the actor acts for (Actor.actsFor.unitIds). */
  unitIds: readonly number[];
}

export function stepActorOf(a: {
  kind: StepActor['kind'];
  id: number;
  actsFor: { unitIds: readonly number[] };
}): StepActor {
  return { kind: a.kind, id: a.id, unitIds: a.actsFor.unitIds };
}

/** Why a clock is charged to its unit and to nobody in person. */
export const LATE_REGISTRATION = 'LATE_REGISTRATION';

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
      setDue(cal, d);
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
      if (d.status === 'RUNNING') setDue(cal, d);
      changed.add(d);
    }
    if (action === 'receiveCase') {
      const holder = receivedBy(d, rule, step);
      if (holder !== undefined && holder !== d.responsibleUserId) {
        d.responsibleUserId = holder;
        changed.add(d);
      }
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
      ...chargeOf(ar.rule, step),
      calendarVersion: cal.version,
      stoppedAt: null,
      breachedAt: null,
      chargeNote: null as string | null,
      note: null,
      version: 1,
    } satisfies Partial<CaseDeadlineEntity>);
    setDue(cal, row);
    // --- issue #13: the sender's deadline is its date, not a count (FIXED_DUE_RULES: never recounted);
    // `amount` (whole hours, rounded up) only records its length.
    if (ar.rule.code === SENDER_DUE && c.senderDueAt) {
      row.dueAt = c.senderDueAt;
      row.provisional = false;
      row.amount = Math.max(1, Math.ceil((c.senderDueAt.getTime() - row.startedAt.getTime()) / 3_600_000));
    }
    // A letter registered after its clock ran out: the lateness is the unit's (逾期登记), not the clerk's
    // who registers it today.
    if (action === 'registerCase' && row.dueAt && row.dueAt.getTime() <= now.getTime()) {
      row.responsibleUserId = null;
      row.chargeNote = LATE_REGISTRATION;
    }
    created.push(row);
  }
  return { updated, created };
}

async function starts(ar: ActiveRule, step: ClockStep, look: ClockLookups): Promise<boolean> {
  const { c, action, to } = step;
  const r = ar.rule;
  // 上报 opens the next hop (to the center above the station) like a dispatch does.
  const event = action === 'handUpCase' ? 'dispatchCase' : action;
  if (r.startEvent !== event || !r.kinds.includes(c.kind)) return false;
  if (r.channels && !r.channels.includes(c.channel)) return false;
  const cond = r.startCondition;
  if (!cond) return true;
  const [key, value] = cond.split(':');
  if (key === 'outcome') return c.outcome === value;
  if (key === 'state') return to === value;
  if (key === 'sender') return c.senderDueAt != null; // issue #13: only a transfer that gave 办理时限
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

/**
 * Who a new clock is charged to (README, "Who is charged"):
 * - a hop's clock: the receiving unit, and the handler named at dispatch (of that unit) if any — never a
 *   person of another unit; the handler who receives the case takes it over;
 * - the intake's reply, notice and follow-up duties: the intake unit and the staff member who took the
 *   step there (or the registrar);
 * - every other clock: the unit holding the case and the step's actor if that actor acts for the unit,
 *   else its handler, else the registrar (首问负责: whoever registers owns it until a handler receives it).
 * A step taken by another system or by the system charges the unit only.
 */
export function chargeOf(
  rule: Pick<DeadlineRuleEntity, 'code' | 'perHop'>,
  step: Pick<ClockStep, 'c' | 'actor'>,
): { responsibleUnitId: number; responsibleUserId: number | null } {
  const { c, actor } = step;
  const person = (unitId: number): number | null => {
    if (actor.kind === 'USER' && actor.unitIds.includes(unitId)) return actor.id;
    if (c.handlerId && unitId === c.assignedUnitId) return c.handlerId;
    return unitId === c.intakeUnitId ? (c.registeredById ?? null) : null;
  };
  if (rule.perHop && c.assignedUnitId)
    return { responsibleUnitId: c.assignedUnitId, responsibleUserId: c.handlerId ?? null };
  if (INTAKE_DUTIES.has(rule.code))
    return { responsibleUnitId: c.intakeUnitId, responsibleUserId: person(c.intakeUnitId) };
  return { responsibleUnitId: c.ownerUnitId, responsibleUserId: person(c.ownerUnitId) };
}

/**
 * 签收: the receiving unit's clocks pass to the handler who received the case; the intake center's own
 * conclusion clock passes to that handler when the handler acts for the intake center (即办 at its own
 * workroom), and otherwise to the unit alone (the registrar's first-contact duty ends when a handler
 * receives the case). undefined: this clock does not change hands.
 */
function receivedBy(d: CaseDeadlineEntity, rule: DeadlineRuleEntity, step: ClockStep): number | null | undefined {
  const { c, actor } = step;
  if (!c.handlerId || d.chargeNote === LATE_REGISTRATION) return undefined;
  if (d.responsibleUnitId === c.assignedUnitId) return c.handlerId;
  if (rule.perHop || INTAKE_DUTIES.has(rule.code) || d.responsibleUnitId !== c.intakeUnitId) return undefined;
  return actor.unitIds.includes(c.intakeUnitId) ? c.handlerId : null;
}

/** The attribution rule of a clock in words, for its explanation (the same rule as chargeOf). */
export function chargeExplanation(
  d: Pick<CaseDeadlineEntity, 'ruleCode' | 'layer' | 'chargeNote' | 'roundKey'>,
): string {
  if (d.chargeNote === LATE_REGISTRATION) return '逾期登记：登记时该时限已届满，超期记入单位，不记登记人个人违诺。';
  const base = d.roundKey.includes('-hop')
    ? '分流环节时限：记入承办单位；分流时指定了承办人或承办人签收后，记入该承办人，不记入其他单位的人员。'
    : INTAKE_DUTIES.has(d.ruleCode)
      ? '受理单位的告知、回复和回访时限：记入受理单位及在受理单位办理该步骤的工作人员。'
      : '记入持有案件的单位及其经办人（首问负责：登记人负责至承办人签收为止）。';
  return d.layer === 'STATUTORY'
    ? `${base}法定时限超期计入单位（按时率统计），不另记个人违诺；同一职责的服务承诺违诺只记一次。`
    : base;
}
