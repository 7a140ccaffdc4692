import { chineseDaysCalendarData, WorkingCalendar } from '@weiquan/shared';
import { CaseDeadlineEntity, DeadlineRuleEntity, DeadlineRuleSetEntity } from '../entities/deadline.entity';
import { chargeOf, ClockCase, ClockLookups, planClockStep } from './deadline-clocks';
import type { ActiveRule } from './deadline-rules.service';
import { DEFAULT_RULE_SETS } from './default-rules';

// The engine's step function on its own (DeadlineEngine runs it in the lifecycle transaction; the demo
// seed replays case histories through it). Integration tests cover it through the API.
const cal = new WorkingCalendar(chineseDaysCalendarData(), [], {
  outOfRange: 'weekends-only',
  onWarning: () => undefined,
});
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => sh(`${day}T23:59:59.999`);

let nextRuleId = 1;
const rules: ActiveRule[] = DEFAULT_RULE_SETS.filter((s) => s.code !== 'ORDER_20').flatMap((spec, i) => {
  const set = Object.assign(new DeadlineRuleSetEntity(), {
    id: i + 1,
    code: spec.code,
    name: spec.name,
    layer: spec.layer,
    effectiveFrom: spec.effectiveFrom,
    version: 1,
    active: true,
  });
  return spec.rules.map((r) => ({
    set,
    rule: Object.assign(new DeadlineRuleEntity(), {
      id: nextRuleId++,
      ruleSetId: set.id,
      code: r.code,
      name: r.name,
      kinds: r.kinds,
      channels: r.channels ?? null,
      startEvent: r.startEvent,
      startCondition: r.startCondition ?? null,
      stopEvents: r.stopEvents,
      pauseStates: r.pauseStates,
      amount: r.amount,
      unit: r.unit,
      warnFractions: r.warnFractions ?? [0.5, 0.8],
      hardMaxAmount: r.hardMaxAmount ?? null,
      perHop: r.perHop ?? false,
      escalation: r.escalation ?? null,
    }),
  }));
});
const ruleById = new Map(rules.map((r) => [r.rule.id, r.rule]));

const baseCase: ClockCase = {
  id: '1',
  kind: 'COMPLAINT',
  channel: 'PHONE_12315',
  outcome: null,
  round: 1,
  receivedAt: sh('2026-11-02T09:00:00'),
  ownerUnitId: 10,
  intakeUnitId: 10,
  assignedUnitId: null,
  handlerId: null,
  registeredById: 5,
  dispatchTargetType: null,
  isOpen: true,
};

/** A case history replayed step by step, keeping the rows in memory (the ids stand in for the database's). */
function history() {
  const rows: CaseDeadlineEntity[] = [];
  let id = 100;
  let hops = 0;
  const look: ClockLookups = {
    hops: () => hops,
    unitType: (u) => (u === 20 ? 'TOWNSHIP_STATION' : 'COUNTY_CENTER'),
    exists: (code, key) => rows.some((d) => d.ruleCode === code && d.roundKey === key),
  };
  return {
    rows,
    byRule: (code: string) => rows.find((d) => d.ruleCode === code)!,
    async step(
      action: string,
      from: string,
      to: string,
      at: Date,
      c: Partial<ClockCase> = {},
      detail: Record<string, unknown> = {},
    ) {
      if (action === 'dispatchCase') hops++;
      const live = rows.filter((d) => ['RUNNING', 'PAUSED', 'BREACHED'].includes(d.status) && !d.stoppedAt);
      const plan = await planClockStep(
        cal,
        rules,
        ruleById,
        live,
        { action, from, to, detail, now: at, c: { ...baseCase, ...c }, actor: { kind: 'USER', id: 5, unitIds: [10] } },
        look,
      );
      for (const d of plan.created) d.id = String(id++);
      rows.push(...plan.created);
      return plan;
    },
  };
}

describe('planClockStep (what one lifecycle step does to a case’s clocks)', () => {
  it('starts the registration clocks of both layers from receivedAt, stops them on their events, starts the next ones', async () => {
    const h = history();
    const reg = await h.step('registerCase', 'REGISTERED', 'REGISTERED', sh('2026-11-02T09:30:00'));
    expect(reg.created.map((d) => d.ruleCode).sort()).toEqual(['ACCEPT_DECISION', 'FIRST_CONTACT', 'STAT_ACCEPT']);
    expect(h.byRule('FIRST_CONTACT')).toMatchObject({
      status: 'RUNNING',
      startedAt: baseCase.receivedAt,
      dueAt: endOf('2026-11-04'),
      version: 1,
      roundKey: 'r1',
      responsibleUnitId: 10,
      responsibleUserId: 5,
    });
    const contact = await h.step('recordContact', 'REGISTERED', 'REGISTERED', sh('2026-11-03T10:00:00'));
    expect(contact.updated.map((d) => [d.ruleCode, d.status, d.version])).toEqual([['FIRST_CONTACT', 'MET', 2]]);
    const accept = await h.step('acceptCase', 'REGISTERED', 'ACCEPTED', sh('2026-11-04T10:00:00'));
    expect(accept.updated.map((d) => d.ruleCode).sort()).toEqual(['ACCEPT_DECISION', 'STAT_ACCEPT']);
    expect(accept.created.map((d) => d.ruleCode).sort()).toEqual(['COMPLAINT_CONCLUDE', 'STAT_MEDIATION']);
    expect(h.byRule('COMPLAINT_CONCLUDE')).toMatchObject({
      startedAt: sh('2026-11-04T10:00:00'),
      dueAt: endOf('2026-11-13'),
      triggerEvent: 'acceptCase',
    });
  });

  it('starts one clock per hop at a station, pauses while suspended, resumes with the time left, extends once within the hard maximum', async () => {
    const h = history();
    await h.step('registerCase', 'REGISTERED', 'REGISTERED', sh('2026-11-02T09:30:00'), { kind: 'REPORT' });
    await h.step('acceptCase', 'REGISTERED', 'ACCEPTED', sh('2026-11-02T10:00:00'), { kind: 'REPORT' });
    const c = { kind: 'REPORT' as const, dispatchTargetType: 'UNIT' as const, assignedUnitId: 20, ownerUnitId: 20 };
    const hop = await h.step('dispatchCase', 'ACCEPTED', 'DISPATCHED', sh('2026-11-02T11:00:00'), c);
    expect(hop.created.map((d) => [d.ruleCode, d.roundKey, d.responsibleUnitId])).toEqual([
      ['STATION_CONCLUDE', 'r1-hop1', 20],
    ]);
    await h.step('receiveCase', 'DISPATCHED', 'IN_PROGRESS', sh('2026-11-02T12:00:00'), { ...c, handlerId: 77 });
    expect(h.byRule('STATION_CONCLUDE').responsibleUserId).toBe(77);
    const pause = await h.step('suspendCase', 'IN_PROGRESS', 'SUSPENDED', sh('2026-11-03T10:00:00'), c);
    expect(pause.updated.map((d) => [d.ruleCode, d.status, d.dueAt]).sort()).toEqual([
      ['REPORT_CONCLUDE', 'PAUSED', null],
      ['STATION_CONCLUDE', 'PAUSED', null],
      ['STAT_REPORT_VERIFY', 'PAUSED', null],
    ]);
    await h.step('resumeCase', 'SUSPENDED', 'IN_PROGRESS', sh('2026-11-09T16:00:00'), c);
    // REPORT_CONCLUDE: 7 working days from 2 Nov, 3–9 Nov paused → 10, 11, 12, 13, 16, 17, 18 Nov
    expect(h.byRule('REPORT_CONCLUDE')).toMatchObject({
      status: 'RUNNING',
      dueAt: endOf('2026-11-18'),
      pausedAt: null,
    });
    // 7 + 20 requested, at most 15 in all for reports: 8 more
    await h.step('decideExtension', 'IN_PROGRESS', 'IN_PROGRESS', sh('2026-11-10T10:00:00'), c, {
      approved: true,
      days: 20,
    });
    expect(h.byRule('REPORT_CONCLUDE').extendedAmount).toBe(8);
    await h.step('decideExtension', 'IN_PROGRESS', 'IN_PROGRESS', sh('2026-11-11T10:00:00'), c, {
      approved: true,
      days: 3,
    });
    expect(h.byRule('REPORT_CONCLUDE').extendedAmount).toBe(8); // once
  });

  it('keeps a breached clock breached when its stop event comes, and closes every clock left when the case is archived', async () => {
    const h = history();
    await h.step('registerCase', 'REGISTERED', 'REGISTERED', sh('2026-11-02T09:30:00'), {
      kind: 'SUGGESTION',
      channel: 'VOICEMAIL',
    });
    const callback = h.byRule('CALLBACK');
    expect(callback).toMatchObject({ unit: 'HOURS', dueAt: new Date(baseCase.receivedAt.getTime() + 24 * 3_600_000) });
    callback.status = 'BREACHED'; // as the worker leaves it
    await h.step('dispatchCase', 'REGISTERED', 'DISPATCHED', sh('2026-11-04T09:00:00'), {
      kind: 'SUGGESTION',
      dispatchTargetType: 'UNIT',
      assignedUnitId: 30,
      ownerUnitId: 30,
    });
    const hop = h.byRule('HOP_CONCLUDE');
    expect(hop).toMatchObject({ status: 'RUNNING', roundKey: 'r1-hop1' });
    // no stop event of the callback clock in a suggestion's life: archiving closes it (still breached), and the rest
    const archive = await h.step('archiveCase', 'FOLLOWED_UP', 'ARCHIVED', sh('2026-11-20T09:00:00'), {
      kind: 'SUGGESTION',
      isOpen: false,
    });
    expect(archive.updated.map((d) => [d.ruleCode, d.status, d.stoppedAt])).toEqual([
      ['CALLBACK', 'BREACHED', sh('2026-11-20T09:00:00')],
      ['HOP_CONCLUDE', 'CANCELLED', sh('2026-11-20T09:00:00')],
    ]);
    expect(archive.created).toEqual([]);
  });
});

describe('first contact and attribution (issue 11)', () => {
  it('stops FIRST_CONTACT at a mediation session or an investigation with the consumer', async () => {
    for (const action of ['recordMediationSession', 'recordInvestigation']) {
      const h = history();
      await h.step('registerCase', 'REGISTERED', 'REGISTERED', sh('2026-11-02T09:30:00'));
      const plan = await h.step(action, 'IN_PROGRESS', 'IN_PROGRESS', sh('2026-11-03T09:30:00'));
      expect(plan.updated.map((d) => [d.ruleCode, d.status])).toEqual([['FIRST_CONTACT', 'MET']]);
    }
  });

  it('charges a new hop clock to the receiving unit and its named handler only, never to the registrar', () => {
    const rule = { code: 'STATION_CONCLUDE', perHop: true };
    const c = { ...baseCase, assignedUnitId: 20, ownerUnitId: 20, registeredById: 5 };
    expect(chargeOf(rule, { c, actor: { kind: 'USER', id: 5, unitIds: [10] } })).toEqual({
      responsibleUnitId: 20,
      responsibleUserId: null,
    });
    expect(chargeOf(rule, { c: { ...c, handlerId: 42 }, actor: { kind: 'USER', id: 5, unitIds: [10] } })).toEqual({
      responsibleUnitId: 20,
      responsibleUserId: 42,
    });
  });

  it('charges the intake duties to the intake unit and the staff member who took the step there', () => {
    const c = { ...baseCase, ownerUnitId: 10, intakeUnitId: 10, assignedUnitId: 30, handlerId: 77 };
    expect(
      chargeOf({ code: 'FOLLOW_UP', perHop: false }, { c, actor: { kind: 'USER', id: 6, unitIds: [11, 10] } }),
    ).toEqual({
      responsibleUnitId: 10,
      responsibleUserId: 6,
    });
    // Another system replied for the intake: the registrar keeps the duty (首问负责).
    expect(
      chargeOf({ code: 'FOLLOW_UP', perHop: false }, { c, actor: { kind: 'API_CLIENT', id: 3, unitIds: [10] } }),
    ).toEqual({
      responsibleUnitId: 10,
      responsibleUserId: 5,
    });
  });
});
