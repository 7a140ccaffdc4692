import { computeKpi, KPI_BY_CODE, KPI_DEFINITIONS } from './kpi-dictionary';
import { caseContributions, type StatCaseFacts, type StatClockFacts, StatMetric } from './stat-contributions';
import { sumContributions } from './stat-filter';

// Units of a small tree: city 1 → county A 2 (station 4) and county B 3.
const PATHS: Record<number, string> = { 1: '/1/', 2: '/1/2/', 3: '/1/3/', 4: '/1/2/4/' };
const under = (root: number) => (unitId: number) => PATHS[unitId]!.startsWith(PATHS[root]!);

// Times are UTC; the statistics count days in Asia/Shanghai (UTC+8).
const t = (iso: string) => new Date(iso);
const clock = (
  ruleCode: string,
  status: StatClockFacts['status'],
  due: string,
  extra: Partial<StatClockFacts> = {},
) => ({
  ruleCode,
  status,
  dueAt: t(due),
  stoppedAt: status === 'MET' ? t(due) : null,
  breachedAt: status === 'BREACHED' ? t(due) : null,
  responsibleUnitId: 1,
  ...extra,
});

function complaint(id: string, over: Partial<StatCaseFacts>): StatCaseFacts {
  return {
    id,
    kind: 'COMPLAINT',
    channel: 'PHONE_12315',
    state: 'IN_PROGRESS',
    isOpen: true,
    round: 1,
    receivedAt: t('2026-03-02T02:00:00Z'),
    intakeUnitId: 1,
    ownerUnitId: 1,
    category: '食品类',
    problemType: 'QUALITY',
    industry: '餐饮',
    outcome: null,
    amountInvolved: null,
    amountRecovered: null,
    consentPublication: false,
    rejected: false,
    acceptedAt: t('2026-03-03T02:00:00Z'),
    concludedAt: null,
    mergedIntoId: null,
    dispatches: [],
    extensionsApproved: 0,
    followUp: null,
    clocks: [],
    violations: [],
    ...over,
  };
}

const concluded = (outcome: string, at = '2026-03-15T02:00:00Z') => ({
  state: 'CONCLUDED',
  outcome,
  concludedAt: t(at),
});

const CASES: StatCaseFacts[] = [
  // c1: mediated in time; the consumer was unsatisfied, so c7 is its second round.
  complaint('1', {
    ...concluded('MEDIATED'),
    amountRecovered: 500,
    amountInvolved: 800,
    consentPublication: true,
    followUp: { at: t('2026-03-20T02:00:00Z'), satisfaction: 'UNSATISFIED' },
    clocks: [
      clock('STAT_ACCEPT', 'MET', '2026-03-05T15:59:59Z'),
      clock('STAT_MEDIATION', 'MET', '2026-03-20T15:59:59Z'),
    ],
  }),
  // c2: open and overdue since 25 March: counts against the on-time rate now, and as 超时未办结.
  complaint('2', {
    clocks: [clock('STAT_MEDIATION', 'BREACHED', '2026-03-25T15:59:59Z')],
    violations: [{ at: t('2026-03-25T16:00:00Z'), unitId: 1, userId: 10, ordinalInYear: 1 }],
  }),
  // c3: overdue on 26 March, concluded two days later (still late; no longer 超时未办结).
  complaint('3', {
    ...concluded('MEDIATION_FAILED', '2026-03-28T02:00:00Z'),
    followUp: { at: t('2026-03-29T02:00:00Z'), satisfaction: 'SATISFIED' },
    clocks: [clock('STAT_MEDIATION', 'BREACHED', '2026-03-26T15:59:59Z', { stoppedAt: t('2026-03-28T02:00:00Z') })],
    violations: [
      { at: t('2026-03-26T16:00:00Z'), unitId: 1, userId: 10, ordinalInYear: 2 },
      { at: t('2026-03-26T16:00:00Z'), unitId: 1, userId: null, ordinalInYear: 1 },
    ],
  }),
  // c4: running, due in April: not in March's denominator.
  complaint('4', { clocks: [clock('STAT_MEDIATION', 'RUNNING', '2026-04-10T15:59:59Z', { stoppedAt: null })] }),
  // c5: withdrawn (concluded WITHDRAWN in time): on time, not a mediation result.
  complaint('5', {
    ...concluded('WITHDRAWN', '2026-03-30T02:00:00Z'),
    followUp: { at: t('2026-03-31T02:00:00Z'), satisfaction: 'BASIC' },
    clocks: [clock('STAT_MEDIATION', 'MET', '2026-03-30T15:59:59Z')],
  }),
  // c6: rejected in time: counts for 初查, never as accepted.
  complaint('6', {
    state: 'CLOSED',
    isOpen: false,
    rejected: true,
    acceptedAt: null,
    clocks: [clock('STAT_ACCEPT', 'MET', '2026-03-09T15:59:59Z')],
  }),
  // c7: c1's second round (WQ-…-R2), its own request on its own received day.
  complaint('7', { round: 2, receivedAt: t('2026-03-22T02:00:00Z'), acceptedAt: t('2026-03-22T03:00:00Z') }),
  // c8: registered by the city, sent to station 4 (its 15-day clock breached there), returned and sent to
  // county B, which owns it now.
  complaint('8', {
    ownerUnitId: 3,
    dispatches: [
      { at: t('2026-03-03T03:00:00Z'), returnedAt: t('2026-03-05T03:00:00Z') },
      { at: t('2026-03-06T03:00:00Z'), returnedAt: null },
    ],
    extensionsApproved: 1,
    clocks: [
      clock('STATION_CONCLUDE', 'BREACHED', '2026-03-18T15:59:59Z', {
        responsibleUnitId: 4,
        stoppedAt: t('2026-03-19T02:00:00Z'),
      }),
      clock('COMPLAINT_CONCLUDE', 'MET', '2026-03-12T15:59:59Z'),
      clock('STAT_ACCEPT', 'CANCELLED', '2026-03-11T15:59:59Z'),
    ],
  }),
  // c9: received 31 March 17:00 UTC = 1 April 01:00 in Shanghai: April's.
  complaint('9', { kind: 'CONSULTATION', acceptedAt: null, receivedAt: t('2026-03-31T17:00:00Z') }),
];

const ROWS = CASES.flatMap(caseContributions);
const MARCH: [string, string] = ['2026-03-01', '2026-03-31'];
const kpi = (code: string, root = 1, [from, to] = MARCH) =>
  computeKpi(KPI_BY_CODE.get(code)!, sumContributions(ROWS, from, to, under(root)));

describe('KPI dictionary on a hand-built March', () => {
  it('投诉按时办结率 = 2 on time of 4 due (c1, c5 met; c2 open overdue and c3 late count against; c4 not due)', () => {
    expect(kpi('ONTIME_CONCLUDE')).toEqual({ code: 'ONTIME_CONCLUDE', numerator: 2, denominator: 4, value: 0.5 });
    // dividing by closed cases instead would have hidden c2: 2 of 3
  });

  it('投诉按时初查率 counts the rejection (c6) as a decision in time; a cancelled clock (c8) counts nowhere', () => {
    expect(kpi('ONTIME_FIRST_CHECK')).toMatchObject({ numerator: 2, denominator: 2, value: 1 });
  });

  it('超时未办结 is the open overdue case only', () => {
    expect(kpi('OVERDUE_OPEN')).toMatchObject({ value: 1 });
    expect(ROWS.filter((r) => r.metric === StatMetric.OVERDUE_OPEN).map((r) => r.day)).toEqual(['2026-03-25']); // due 23:59:59 in Shanghai on the 25th;
  });

  it('调解成功率 names its denominator: 1 of 7 accepted complaints, 1 of 2 mediated (withdrawn c5 excluded)', () => {
    // accepted: c1 c2 c3 c4 c5 c7 c8 (c6 rejected, c9 a consultation in April)
    expect(kpi('MEDIATION_RATE_ACCEPTED')).toMatchObject({ numerator: 1, denominator: 7 });
    expect(kpi('MEDIATION_RATE_MEDIATED')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('a reopened round is its own request and leaves the first untouched', () => {
    expect(kpi('RECEIVED')).toMatchObject({ value: 8 }); // c1–c8; c9 is April's
    expect(kpi('REOPENED')).toMatchObject({ value: 1 });
    expect(kpi('RECEIVED', 1, ['2026-04-01', '2026-04-30'])).toMatchObject({ value: 1 });
  });

  it('不予受理 and 受理 are disjoint; withdrawn is counted as such', () => {
    expect(kpi('REJECTED')).toMatchObject({ value: 1 });
    expect(kpi('ACCEPTED')).toMatchObject({ value: 7 });
    expect(ROWS.filter((r) => r.metric === StatMetric.WITHDRAWN).length).toBe(1);
  });

  it('a moved case: received at the city, accepted at its owner now (county B), its breached station clock at station 4', () => {
    expect(kpi('RECEIVED', 3)).toMatchObject({ value: 0 });
    expect(kpi('ACCEPTED', 3)).toMatchObject({ value: 1 });
    expect(kpi('ONTIME_STATION_CONCLUDE', 2)).toMatchObject({ numerator: 0, denominator: 1, value: 0 });
    expect(kpi('ONTIME_STATION_CONCLUDE', 3)).toMatchObject({ denominator: 0, value: null });
    expect(kpi('ONTIME_COMPLAINT_CONCLUDE', 1)).toMatchObject({ numerator: 1, denominator: 1 });
  });

  it('重派率, 退回率, 延期率', () => {
    expect(kpi('REDISPATCH_RATE')).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
    expect(kpi('RETURN_RATE')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(kpi('EXTENSION_RATE')).toMatchObject({ numerator: 1, denominator: 7 });
  });

  it('满意率 = satisfied + basically satisfied of reached follow-ups: 2 of 3', () => {
    expect(kpi('SATISFACTION_RATE')).toMatchObject({ numerator: 2, denominator: 3 });
  });

  it('违诺 by level: the person’s 1st and 2nd of the year, one against the unit only', () => {
    expect(
      [kpi('VIOLATION_1'), kpi('VIOLATION_2'), kpi('VIOLATION_3'), kpi('VIOLATION_UNIT')].map((k) => k.value),
    ).toEqual([1, 1, 0, 1]);
  });

  it('公示率 and amounts: recovered 500 yuan, disputed 800, 1 of 3 concluded complaints publishable', () => {
    expect(kpi('RECOVERED')).toMatchObject({ value: 500 });
    expect(kpi('DISPUTED')).toMatchObject({ value: 800 });
    expect(kpi('PUBLICATION_RATE')).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('a merged request (并案) counts as received and nothing else', () => {
    const rows = caseContributions(
      complaint('m', { mergedIntoId: '1', clocks: [clock('STAT_ACCEPT', 'MET', '2026-03-05T00:00:00Z')] }),
    );
    expect(rows.map((r) => r.metric)).toEqual([StatMetric.RECEIVED]);
  });

  it('every definition is complete and every rate names its denominator', () => {
    const codes = new Set<string>();
    for (const k of KPI_DEFINITIONS) {
      expect(codes.has(k.code)).toBe(false);
      codes.add(k.code);
      expect(k.name && k.period && k.exclusions && k.definition && k.version >= 1).toBeTruthy();
      if (k.type === 'RATE') expect(k.denominator && k.denominatorLabel).toBeTruthy();
    }
  });
});
