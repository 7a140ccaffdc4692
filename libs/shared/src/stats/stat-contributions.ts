import { toShanghaiDate, type IsoDate } from '../calendar/shanghai-time';

// What one case contributes to the statistics: a list of (metric, day, unit) rows. Every figure is a
// sum of these rows, the daily aggregates are their GROUP BY, and a drill-down lists the cases whose
// rows match the same filter — so figure, drill-down and export cannot disagree. Pure: the same
// stored facts give the same rows whenever they are computed (a rebuild equals incremental upkeep).

/** Counted facts. A figure of the KPI dictionary names one or two of these. */
export const StatMetric = {
  RECEIVED: 'RECEIVED', // 登记数 (every request, every round), at the registering unit, on the received day
  REOPENED: 'REOPENED', // a new round after an unsatisfied follow-up (…-R2), counted as its own request
  ACCEPTED: 'ACCEPTED', // 受理数: complaints/reports accepted (never pre-acceptance states, never rejected)
  COMPLAINT_ACCEPTED: 'COMPLAINT_ACCEPTED', // 受理投诉 (complaints only)
  REJECTED: 'REJECTED', // 不予受理
  CONCLUDED: 'CONCLUDED', // 办结, on the received day of the request
  MEDIATION_SUCCESS: 'MEDIATION_SUCCESS', // complaint concluded with outcome MEDIATED
  MEDIATION_DONE: 'MEDIATION_DONE', // complaint mediated to an end: MEDIATED, MEDIATION_FAILED or TERMINATED
  WITHDRAWN: 'WITHDRAWN',
  RECOVERED: 'RECOVERED', // 挽回经济损失: one row per concluded case with a recovered amount (amount column)
  DISPUTED: 'DISPUTED', // 争议额: amount involved of accepted complaints (amount column)
  PUBLISH_DUE: 'PUBLISH_DUE', // complaint concluded: due for 公示
  PUBLISHED: 'PUBLISHED', // …and the consumer consented to publication (no 公示 receipt is recorded yet)
  DISPATCHED: 'DISPATCHED', // dispatched at least once, on the first dispatch day
  REDISPATCHED: 'REDISPATCHED', // dispatched more than once (重派)
  RETURNED: 'RETURNED', // returned by a receiving unit at least once (退回)
  EXTENDED: 'EXTENDED', // an extension (延期) approved, on the acceptance day
  FOLLOWUP_REACHED: 'FOLLOWUP_REACHED', // 回访 reached the consumer with a satisfaction answer, on that day
  FOLLOWUP_SATISFIED: 'FOLLOWUP_SATISFIED', // …satisfied or basically satisfied
  OVERDUE_OPEN: 'OVERDUE_OPEN', // 超时未办结: a breached conclusion clock, case still open, on the breach day
  VIOLATION_1: 'VIOLATION_1', // 违诺: the responsible person's 1st of the year
  VIOLATION_2: 'VIOLATION_2', // 2nd
  VIOLATION_3: 'VIOLATION_3', // 3rd or later
  VIOLATION_UNIT: 'VIOLATION_UNIT', // a 违诺 with no responsible person (against the unit only)
} as const;
export type StatMetric = (typeof StatMetric)[keyof typeof StatMetric];

/** Clock metrics: `DUE:<rule>` (the clock fell due or was stopped, on its due day) and `ONTIME:<rule>`. */
export const dueMetric = (ruleCode: string): string => `DUE:${ruleCode}`;
export const onTimeMetric = (ruleCode: string): string => `ONTIME:${ruleCode}`;

/** The case row fields the statistics read (wq_case as it is; see libs/core/src/stats/stat-case-reader.ts). */
export interface StatCaseFacts {
  id: string;
  kind: string;
  channel: string;
  state: string;
  isOpen: boolean;
  round: number;
  receivedAt: Date;
  intakeUnitId: number;
  ownerUnitId: number;
  category: string | null;
  /** 投诉问题类别 code (problem_type dictionary), null when not recorded. */
  problemType: string | null;
  industry: string | null;
  outcome: string | null;
  amountInvolved: number | null;
  amountRecovered: number | null;
  consentPublication: boolean;
  /** Rejected (不予受理), whatever state it moved on to since (reject_ground is kept). */
  rejected: boolean;
  /** When acceptCase ran (null if never accepted). */
  acceptedAt: Date | null;
  concludedAt: Date | null;
  mergedIntoId: string | null;
  dispatches: { at: Date; returnedAt: Date | null }[];
  /** Approved extensions. */
  extensionsApproved: number;
  /** The last follow-up that reached the consumer with an answer. */
  followUp: { at: Date; satisfaction: string } | null;
  clocks: StatClockFacts[];
  violations: { at: Date; unitId: number; userId: number | null; ordinalInYear: number }[];
}

export interface StatClockFacts {
  ruleCode: string;
  status: 'RUNNING' | 'PAUSED' | 'MET' | 'BREACHED' | 'CANCELLED';
  dueAt: Date | null;
  stoppedAt: Date | null;
  breachedAt: Date | null;
  responsibleUnitId: number;
}

export interface StatContribution {
  metric: string;
  day: IsoDate;
  unitId: number;
  /** Sum column (RECOVERED, DISPUTED); 0 for plain counts. */
  amount: number;
}

/** Clocks whose breach makes a case 超时未办结 while it stays open. */
export const CONCLUSION_CLOCKS: readonly string[] = [
  'COMPLAINT_CONCLUDE',
  'REPORT_CONCLUDE',
  'STATION_CONCLUDE',
  'HOP_CONCLUDE',
  'STAT_MEDIATION',
];

/**
 * The rows one case contributes. Rules written out once here (the KPI dictionary describes them):
 * - counts of requests sit on the received day (Asia/Shanghai) — RECEIVED at the registering unit,
 *   everything else at the unit that owns the case now (a moved case takes its counts along);
 * - a clock counts on its due day at its responsible unit, once it is decided: MET (stopped in time)
 *   counts as due and on time; BREACHED counts as due and late from the moment of the breach, whether
 *   or not the case is still open; RUNNING/PAUSED clocks are not yet due; CANCELLED ones (the case was
 *   withdrawn, merged or closed before their stop event) count nowhere;
 * - a case merged into another (并案) counts as received but nothing after.
 */
export function caseContributions(c: StatCaseFacts): StatContribution[] {
  const out: StatContribution[] = [];
  const received = toShanghaiDate(c.receivedAt);
  const add = (metric: string, day: IsoDate, unitId = c.ownerUnitId, amount = 0) =>
    out.push({ metric, day, unitId, amount });

  add(StatMetric.RECEIVED, received, c.intakeUnitId);
  if (c.round > 1) add(StatMetric.REOPENED, received, c.intakeUnitId);
  if (c.mergedIntoId) return out;

  const dispute = c.kind === 'COMPLAINT' || c.kind === 'REPORT';
  if (dispute && c.acceptedAt) add(StatMetric.ACCEPTED, received);
  if (c.kind === 'COMPLAINT' && c.acceptedAt) add(StatMetric.COMPLAINT_ACCEPTED, received);
  if (c.rejected) add(StatMetric.REJECTED, received);
  if (c.concludedAt) add(StatMetric.CONCLUDED, received);
  if (c.kind === 'COMPLAINT' && c.acceptedAt) {
    if (c.outcome === 'MEDIATED') add(StatMetric.MEDIATION_SUCCESS, received);
    if (c.outcome === 'MEDIATED' || c.outcome === 'MEDIATION_FAILED' || c.outcome === 'TERMINATED') {
      add(StatMetric.MEDIATION_DONE, received);
    }
    if (c.outcome === 'WITHDRAWN') add(StatMetric.WITHDRAWN, received);
    if (c.amountInvolved) add(StatMetric.DISPUTED, received, c.ownerUnitId, c.amountInvolved);
    if (c.concludedAt) {
      add(StatMetric.PUBLISH_DUE, received);
      if (c.consentPublication) add(StatMetric.PUBLISHED, received);
    }
  }
  if (c.concludedAt && c.amountRecovered) add(StatMetric.RECOVERED, received, c.ownerUnitId, c.amountRecovered);

  if (c.dispatches.length) {
    const first = toShanghaiDate(c.dispatches[0]!.at);
    add(StatMetric.DISPATCHED, first);
    if (c.dispatches.length > 1) add(StatMetric.REDISPATCHED, first);
    if (c.dispatches.some((d) => d.returnedAt)) add(StatMetric.RETURNED, first);
  }
  if (c.acceptedAt && c.extensionsApproved > 0) add(StatMetric.EXTENDED, received);
  if (c.followUp) {
    const day = toShanghaiDate(c.followUp.at);
    add(StatMetric.FOLLOWUP_REACHED, day);
    if (c.followUp.satisfaction === 'SATISFIED' || c.followUp.satisfaction === 'BASIC') {
      add(StatMetric.FOLLOWUP_SATISFIED, day);
    }
  }

  let overdueOpen: StatClockFacts | null = null;
  for (const k of c.clocks) {
    if (k.status !== 'MET' && k.status !== 'BREACHED') continue;
    // A clock met while paused has no due time left: it counts on the day it was met.
    const dueDay = toShanghaiDate(k.dueAt ?? k.stoppedAt ?? k.breachedAt ?? c.receivedAt);
    add(dueMetric(k.ruleCode), dueDay, k.responsibleUnitId);
    if (k.status === 'MET') add(onTimeMetric(k.ruleCode), dueDay, k.responsibleUnitId);
    else if (c.isOpen && !c.concludedAt && CONCLUSION_CLOCKS.includes(k.ruleCode) && !k.stoppedAt) {
      if (!overdueOpen || (k.breachedAt ?? k.dueAt!) < (overdueOpen.breachedAt ?? overdueOpen.dueAt!)) overdueOpen = k;
    }
  }
  if (overdueOpen) {
    add(StatMetric.OVERDUE_OPEN, toShanghaiDate(overdueOpen.breachedAt ?? overdueOpen.dueAt!), c.ownerUnitId);
  }

  for (const v of c.violations) {
    const metric =
      v.userId == null
        ? StatMetric.VIOLATION_UNIT
        : v.ordinalInYear >= 3
          ? StatMetric.VIOLATION_3
          : v.ordinalInYear === 2
            ? StatMetric.VIOLATION_2
            : StatMetric.VIOLATION_1;
    add(metric, toShanghaiDate(v.at), v.unitId);
  }
  return out;
}
