import {
  DEFAULT_CASE_MACHINE_CONFIG,
  type CaseActionInput,
  type CaseFacts,
  type CaseGuardContext,
} from './case-context';
import { GUARDS, actorNotRecused, type GuardName } from './case-guards';

const CITY = 'unit-city';
const COUNTY = 'unit-county-a';

function ctx(
  patch: { case?: CaseFacts; input?: CaseActionInput; unitId?: string } & Partial<
    Pick<CaseGuardContext, 'kind' | 'state'>
  > = {},
): CaseGuardContext {
  return {
    kind: patch.kind ?? 'COMPLAINT',
    state: patch.state ?? 'IN_PROGRESS',
    actor: { userId: 'u-1', roles: ['RECEPTIONIST'], unitIds: [patch.unitId ?? CITY] },
    case: { intakeUnitId: CITY, assignedUnitId: COUNTY, ...patch.case },
    input: patch.input,
    config: DEFAULT_CASE_MACHINE_CONFIG,
  };
}

type Case = { name: string; ctx: CaseGuardContext; code?: string; field?: string };
// For each guard: contexts that fail (with the expected code) and contexts that pass.
const CASES: Record<GuardName, Case[]> = {
  atIntakeUnit: [
    { name: 'actor in another unit', ctx: ctx({ unitId: COUNTY }), code: 'NOT_INTAKE_UNIT' },
    { name: 'actor in the intake unit', ctx: ctx() },
  ],
  atAssignedUnit: [
    { name: 'intake unit acting for the receiving unit', ctx: ctx(), code: 'NOT_RECEIVING_UNIT' },
    {
      name: 'case not dispatched yet',
      ctx: ctx({ unitId: COUNTY, case: { assignedUnitId: null } }),
      code: 'NOT_RECEIVING_UNIT',
    },
    { name: 'actor in the receiving unit', ctx: ctx({ unitId: COUNTY }) },
  ],
  atCaseUnit: [
    { name: 'a third unit', ctx: ctx({ unitId: 'unit-county-b' }), code: 'NOT_CASE_UNIT' },
    { name: 'intake unit', ctx: ctx() },
    { name: 'receiving unit', ctx: ctx({ unitId: COUNTY }) },
  ],
  atCaseUnitOrSupervisingCenter: [
    { name: 'a third unit', ctx: ctx({ unitId: 'unit-county-b' }), code: 'NOT_CASE_UNIT' },
    {
      name: 'the county above another station',
      ctx: ctx({ unitId: COUNTY, case: { assignedUnitId: 'station-b', supervisingCenterId: 'unit-county-b' } }),
      code: 'NOT_CASE_UNIT',
    },
    { name: 'intake unit', ctx: ctx() },
    {
      name: 'the center above the receiving station',
      ctx: ctx({ unitId: COUNTY, case: { assignedUnitId: 'station-a', supervisingCenterId: COUNTY } }),
    },
  ],
  assignedToStation: [
    { name: 'a county center', ctx: ctx({ unitId: COUNTY }), code: 'NOT_AT_STATION' },
    { name: 'a station', ctx: ctx({ case: { assignedUnitId: 'station-a', supervisingCenterId: COUNTY } }) },
  ],
  handUpReasonGiven: [
    { name: 'no reason', ctx: ctx({ input: {} }), code: 'HAND_UP_REASON_REQUIRED', field: 'reason' },
    { name: 'a reason', ctx: ctx({ input: { reason: '需县中心协调' } }) },
  ],
  materialsNotYetRequested: [
    {
      name: 'materials already requested once',
      ctx: ctx({ case: { materialsRequestCount: 1 } }),
      code: 'MATERIALS_ALREADY_REQUESTED',
    },
    { name: 'first request', ctx: ctx() },
  ],
  noPendingExtension: [
    { name: 'a request is pending', ctx: ctx({ case: { pendingExtension: true } }), code: 'EXTENSION_PENDING' },
    { name: 'nothing pending', ctx: ctx() },
  ],
  extensionNotYetGranted: [
    {
      name: 'already extended once',
      ctx: ctx({ case: { extensionGranted: true } }),
      code: 'EXTENSION_ALREADY_GRANTED',
    },
    { name: 'never extended', ctx: ctx() },
  ],
  hasPendingExtension: [
    { name: 'nothing to decide', ctx: ctx(), code: 'NO_PENDING_EXTENSION' },
    { name: 'a request is pending', ctx: ctx({ case: { pendingExtension: true } }) },
  ],
  noPendingSuspension: [
    { name: 'a request is pending', ctx: ctx({ case: { pendingSuspension: true } }), code: 'SUSPENSION_PENDING' },
    { name: 'nothing pending', ctx: ctx() },
  ],
  hasPendingSuspension: [
    { name: 'nothing to decide', ctx: ctx(), code: 'NO_PENDING_SUSPENSION' },
    { name: 'a request is pending', ctx: ctx({ case: { pendingSuspension: true } }) },
  ],
  followUpSettled: [
    {
      name: 'replied, no follow-up yet',
      ctx: ctx({ state: 'REPLIED', case: { followUpAttempts: 2 } }),
      code: 'FOLLOW_UP_REQUIRED',
    },
    { name: 'follow-up recorded', ctx: ctx({ state: 'FOLLOWED_UP' }) },
    { name: 'follow-up done flag', ctx: ctx({ state: 'REPLIED', case: { followUpDone: true } }) },
    { name: 'attempts reached the maximum', ctx: ctx({ state: 'REPLIED', case: { followUpAttempts: 3 } }) },
    { name: 'closed without follow-up (即办 / 不予受理)', ctx: ctx({ state: 'CLOSED' }) },
  ],
  channelGiven: [
    { name: 'no channel', ctx: ctx({ input: {} }), code: 'CHANNEL_REQUIRED', field: 'channel' },
    { name: 'unknown channel', ctx: ctx({ input: { channel: 'PIGEON' } }), code: 'CHANNEL_REQUIRED' },
    { name: '12315 phone', ctx: ctx({ input: { channel: 'PHONE_12315' } }) },
  ],
  missingItemsListed: [
    {
      name: 'empty list',
      ctx: ctx({ input: { missingItems: [' '] } }),
      code: 'MISSING_ITEMS_REQUIRED',
      field: 'missingItems',
    },
    { name: 'items listed', ctx: ctx({ input: { missingItems: ['购物凭证', '身份证明'] } }) },
  ],
  rejectGroundGiven: [
    { name: 'no ground', ctx: ctx({ input: {} }), code: 'REJECT_GROUND_REQUIRED', field: 'ground' },
    { name: 'ground not in the list', ctx: ctx({ input: { ground: 'BORED' } }), code: 'REJECT_GROUND_REQUIRED' },
    {
      name: 'outside jurisdiction, no authority',
      ctx: ctx({ input: { ground: 'OUTSIDE_JURISDICTION' } }),
      code: 'REFERRAL_REQUIRED',
      field: 'referral.authority',
    },
    {
      name: 'outside jurisdiction, bad phone',
      ctx: ctx({ input: { ground: 'OUTSIDE_JURISDICTION', referral: { authority: '市住建局', phone: '12' } } }),
      code: 'REFERRAL_PHONE_INVALID',
      field: 'referral.phone',
    },
    {
      name: 'outside jurisdiction with referral',
      ctx: ctx({
        input: { ground: 'OUTSIDE_JURISDICTION', referral: { authority: '市住建局', phone: '0591-87654321' } },
      }),
    },
    { name: 'time-barred', ctx: ctx({ input: { ground: 'TIME_BARRED' } }) },
  ],
  filingDecisionGiven: [
    { name: 'no decision', ctx: ctx({ input: {} }), code: 'FILING_DECISION_REQUIRED', field: 'filed' },
    {
      name: 'not filed without reason',
      ctx: ctx({ input: { filed: false } }),
      code: 'NOT_FILED_REASON_REQUIRED',
      field: 'reason',
    },
    { name: 'filed', ctx: ctx({ input: { filed: true } }) },
    { name: 'not filed with reason', ctx: ctx({ input: { filed: false, reason: '举报事项查无实据' } }) },
  ],
  dispatchTargetGiven: [
    {
      name: 'no target',
      ctx: ctx({ input: { mode: 'JOINT' } }),
      code: 'DISPATCH_TARGET_REQUIRED',
      field: 'target.type',
    },
    {
      name: 'workroom missing',
      ctx: ctx({ input: { target: { type: 'WORKROOM' }, mode: 'IMMEDIATE' } }),
      code: 'WORKROOM_REQUIRED',
    },
    {
      name: 'unit missing',
      ctx: ctx({ input: { target: { type: 'UNIT' }, mode: 'ON_BEHALF' } }),
      code: 'TARGET_UNIT_REQUIRED',
    },
    {
      name: 'department missing',
      ctx: ctx({ input: { target: { type: 'EXTERNAL' }, mode: 'JOINT' } }),
      code: 'DEPARTMENT_REQUIRED',
    },
    {
      name: 'mode missing',
      ctx: ctx({ input: { target: { type: 'UNIT', unitId: COUNTY } } }),
      code: 'DISPATCH_MODE_REQUIRED',
      field: 'mode',
    },
    {
      name: 'to a workroom 即办',
      ctx: ctx({ input: { target: { type: 'WORKROOM', workroom: 'RIGHTS' }, mode: 'IMMEDIATE' } }),
    },
    {
      name: 'to a department 协办',
      ctx: ctx({ input: { target: { type: 'EXTERNAL', department: '市文旅局' }, mode: 'JOINT' } }),
    },
  ],
  returnedToIntakeWithReason: [
    {
      name: 'forwarding to another unit',
      ctx: ctx({ unitId: COUNTY, input: { toUnitId: 'unit-county-b', reason: '属B县管辖' } }),
      code: 'RETURN_ONLY_TO_INTAKE',
      field: 'toUnitId',
    },
    { name: 'no reason', ctx: ctx({ unitId: COUNTY, input: {} }), code: 'RETURN_REASON_REQUIRED', field: 'reason' },
    {
      name: 'back to intake with a reason',
      ctx: ctx({ unitId: COUNTY, input: { toUnitId: CITY, reason: '被投诉人不在本县' } }),
    },
    { name: 'reason only', ctx: ctx({ unitId: COUNTY, input: { reason: '被投诉人不在本县' } }) },
  ],
  contactLogged: [
    { name: 'empty note', ctx: ctx({ input: { method: 'PHONE', note: '' } }), code: 'NOTE_REQUIRED', field: 'note' },
    { name: 'unknown method', ctx: ctx({ input: { method: 'TELEPATHY', note: 'x' } }), code: 'CONTACT_METHOD_INVALID' },
    { name: 'phone call logged', ctx: ctx({ input: { method: 'PHONE', note: '已电话联系消费者' } }) },
    { name: 'plain note', ctx: ctx({ input: { note: '已约定现场调解时间' } }) },
  ],
  suspendReasonGiven: [
    { name: 'no reason', ctx: ctx({ input: {} }), code: 'SUSPEND_REASON_REQUIRED', field: 'suspendReason' },
    {
      name: 'investigation without approval',
      ctx: ctx({ input: { suspendReason: 'INVESTIGATION' } }),
      code: 'SUSPEND_APPROVAL_REQUIRED',
      field: 'approvedById',
    },
    { name: 'testing', ctx: ctx({ input: { suspendReason: 'TESTING' } }) },
    {
      name: 'approved investigation',
      ctx: ctx({ input: { suspendReason: 'INVESTIGATION', approvedById: 'u-director' } }),
    },
  ],
  extensionRequested: [
    {
      name: 'no reason',
      ctx: ctx({ input: { extensionDays: 5 } }),
      code: 'EXTENSION_REASON_REQUIRED',
      field: 'reason',
    },
    {
      name: 'zero days',
      ctx: ctx({ input: { reason: '需现场调查', extensionDays: 0 } }),
      code: 'EXTENSION_DAYS_INVALID',
    },
    { name: 'reason and days', ctx: ctx({ input: { reason: '需现场调查', extensionDays: 15 } }) },
  ],
  extensionDecided: [
    { name: 'no decision', ctx: ctx({ input: {} }), code: 'EXTENSION_DECISION_REQUIRED', field: 'approved' },
    { name: 'rejected', ctx: ctx({ input: { approved: false } }) },
  ],
  suspensionRequested: [
    { name: 'no reason', ctx: ctx({ input: { reason: '  ' } }), code: 'SUSPENSION_REASON_REQUIRED', field: 'reason' },
    { name: 'a reason', ctx: ctx({ input: { reason: '需调取监控录像核实' } }) },
  ],
  suspensionDecided: [
    { name: 'no decision', ctx: ctx({ input: {} }), code: 'SUSPENSION_DECISION_REQUIRED', field: 'approved' },
    { name: 'approved', ctx: ctx({ input: { approved: true } }) },
  ],
  outcomeGiven: [
    { name: 'no outcome', ctx: ctx({ input: {} }), code: 'OUTCOME_REQUIRED', field: 'outcome' },
    {
      name: 'consultation outcome on a complaint',
      ctx: ctx({ input: { outcome: 'ANSWERED' } }),
      code: 'OUTCOME_NOT_FOR_KIND',
    },
    {
      name: 'terminated without ground',
      ctx: ctx({ input: { outcome: 'TERMINATED' } }),
      code: 'TERMINATION_GROUND_REQUIRED',
      field: 'terminationGround',
    },
    {
      name: 'negative amount',
      ctx: ctx({ input: { outcome: 'MEDIATED', amountRecovered: -1 } }),
      code: 'AMOUNT_INVALID',
    },
    {
      name: 'terminated with ground',
      ctx: ctx({ input: { outcome: 'TERMINATED', terminationGround: 'PERIOD_EXPIRED' } }),
    },
    {
      name: 'mediated with amount',
      ctx: ctx({ input: { outcome: 'MEDIATED', agreementText: '退款300元', amountRecovered: 300 } }),
    },
    { name: 'consultation answered', ctx: ctx({ kind: 'CONSULTATION', input: { outcome: 'ANSWERED' } }) },
  ],
  replyGiven: [
    { name: 'empty reply', ctx: ctx({ input: { content: '  ' } }), code: 'REPLY_REQUIRED', field: 'content' },
    { name: 'reply given', ctx: ctx({ input: { content: '经调解，商家已退款' } }) },
  ],
  answerGiven: [
    { name: 'no answer', ctx: ctx({ input: {} }), code: 'ANSWER_REQUIRED', field: 'content' },
    { name: 'answered', ctx: ctx({ input: { content: '七日无理由退货适用于网购商品' } }) },
  ],
  followUpGiven: [
    { name: 'no result', ctx: ctx({ input: {} }), code: 'FOLLOW_UP_RESULT_REQUIRED', field: 'followUpResult' },
    {
      name: 'reached without satisfaction',
      ctx: ctx({ input: { followUpResult: 'REACHED' } }),
      code: 'SATISFACTION_REQUIRED',
      field: 'satisfaction',
    },
    { name: 'unreachable', ctx: ctx({ input: { followUpResult: 'UNREACHABLE' } }) },
    {
      name: 'reached and basically satisfied',
      ctx: ctx({ input: { followUpResult: 'REACHED', satisfaction: 'BASIC' } }),
    },
  ],
};

describe('GUARDS', () => {
  it('has cases for every guard, at least one failing and one passing', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(GUARDS).sort());
    for (const cases of Object.values(CASES)) {
      expect(cases.some((c) => c.code)).toBe(true);
      expect(cases.some((c) => !c.code)).toBe(true);
    }
  });

  const rows = (Object.entries(CASES) as [GuardName, Case[]][]).flatMap(([guard, cases]) =>
    cases.map((c) => [guard, c.name, c] as const),
  );
  it.each(rows)('%s: %s', (guard, _name, c) => {
    const result = GUARDS[guard].check(c.ctx);
    if (!c.code) {
      expect(result).toBeNull();
      return;
    }
    expect(result?.code).toBe(c.code);
    expect(GUARDS[guard].codes).toContain(c.code);
    expect(result?.message).toMatch(/[\u4e00-\u9fff]/);
    if (c.field) expect(result?.field).toBe(c.field);
  });

  it('declares UPPER_SNAKE error codes', () => {
    for (const g of Object.values(GUARDS)) for (const code of g.codes) expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });
});

describe(actorNotRecused.name, () => {
  it('rejects a staff member who declared 回避', () => {
    expect(actorNotRecused(ctx({ case: { recusedUserIds: ['u-1'] } }))?.code).toBe('ACTOR_RECUSED');
  });
  it('passes anyone else', () => {
    expect(actorNotRecused(ctx({ case: { recusedUserIds: ['u-2'] } }))).toBeNull();
  });
});
