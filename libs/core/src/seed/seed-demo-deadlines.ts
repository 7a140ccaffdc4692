// The deadline side of the demo cases: replays each seeded case's history through the deadline engine's
// own step function (planClockStep, the code DeadlineEngine runs inside every lifecycle transaction), so
// the case_deadline rows are those the engine would have written — clocks started, stopped, paused,
// resumed, extended, per dispatch hop, with the rule set in force on the day the request was received.
// Between the steps the worker is taken to have run: a running clock whose due time passed before the
// case's next step was breached then (1 s late), and the breach's effects are applied by the real
// DeadlineEffects.breach at that instant — ledger entry, 超期 flag, automatic 督办, 违诺 record,
// notifications, timeline entries. Warnings and escalation-ladder steps are left to the worker: at start
// its reconciler queues each live clock's next alarm, so those whose time has come (a warning of a clock
// still running, the step to the parent unit after a breach) go out then, once each.
import { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@weiquan/shared';
import { CalendarService } from '../calendar/calendar.service';
import { CaseAccess } from '../case/case-access.service';
import { CaseEventWriter } from '../case/case-event.writer';
import type { CaseEntity } from '../entities/case.entity';
import { CaseDeadlineEntity, DeadlineRuleEntity } from '../entities/deadline.entity';
import { NotificationService } from '../notification/notification.service';
import { SupervisionAccess, SupervisionQueryService, SupervisionService } from '../supervision';
import { Clock } from '../time/clock';
import { AuditWriter } from '../audit/audit-writer';
import { CaseLifecycleService } from '../case/case-lifecycle.service';
import { planClockStep, ClockCase, StepActor } from '../deadline/deadline-clocks';
import { DeadlineEffects } from '../deadline/deadline-effects.service';
import { ActiveRule, DeadlineRulesService } from '../deadline/deadline-rules.service';

/** How late the (simulated) worker breaches a clock after its due time. */
export const SEED_BREACH_LAG_MS = 1000;

/** The case as one step left it (what the engine's hook sees), plus the dispatch hops recorded so far. */
export type StepSnapshot = Omit<ClockCase, 'id'> & { hops: number };

export interface ReplayStep {
  action: string;
  from: string | null;
  to: string;
  at: Date;
  detail: Record<string, unknown> | null;
  snap: StepSnapshot;
  actor: StepActor;
}

export interface ClockHistory {
  /** Every clock of the case, in its final state — except those to breach: still RUNNING, one version short. */
  rows: CaseDeadlineEntity[];
  /** Breaches in time order: `before` = index of the step they precede (steps.length: after the last one). */
  breaches: { row: CaseDeadlineEntity; at: Date; before: number }[];
}

const LIVE = new Set(['RUNNING', 'PAUSED', 'BREACHED']);

/** A clock the seed moves by hand (the instant each effect is applied). */
export class SeedClock extends Clock {
  constructor(private at = new Date()) {
    super();
  }
  now(): Date {
    return new Date(this.at);
  }
  set(at: Date): void {
    this.at = new Date(at);
  }
}

/** DeadlineEffects and what it needs, wired by hand (the seed runs without a Nest application). */
export function seedServices(
  ds: DataSource,
  clock: Clock,
): { effects: DeadlineEffects; calendar: CalendarService; rules: DeadlineRulesService } {
  const events = new CaseEventWriter(clock);
  const supervisionAccess = new SupervisionAccess(ds);
  const caseAccess = new CaseAccess(ds);
  const supervision = new SupervisionService(
    ds,
    supervisionAccess,
    caseAccess,
    events,
    new SupervisionQueryService(ds, supervisionAccess, clock),
    new AuditWriter(),
    clock,
    new CaseLifecycleService(ds, caseAccess, events),
  );
  const calendar = new CalendarService(ds, clock);
  const effects = new DeadlineEffects(ds, supervision, new NotificationService(clock), events, calendar, clock);
  // The worker logs each breach it applies; a seed applying a hundred of them at once would only print noise.
  Object.assign(effects, { log: { warn: () => undefined, log: () => undefined } });
  return { effects, calendar, rules: new DeadlineRulesService() };
}

/**
 * The clocks of one case, from its steps in order (the first one registers it). `unitType` answers the
 * engine's "is the dispatch target a station?"; `now` is the seeding instant (clocks due by then are breached).
 */
export async function replayClocks(
  m: EntityManager,
  cal: WorkingCalendar,
  rules: DeadlineRulesService,
  c: Pick<CaseEntity, 'id' | 'receivedAt'>,
  steps: readonly ReplayStep[],
  unitType: (unitId: number) => string,
  now: Date,
): Promise<ClockHistory> {
  const active: ActiveRule[] = await rules.rulesFor(m, c.receivedAt);
  const ruleById = new Map<number, DeadlineRuleEntity>(active.map((r) => [r.rule.id, r.rule]));
  const rows: CaseDeadlineEntity[] = [];
  const breaches: ClockHistory['breaches'] = [];
  const created = new Map<CaseDeadlineEntity, number>();
  // When the worker breaches a clock: 1 s after its due time — or after the step that started it, when
  // it was due already (a voicemail's 24-hour callback clock runs from the message, not the registration).
  const breachAt = (d: CaseDeadlineEntity) => Math.max(d.dueAt!.getTime(), created.get(d)!) + SEED_BREACH_LAG_MS;
  const breachDue = (until: Date, before: number) => {
    const due = rows.filter((d) => d.status === 'RUNNING' && d.dueAt && breachAt(d) <= until.getTime());
    for (const d of due.sort((a, b) => breachAt(a) - breachAt(b))) {
      // What DeadlineEffects.breach does to the row (applied for real when the rows are stored).
      d.status = 'BREACHED';
      d.breachedAt = new Date(breachAt(d));
      d.version += 1;
      breaches.push({ row: d, at: d.breachedAt, before });
    }
  };
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i]!;
    breachDue(s.at, i);
    const live = rows.filter((d) => LIVE.has(d.status) && !d.stoppedAt);
    const plan = await planClockStep(
      cal,
      active,
      ruleById,
      live,
      // Registration is not a transition: the engine sees from = to = REGISTERED.
      {
        action: s.action,
        from: s.from ?? s.to,
        to: s.to,
        detail: s.detail ?? {},
        now: s.at,
        c: { ...s.snap, id: c.id },
        actor: s.actor,
      },
      {
        hops: () => s.snap.hops,
        unitType,
        exists: (ruleCode, roundKey) => rows.some((d) => d.ruleCode === ruleCode && d.roundKey === roundKey),
      },
    );
    for (const d of plan.created) created.set(d, s.at.getTime());
    rows.push(...plan.created);
  }
  breachDue(now, steps.length);
  // Stored as the worker found them: running, one version short, breachedAt unset; the effect does the rest.
  for (const b of breaches) {
    b.row.status = 'RUNNING';
    b.row.breachedAt = null;
    b.row.version -= 1;
  }
  return { rows, breaches };
}
