import type { Role } from '../auth/roles';
import type { CaseKind, CaseState } from './case-enums';
import {
  DEFAULT_CASE_MACHINE_CONFIG,
  NEW_CASE,
  type CaseActionInput,
  type CaseActor,
  type CaseFacts,
  type CaseGuardContext,
  type FromState,
} from './case-context';
import { allowedActions, checkTransition, nextStateAfterFollowUp } from './case-machine';
import type { CaseAction } from './case-transitions';

const CITY = 'unit-city';
const COUNTY_A = 'unit-county-a';
const COUNTY_B = 'unit-county-b';
const STATION = 'unit-station-1';
type SimActor = CaseActor & { unitId: string };
const actor = (userId: string, role: Role, unitId: string): SimActor => ({
  userId,
  roles: [role],
  unitIds: [unitId],
  unitId,
});
const receptionist = actor('u-rec', 'RECEPTIONIST', CITY);
const mediator = actor('u-med', 'MEDIATOR', CITY);
const legal = actor('u-legal', 'LEGAL_OFFICER', CITY);
const director = actor('u-dir', 'DIRECTOR', CITY);
const supervisor = actor('u-sup', 'SUPERVISOR', CITY);
const stationStaff = actor('u-sta', 'STATION_STAFF', STATION);
const countyA = actor('u-ca', 'RECEPTIONIST', COUNTY_A);
const countyB = actor('u-cb', 'MEDIATOR', COUNTY_B);
const hotline = actor('svc-12345', 'API_CLIENT', CITY);

/** A tiny stand-in for the server's lifecycle service: checks each step and applies its effects. */
class CaseSim {
  state: FromState = NEW_CASE;
  facts: CaseFacts = {};
  readonly trail: CaseState[] = [];
  constructor(readonly kind: CaseKind) {}

  ctx(by: CaseActor, input?: CaseActionInput): CaseGuardContext {
    return {
      kind: this.kind,
      state: this.state,
      actor: by,
      case: this.facts,
      input,
      config: DEFAULT_CASE_MACHINE_CONFIG,
    };
  }

  try(action: CaseAction, by: CaseActor, input?: CaseActionInput) {
    return checkTransition(action, this.ctx(by, input));
  }

  do(action: CaseAction, by: SimActor, input: CaseActionInput = {}): this {
    const result = this.try(action, by, input);
    if (!result.ok)
      throw new Error(`${action} by ${by.userId} in ${this.state}: ${result.error.code} ${result.error.message}`);
    const f = { ...this.facts };
    if (action === 'registerCase') Object.assign(f, { intakeUnitId: by.unitId, registeredById: by.userId });
    if (action === 'requestMaterials') f.materialsRequestCount = (f.materialsRequestCount ?? 0) + 1;
    if (action === 'dispatchCase') {
      const t = input.target;
      f.assignedUnitId = t?.type === 'UNIT' ? t.unitId : f.intakeUnitId;
      f.dispatchTargetType = t?.type as CaseFacts['dispatchTargetType'];
    }
    if (action === 'receiveCase') f.handlerId = by.userId;
    if (action === 'returnCase') Object.assign(f, { assignedUnitId: null, handlerId: null });
    if (action === 'requestExtension') f.pendingExtension = true;
    if (action === 'decideExtension')
      Object.assign(f, { pendingExtension: false, extensionGranted: input.approved === true });
    if (action === 'recordFollowUp') {
      f.followUpAttempts = (f.followUpAttempts ?? 0) + 1;
      f.followUpDone = nextStateAfterFollowUp(input).followUpDone;
    }
    this.facts = f;
    this.state = result.to;
    this.trail.push(result.to);
    return this;
  }
}

const register = (kind: CaseKind, by: SimActor = receptionist) =>
  new CaseSim(kind).do('registerCase', by, { channel: 'PHONE_12315' });
const toUnit = (unitId: string): CaseActionInput => ({ target: { type: 'UNIT', unitId }, mode: 'ON_BEHALF' });
const reached = (satisfaction: string): CaseActionInput => ({ followUpResult: 'REACHED', satisfaction });

describe('case lifecycle paths', () => {
  it('walks a complaint through materials, station handling, suspension, extension, an unsatisfied follow-up and a new round', () => {
    const c = register('COMPLAINT')
      .do('requestMaterials', receptionist, { missingItems: ['购物小票'] })
      .do('supplyMaterials', receptionist)
      .do('acceptCase', receptionist)
      .do('dispatchCase', receptionist, toUnit(STATION))
      .do('receiveCase', stationStaff)
      .do('recordContact', stationStaff, { method: 'PHONE', note: '已联系双方' })
      .do('suspendCase', stationStaff, { suspendReason: 'TESTING' })
      .do('requestExtension', stationStaff, { reason: '检测周期长', extensionDays: 10 })
      .do('decideExtension', director, { approved: true })
      .do('resumeCase', stationStaff)
      .do('concludeCase', stationStaff, { outcome: 'MEDIATED', agreementText: '退货退款', amountRecovered: 1280 })
      .do('replyCase', receptionist, { content: '已调解成功，商家退款1280元' })
      .do('recordFollowUp', receptionist, { followUpResult: 'UNREACHABLE' })
      .do('recordFollowUp', receptionist, reached('UNSATISFIED'))
      .do('archiveCase', receptionist);
    expect(c.trail).toEqual([
      'REGISTERED',
      'MATERIALS_PENDING',
      'REGISTERED',
      'ACCEPTED',
      'DISPATCHED',
      'IN_PROGRESS',
      'IN_PROGRESS',
      'SUSPENDED',
      'SUSPENDED',
      'SUSPENDED',
      'IN_PROGRESS',
      'CONCLUDED',
      'REPLIED',
      'REPLIED',
      'FOLLOWED_UP',
      'ARCHIVED',
    ]);
    expect(nextStateAfterFollowUp(reached('UNSATISFIED')).newRound).toEqual({
      initialState: 'REGISTERED',
      linkReason: 'UNSATISFIED_FOLLOW_UP',
    });
    const round2 = register('COMPLAINT').do('acceptCase', receptionist);
    expect(round2.state).toBe('ACCEPTED');
  });

  it('answers a consultation at once (即办) and archives it without a follow-up', () => {
    const c = register('CONSULTATION', stationStaff)
      .do('answerConsultation', stationStaff, { content: '可凭发票要求三包' })
      .do('archiveCase', stationStaff);
    expect(c.trail).toEqual(['REGISTERED', 'CLOSED', 'ARCHIVED']);
  });

  it('routes a consultation that cannot be answered at once to the legal workroom', () => {
    const c = register('SUGGESTION')
      .do('dispatchCase', receptionist, { target: { type: 'WORKROOM', workroom: 'LEGAL' }, mode: 'IMMEDIATE' })
      .do('receiveCase', legal)
      .do('concludeCase', legal, { outcome: 'ADOPTED' })
      .do('replyCase', receptionist, { content: '您的建议已采纳' })
      .do('recordFollowUp', receptionist, reached('SATISFIED'))
      .do('archiveCase', receptionist);
    expect(c.trail).toEqual([
      'REGISTERED',
      'DISPATCHED',
      'IN_PROGRESS',
      'CONCLUDED',
      'REPLIED',
      'FOLLOWED_UP',
      'ARCHIVED',
    ]);
  });

  it('files a report pushed in by 12345 before dispatching it, and closes a report not filed', () => {
    const filed = register('REPORT', hotline).do('acceptCase', receptionist);
    expect(filed.try('dispatchCase', receptionist, toUnit(COUNTY_A))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    filed
      .do('decideFiling', director, { filed: true })
      .do('dispatchCase', receptionist, toUnit(COUNTY_A))
      .do('receiveCase', countyA)
      .do('concludeCase', countyA, { outcome: 'PENALIZED' })
      .do('replyCase', receptionist, { content: '已依法查处' })
      .do('recordFollowUp', receptionist, reached('SATISFIED'))
      .do('archiveCase', receptionist);
    expect(filed.trail).toEqual([
      'REGISTERED',
      'ACCEPTED',
      'FILED',
      'DISPATCHED',
      'IN_PROGRESS',
      'CONCLUDED',
      'REPLIED',
      'FOLLOWED_UP',
      'ARCHIVED',
    ]);

    const notFiled = register('REPORT')
      .do('acceptCase', receptionist)
      .do('decideFiling', receptionist, { filed: false, reason: '查无实据' })
      .do('replyCase', receptionist, { content: '经核查不予立案' })
      .do('archiveCase', receptionist);
    expect(notFiled.trail).toEqual(['REGISTERED', 'ACCEPTED', 'NOT_FILED', 'CLOSED', 'ARCHIVED']);
  });

  it('rejects with a ground and a referral, tells the consumer, then archives', () => {
    const c = register('COMPLAINT').do('requestMaterials', receptionist, { missingItems: ['身份证明'] });
    expect(c.try('requestMaterials', receptionist, { missingItems: ['x'] }).ok).toBe(false);
    expect(c.try('rejectCase', receptionist, { ground: 'OUTSIDE_JURISDICTION' })).toMatchObject({
      ok: false,
      error: { code: 'REFERRAL_REQUIRED' },
    });
    c.do('rejectCase', receptionist, {
      ground: 'OUTSIDE_JURISDICTION',
      referral: { authority: '市住建局', phone: '0591-12345678' },
    })
      .do('replyCase', receptionist, { content: '请向市住建局反映，电话0591-12345678' })
      .do('archiveCase', receptionist);
    expect(c.trail).toEqual(['REGISTERED', 'MATERIALS_PENDING', 'REJECTED', 'CLOSED', 'ARCHIVED']);
  });

  it('lets a unit without jurisdiction only return the case to intake, which re-dispatches it', () => {
    const c = register('COMPLAINT').do('acceptCase', receptionist).do('dispatchCase', receptionist, toUnit(COUNTY_A));
    expect(c.try('dispatchCase', countyA, toUnit(COUNTY_B))).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(c.try('returnCase', countyA, { toUnitId: COUNTY_B, reason: '属B县' })).toMatchObject({
      ok: false,
      error: { code: 'RETURN_ONLY_TO_INTAKE' },
    });
    expect(c.try('returnCase', countyB, { reason: '属B县' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_RECEIVING_UNIT' },
    });
    c.do('receiveCase', countyA).do('returnCase', countyA, { reason: '被投诉人在B县' });
    expect(c.state).toBe('RETURNED');
    expect(c.try('receiveCase', countyB)).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    c.do('dispatchCase', receptionist, toUnit(COUNTY_B));
    expect(c.try('receiveCase', countyA)).toMatchObject({ ok: false, error: { code: 'NOT_RECEIVING_UNIT' } });
    c.do('receiveCase', countyB)
      .do('concludeCase', countyB, { outcome: 'TERMINATED', terminationGround: 'PARTY_ABSENT_OR_REFUSED' })
      .do('replyCase', receptionist, { content: '被投诉人拒绝调解，已终止调解，可向法院起诉' });
    expect(c.trail.slice(2)).toEqual([
      'DISPATCHED',
      'IN_PROGRESS',
      'RETURNED',
      'DISPATCHED',
      'IN_PROGRESS',
      'CONCLUDED',
      'REPLIED',
    ]);
  });
});

describe(checkTransition.name, () => {
  const replied = () =>
    register('COMPLAINT')
      .do('acceptCase', receptionist)
      .do('dispatchCase', receptionist, { target: { type: 'WORKROOM', workroom: 'RIGHTS' }, mode: 'IMMEDIATE' })
      .do('receiveCase', mediator)
      .do('concludeCase', mediator, { outcome: 'MEDIATED' })
      .do('replyCase', receptionist, { content: '已调解' });

  it('rejects an action the state does not allow with INVALID_TRANSITION', () => {
    const r = register('COMPLAINT').try('archiveCase', receptionist);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('已登记') },
    });
  });

  it('rejects an action the kind does not allow with INVALID_TRANSITION', () => {
    const r = register('CONSULTATION').try('acceptCase', receptionist);
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION', message: expect.stringContaining('咨询') },
    });
  });

  it('rejects a role outside the row with FORBIDDEN_ROLE before any guard', () => {
    expect(new CaseSim('COMPLAINT').try('registerCase', supervisor, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    const c = register('COMPLAINT')
      .do('acceptCase', receptionist)
      .do('dispatchCase', receptionist, toUnit(STATION))
      .do('receiveCase', stationStaff)
      .do('requestExtension', stationStaff, { reason: '需调查', extensionDays: 5 });
    expect(c.try('decideExtension', receptionist, { approved: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_ROLE' },
    });
    expect(c.try('decideExtension', director, { approved: false })).toMatchObject({ ok: true, to: 'IN_PROGRESS' });
  });

  it('rejects a recused staff member with ACTOR_RECUSED', () => {
    const c = register('COMPLAINT');
    c.facts = { ...c.facts, recusedUserIds: [receptionist.userId] };
    expect(c.try('acceptCase', receptionist)).toMatchObject({ ok: false, error: { code: 'ACTOR_RECUSED' } });
  });

  it('refuses to archive before the follow-up, and allows it after the maximum failed attempts', () => {
    const c = replied();
    expect(c.try('archiveCase', receptionist)).toMatchObject({ ok: false, error: { code: 'FOLLOW_UP_REQUIRED' } });
    for (let i = 0; i < DEFAULT_CASE_MACHINE_CONFIG.maxFollowUpAttempts; i++)
      c.do('recordFollowUp', receptionist, { followUpResult: 'UNREACHABLE' });
    expect(c.state).toBe('REPLIED');
    expect(c.try('archiveCase', receptionist)).toMatchObject({ ok: true, to: 'ARCHIVED' });
  });

  it('requires a termination ground to conclude a terminated mediation', () => {
    const c = register('COMPLAINT')
      .do('acceptCase', receptionist)
      .do('dispatchCase', receptionist, toUnit(STATION))
      .do('receiveCase', stationStaff);
    expect(c.try('concludeCase', stationStaff, { outcome: 'TERMINATED' })).toMatchObject({
      ok: false,
      error: { code: 'TERMINATION_GROUND_REQUIRED', field: 'terminationGround' },
    });
  });

  it('keeps SAME steps in the current state', () => {
    const c = register('COMPLAINT');
    expect(c.try('recordContact', receptionist, { note: '24小时内回拨' })).toMatchObject({
      ok: true,
      to: 'REGISTERED',
    });
  });
});

describe(allowedActions.name, () => {
  it('greys out archive until the follow-up and offers the follow-up', () => {
    const c = register('COMPLAINT')
      .do('acceptCase', receptionist)
      .do('dispatchCase', receptionist, toUnit(STATION))
      .do('receiveCase', stationStaff)
      .do('concludeCase', stationStaff, { outcome: 'WITHDRAWN' })
      .do('replyCase', receptionist, { content: '消费者已撤回' });
    const actions = allowedActions(c.ctx(receptionist));
    expect(actions.map((a) => a.action)).toEqual(['recordContact', 'recordFollowUp', 'archiveCase']);
    expect(actions.find((a) => a.action === 'recordFollowUp')).toMatchObject({ allowed: true, label: '回访' });
    expect(actions.find((a) => a.action === 'archiveCase')).toMatchObject({
      allowed: false,
      reason: { code: 'FOLLOW_UP_REQUIRED' },
    });
  });

  it('shows the intake unit that only the receiving unit can sign for a dispatched case', () => {
    const c = register('COMPLAINT').do('acceptCase', receptionist).do('dispatchCase', receptionist, toUnit(STATION));
    const mine = allowedActions(c.ctx(receptionist));
    expect(mine.find((a) => a.action === 'receiveCase')).toMatchObject({
      allowed: false,
      reason: { code: 'NOT_RECEIVING_UNIT' },
    });
    expect(mine.find((a) => a.action === 'dispatchCase')).toBeUndefined();
    const theirs = allowedActions(c.ctx(stationStaff));
    expect(theirs.filter((a) => a.allowed).map((a) => a.action)).toEqual([
      'receiveCase',
      'returnCase',
      'recordContact',
      'requestExtension',
    ]);
  });

  it('does not evaluate input guards, so an empty form still enables the button', () => {
    const actions = allowedActions(register('COMPLAINT').ctx(receptionist));
    expect(actions.find((a) => a.action === 'rejectCase')).toMatchObject({ allowed: true });
  });

  it('offers registration for a new case by role', () => {
    const sim = new CaseSim('REPORT');
    expect(allowedActions(sim.ctx(hotline))).toEqual([{ action: 'registerCase', label: '登记', allowed: true }]);
    expect(allowedActions(sim.ctx(supervisor))[0]).toMatchObject({
      allowed: false,
      reason: { code: 'FORBIDDEN_ROLE' },
    });
  });
});

describe(nextStateAfterFollowUp.name, () => {
  it('closes the round and asks for a new linked round when unsatisfied', () => {
    expect(nextStateAfterFollowUp(reached('UNSATISFIED'))).toEqual({
      to: 'FOLLOWED_UP',
      followUpDone: true,
      newRound: { initialState: 'REGISTERED', linkReason: 'UNSATISFIED_FOLLOW_UP' },
    });
  });
  it('opens no new round when (basically) satisfied', () => {
    expect(nextStateAfterFollowUp(reached('BASIC')).newRound).toBeNull();
  });
  it('stays replied when the consumer cannot be reached', () => {
    expect(nextStateAfterFollowUp({ followUpResult: 'UNREACHABLE' })).toEqual({
      to: 'REPLIED',
      followUpDone: false,
      newRound: null,
    });
  });
});
