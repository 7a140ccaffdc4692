// The services the demo seed takes its steps through, wired by hand (the seed runs without a Nest
// application), and the time it runs in.
//
// Every step runs through CaseLifecycleService with the real step modules; its hooks are chosen for demo
// data: the deadline engine (the only writer of the clocks) and the supervision service's own hook
// (archiving closes a case's 督办). Left out: the consumer SMS hook (no message may go to a demo
// consumer's number), webhooks (no outside system hears of demo cases), document rendering (PDFs on demand
// are rendered when opened), the work-arrival notifications and the search indexer (the API indexes the
// queued cases within a second of starting: CaseSearchIndexer's poll).
//
// Time: a SeedClock set to each step's instant, for the services, and the same instant for the database
// session (SET timestamp), so that the columns the database stamps (created_at, updated_at) read the
// simulated time too. The worker is simulated: the engine hands its clocks to SeedAlarms instead of BullMQ,
// and before each step the seed rings the alarms due by then — a running clock whose due time passed is
// breached 1 s after it (or after the step that started it, when it was due already) by the real
// DeadlineEffects.breach: ledger entry, 超期 flag, automatic 督办, 违诺 record, notifications, timeline
// entry. Warnings and escalation-ladder steps are left to the worker: at start its reconciler queues each
// live clock's next alarm, so those whose time has come go out then, once each.
import { DataSource, EntityManager } from 'typeorm';
import type { WorkingCalendar } from '@weiquan/shared';
import { CalendarService } from '../calendar/calendar.service';
import { CaseAccess } from '../case/case-access.service';
import { CaseEventWriter } from '../case/case-event.writer';
import { CaseLifecycleService } from '../case/case-lifecycle.service';
import { CaseDeadlineEntity } from '../entities/deadline.entity';
import { NotificationService } from '../notification/notification.service';
import { SupervisionAccess, SupervisionQueryService, SupervisionService } from '../supervision';
import { Clock } from '../time/clock';
import { AuditWriter } from '../audit/audit-writer';
import { DeadlineEffects } from '../deadline/deadline-effects.service';
import { DeadlineEngine } from '../deadline/deadline-engine.service';
import { DeadlineRulesService, RulesSnapshot } from '../deadline/deadline-rules.service';
import { DeadlineScheduler } from '../deadline/deadline-scheduler.service';

/** How late the (simulated) worker breaches a clock after its due time. */
export const SEED_BREACH_LAG_MS = 1000;

/** A clock the seed moves by hand (the instant of each step and each breach). */
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

interface Alarm {
  deadlineId: string;
  at: number;
  version: number;
}

/**
 * The seed's alarm clock, in the scheduler's place: the engine hands it every clock it starts or changes
 * (as it would queue their alarm jobs), and it keeps each running clock's breach alarm in memory.
 */
export class SeedAlarms extends DeadlineScheduler {
  private readonly alarms = new Map<string, Alarm>();

  constructor(private readonly seedClock: Clock) {
    super(undefined as never, undefined as never, undefined as never, seedClock);
  }

  override afterCommit(_m: EntityManager, rows: CaseDeadlineEntity[]): void {
    const now = this.seedClock.now().getTime();
    for (const d of rows) {
      if (d.status === 'RUNNING' && d.dueAt)
        this.alarms.set(d.id, {
          deadlineId: d.id,
          at: Math.max(d.dueAt.getTime(), now) + SEED_BREACH_LAG_MS,
          version: d.version,
        });
      else this.alarms.delete(d.id);
    }
  }

  /** The alarms that ring by `until`, earliest first, taken off the clock. */
  take(until: number): Alarm[] {
    const due = [...this.alarms.values()].filter((a) => a.at <= until);
    for (const a of due) this.alarms.delete(a.deadlineId);
    return due.sort((a, b) => a.at - b.at || Number(a.deadlineId) - Number(b.deadlineId));
  }
}

/**
 * The rule sets read once: the seed runs in one REPEATABLE READ transaction, whose reads see the same rule
 * sets from start to end, so the engine's per-step staleness check could never find a change.
 */
class SeedRules extends DeadlineRulesService {
  private once: Promise<RulesSnapshot> | null = null;
  override snapshot(m: EntityManager): Promise<RulesSnapshot> {
    return (this.once ??= super.snapshot(m));
  }
}

export interface SeedServices {
  clock: SeedClock;
  access: CaseAccess;
  lifecycle: CaseLifecycleService;
  effects: DeadlineEffects;
  calendar: CalendarService;
  alarms: SeedAlarms;
}

/** The lifecycle with the deadline engine and the supervision hook, and the breach effects, on one SeedClock. */
export function seedServices(ds: DataSource, clock = new SeedClock()): SeedServices {
  const events = new CaseEventWriter(clock);
  const caseAccess = new CaseAccess(ds);
  const lifecycle = new CaseLifecycleService(ds, caseAccess, events, clock, new AuditWriter());
  const supervisionAccess = new SupervisionAccess(ds);
  // Registers its hook on `lifecycle`; no NotificationService: a demo item notifies nobody when opened.
  const supervision = new SupervisionService(
    ds,
    supervisionAccess,
    caseAccess,
    events,
    new SupervisionQueryService(ds, supervisionAccess, clock),
    new AuditWriter(),
    clock,
    lifecycle,
  );
  const calendar = new CalendarService(ds, clock);
  const effects = new DeadlineEffects(ds, supervision, new NotificationService(clock), events, calendar, clock);
  // The worker logs each breach it applies; a seed applying a hundred of them at once would only print noise.
  Object.assign(effects, { log: { warn: () => undefined, log: () => undefined } });
  const alarms = new SeedAlarms(clock);
  // Registers itself as a hook of `lifecycle`.
  new DeadlineEngine(lifecycle, new SeedRules(), calendar, alarms, effects, events, clock);
  return { clock, access: caseAccess, lifecycle, effects, calendar, alarms };
}

/** Sets the seed's time: the services' clock and the database session's CURRENT_TIMESTAMP. */
export async function setSeedTime(m: EntityManager, clock: SeedClock, at: Date): Promise<void> {
  clock.set(at);
  await m.query('SET timestamp = ?', [at.getTime() / 1000]);
}

/**
 * The simulated worker: rings the breach alarms due by `until`, each at its own instant, with the real
 * breach effects. An alarm whose clock has moved on since (stopped, paused, extended) rings for nothing.
 */
export async function ringAlarms(
  m: EntityManager,
  s: SeedServices,
  cal: WorkingCalendar,
  until: Date,
): Promise<number> {
  let rung = 0;
  for (const a of s.alarms.take(until.getTime())) {
    const d = await m.findOneBy(CaseDeadlineEntity, { id: a.deadlineId });
    if (!d || d.status !== 'RUNNING' || d.version !== a.version) continue;
    const at = new Date(a.at);
    await setSeedTime(m, s.clock, at);
    const applied = await s.effects.breach(m, d, at, cal);
    if (applied !== 'applied') throw new Error(`demo seed: breach of deadline ${d.id} was ${applied}`);
    rung++;
  }
  return rung;
}
