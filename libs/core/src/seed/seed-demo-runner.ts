// Runs the demo plans (seed-demo-cases.ts) through the case core, as the API would have: each case is
// registered by CaseLifecycleService.registerIn and every later step taken by CaseLifecycleService.runIn
// with the real step module and the input its GraphQL mutation passes, at the step's instant. All cases
// move on one timeline — registrations and steps of every case in time order, with the worker's breaches
// rung between them (seed-demo-deadlines.ts) — so case numbers, 违诺 counts and the like come out in the
// order the API would have handed them out. One transaction: a failed seed leaves nothing behind.
import { DataSource, EntityManager } from 'typeorm';
import { checkTransition, DEFAULT_CASE_MACHINE_CONFIG, NEW_CASE, normalizePhone } from '@weiquan/shared';
import { CaseNumberService } from '../case/case-number.service';
import { CASE_STEPS, CaseStep, StepRef } from '../case/steps';
import { CaseEntity } from '../entities';
import type { Actor } from '../scope/actor';
import type { CaseAction } from '@weiquan/shared';
import type { OrgUnitEntity } from '../entities';
import type { RegistrationInput } from '../case/steps/registration.step';
import { ringAlarms, SeedClock, SeedServices, seedServices, setSeedTime } from './seed-demo-deadlines';

export type Who = { actor: Actor; username: string };

export interface SeedDemoCasesResult {
  /** Ids of the created cases, ascending. */
  ids: string[];
  /** Steps taken (registrations included). */
  events: number;
}

/** A step one of `who` takes at `at` (the first the transition table allows), with the mutation's input. */
export interface PlannedStep {
  at: number;
  action: Exclude<CaseAction, 'registerCase'>;
  who: Who[];
  /** Skipped when the table allows none of `who` (a director who may not decide, a second pending request). */
  optional?: boolean;
  /** The step's input without caseId/version (those the runner reads from the case, as a client would). */
  input: Record<string, unknown>;
}

/** One demo request: its registration and the steps after it. */
export interface CasePlan {
  registrar: Who;
  unit: OrgUnitEntity;
  registeredAt: number;
  receivedAt: number;
  input: RegistrationInput;
  steps: PlannedStep[];
  /** The earlier request this one repeats (same phone and business): the registration links it. */
  repeatOf?: CasePlan;
  /** A reached, unsatisfied follow-up is planned: the step registers a next round (one more case). */
  nextRound: boolean;
}

interface Item {
  at: number;
  plan: number;
  /** -1: the registration; else the index of the step in the plan. */
  step: number;
}

export async function runDemoPlans(ds: DataSource, plans: CasePlan[], now: Date): Promise<SeedDemoCasesResult> {
  if (!plans.length) return { ids: [], events: 0 };
  const items: Item[] = plans.flatMap((p, plan) => [
    { at: p.registeredAt, plan, step: -1 },
    ...p.steps.map((s, step) => ({ at: s.at, plan, step })),
  ]);
  items.sort((a, b) => a.at - b.at || a.plan - b.plan || a.step - b.step);
  return ds.transaction(async (m) => {
    const s = seedServices(ds, new SeedClock(now));
    const cal = await s.calendar.current();
    const run = new Runner(m, s);
    try {
      for (const it of items) {
        const at = new Date(it.at);
        await ringAlarms(m, s, cal, at);
        await setSeedTime(m, s.clock, at);
        const p = plans[it.plan]!;
        if (it.step < 0) await run.register(p);
        else await run.take(p, p.steps[it.step]!);
      }
      // The worker kept running until now.
      await ringAlarms(m, s, cal, now);
    } finally {
      await m.query('SET timestamp = DEFAULT');
    }
    return { ids: run.ids.sort((a, b) => Number(a) - Number(b)), events: run.taken };
  });
}

class Runner {
  readonly ids: string[] = [];
  taken = 0;
  private readonly caseOf = new Map<CasePlan, CaseEntity>();
  private readonly numbers = new CaseNumberService();

  constructor(
    private readonly m: EntityManager,
    private readonly s: SeedServices,
  ) {}

  /** 登记, as CaseIntakeService does: the table's check, a case number of the intake center, registerIn. */
  async register(p: CasePlan): Promise<void> {
    const { m } = this;
    const actor = p.registrar.actor;
    const check = checkTransition('registerCase', {
      kind: p.input.kind,
      state: NEW_CASE,
      actor: { userId: String(actor.id), roles: actor.roles, unitIds: actor.actsFor.unitIds.map(String) },
      case: {},
      input: { channel: p.input.channel },
      config: DEFAULT_CASE_MACHINE_CONFIG,
    });
    if (!check.ok) throw new Error(`demo seed: ${p.registrar.username} may not register: ${check.error.message}`);
    const now = new Date(p.registeredAt);
    const receivedAt = new Date(p.receivedAt);
    const center = await this.numbers.centerOf(m, p.unit);
    const caseNo = await this.numbers.next(m, center, new Date(p.receivedAt + 8 * 3_600_000).getUTCFullYear());
    const first = p.repeatOf && this.caseOf.get(p.repeatOf);
    const [c] = await this.s.lifecycle.registerIn(m, [
      {
        actor,
        input: p.input,
        unit: { id: p.unit.id, path: p.unit.path },
        phone: p.input.consumer.phone ? normalizePhone(p.input.consumer.phone) : null,
        now,
        receivedAt,
        caseNo,
        repeat: first ? { id: first.id, caseNo: first.caseNo, kind: first.kind, summary: first.summary } : null,
        // A transfer from the 12345 hotline carries its 工单编号 (TransferService), unique per client.
        transfer: actor.kind === 'API_CLIENT' ? { externalRef: `12345-${caseNo}`, idempotencyKey: null } : undefined,
      },
    ]);
    this.caseOf.set(p, c!);
    this.ids.push(c!.id);
    this.taken++;
  }

  /**
   * A step: the first of the planned people who may take it (the case's version as they saw it), then the
   * step through the one entry, runIn.
   */
  async take(p: CasePlan, planned: PlannedStep): Promise<void> {
    const { m } = this;
    const step = CASE_STEPS[planned.action] as CaseStep<StepRef>;
    // The case as its last step left it (the row runIn saved; a breach in between changes no column a step reads).
    const c = this.caseOf.get(p)!;
    const input = { ...planned.input, caseId: c.id, version: c.version } as StepRef;
    const who = await this.whoMay(step, c, input, planned);
    if (!who) {
      if (planned.optional) return;
      throw new Error(
        `demo seed: none of ${planned.who.map((w) => w.username).join(', ')} may ${planned.action} ` +
          `${c.caseNo} (${c.kind}, ${c.state})`,
      );
    }
    const after = await this.s.lifecycle.runIn(m, who.actor, step, input).catch((e: Error) => {
      throw new Error(
        `demo seed: ${who.username} could not ${planned.action} ${c.caseNo} (${c.kind}, ${c.state}): ${e.message}`,
      );
    });
    this.caseOf.set(p, after);
    this.taken++;
    if (after.nextRoundId && !this.ids.includes(after.nextRoundId)) {
      this.ids.push(after.nextRoundId);
      this.taken++;
    }
  }

  /**
   * The first of the candidates who can open the case and whom the table allows; a sole mandatory
   * candidate is left to runIn's own checks.
   */
  private async whoMay(step: CaseStep<StepRef>, c: CaseEntity, input: StepRef, planned: PlannedStep) {
    if (planned.who.length === 1 && !planned.optional) return planned.who[0];
    for (const who of planned.who) {
      if (!this.s.access.canSee(who.actor, c)) continue;
      const ctx = await this.s.lifecycle.guardContext(this.m, who.actor, c, step.guardInput?.(input, c), step.action);
      if (checkTransition(step.action, ctx).ok) return who;
    }
    return undefined;
  }
}
