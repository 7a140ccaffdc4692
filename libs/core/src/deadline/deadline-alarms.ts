import type { WorkingCalendar } from '@weiquan/shared';
import type { CaseDeadlineEntity } from '../entities/deadline.entity';
import { escalationInstant, warningsOf } from './deadline-math';
import type { EscalationStep } from './default-rules';

// The alarm clock of a deadline row. A live deadline (running, or breached and not yet stopped) has a
// short list of alarms — its warnings, its due time, the steps of its rule's escalation ladder — and
// at most one of them sits on the queue at a time: the next one whose effect is not yet in the ledger
// (deadline_effect), once it rings within REPAIR_HORIZON_MS. When it rings, the worker applies it and
// queues the following one. So Redis holds at most one job per live deadline, whatever the rules, and the
// reconciler repairs one job per deadline.

export interface DeadlineJob {
  deadlineId: string;
  version: number;
  kind: 'warn' | 'due' | 'step';
  fraction?: number;
  step?: number;
}

/**
 * Alarms are queued once they ring within this horizon: by the step that sets them (after its commit)
 * when they ring that soon, otherwise by the reconciler (every 30 s) as they come within it. Redis
 * holds the next day's alarms, not one job per live deadline; after Redis lost everything a pass
 * re-queues the next day's instead of every alarm of every deadline.
 */
export const REPAIR_HORIZON_MS = 24 * 3_600_000;

export interface Alarm {
  job: DeadlineJob;
  at: Date;
}

/** What the alarm computation reads from a deadline row. */
export type AlarmRow = Pick<
  CaseDeadlineEntity,
  | 'id'
  | 'version'
  | 'status'
  | 'ruleId'
  | 'ruleCode'
  | 'startedAt'
  | 'dueAt'
  | 'stoppedAt'
  | 'amount'
  | 'extendedAmount'
  | 'unit'
  | 'pauses'
  | 'warnFractions'
>;

const JOB_ID = /^dl-(\d+)-v(\d+)-(due|w\d+|s\d+)(?:-at\d+)?$/;

/** Deterministic job ids: re-adding the same alarm is a no-op, a new version gets new alarms. */
export function jobId(j: DeadlineJob): string {
  const tail = j.kind === 'due' ? 'due' : j.kind === 'step' ? `s${j.step}` : `w${Math.round((j.fraction ?? 0) * 100)}`;
  return `dl-${j.deadlineId}-v${j.version}-${tail}`;
}

/** The job id's parts (`dl-<deadline>-v<version>-<due|w50|s1>[-at<ms>]`), or null for another job (the reconciler's). */
export function parseJobId(id: string): { deadlineId: string; version: number; effect: string } | null {
  const m = JOB_ID.exec(id);
  if (!m) return null;
  const tail = m[3]!;
  const effect = tail === 'due' ? 'breach' : tail.startsWith('w') ? `warn-${tail.slice(1)}` : `step-${tail.slice(1)}`;
  return { deadlineId: m[1]!, version: Number(m[2]), effect };
}

/** The ledger entry (deadline_effect.effect) an alarm claims: warn-50, breach, step-0. */
export function effectOf(j: DeadlineJob): string {
  if (j.kind === 'due') return 'breach';
  if (j.kind === 'step') return `step-${j.step}`;
  return `warn-${Math.round((j.fraction ?? 0) * 100)}`;
}

/** Running, or breached and not yet stopped: the rows that still have alarms. */
export function isLive(d: Pick<CaseDeadlineEntity, 'status' | 'stoppedAt' | 'dueAt'>): boolean {
  return !d.stoppedAt && !!d.dueAt && (d.status === 'RUNNING' || d.status === 'BREACHED');
}

// A reconciler pass computes the next alarm of every live deadline (hundreds of thousands), so the
// calendar arithmetic is memoised per calendar: warning instants of day-unit clocks without pauses
// depend only on the trigger's Shanghai date, the amount, the unit and the fractions (the trigger day
// is never counted); ladder instants only on the due date and the offset. (~100 µs each otherwise.)
interface Memo {
  warnings: Map<string, { fraction: number; at: Date }[]>;
  steps: Map<number, number>;
}
const memos = new WeakMap<WorkingCalendar, Memo>();
const SH_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const shanghaiDayNo = (t: number) => Math.floor((t + SH_MS) / DAY_MS);

function memoOf(cal: WorkingCalendar): Memo {
  let memo = memos.get(cal);
  if (!memo) memos.set(cal, (memo = { warnings: new Map(), steps: new Map() }));
  return memo;
}

function warnings(cal: WorkingCalendar, d: AlarmRow): { fraction: number; at: Date }[] {
  if (!d.warnFractions?.length) return [];
  if (d.unit === 'HOURS' || d.pauses?.length) return warningsOf(cal, d);
  const memo = memoOf(cal).warnings;
  const key = `${shanghaiDayNo(d.startedAt.getTime())}|${d.amount + d.extendedAmount}|${d.unit}|${d.warnFractions.join(',')}`;
  let hit = memo.get(key);
  if (!hit) memo.set(key, (hit = warningsOf(cal, d)));
  return hit;
}

/** escalationInstant, memoised on (due date, offset). */
function stepAt(cal: WorkingCalendar, dueAt: Date, offset: number): number {
  const memo = memoOf(cal).steps;
  const key = shanghaiDayNo(dueAt.getTime()) * 64 + (offset + 32);
  let at = memo.get(key);
  if (at === undefined) memo.set(key, (at = escalationInstant(cal, dueAt, offset).getTime()));
  return at;
}

const KIND_ORDER = { warn: 0, step: 1, due: 2 } as const;
const compare = (a: Alarm, b: Alarm) =>
  a.at.getTime() - b.at.getTime() ||
  KIND_ORDER[a.job.kind] - KIND_ORDER[b.job.kind] ||
  (a.job.fraction ?? a.job.step ?? 0) - (b.job.fraction ?? b.job.step ?? 0);

/**
 * Every alarm of a live deadline, earliest first: while it runs, its warnings and its due time; while it
 * runs or stays breached, the steps of its escalation ladder (they outlive the breach).
 */
export function alarmsOf(cal: WorkingCalendar, d: AlarmRow, ladder: readonly EscalationStep[]): Alarm[] {
  if (!isLive(d)) return [];
  const out: Alarm[] = [];
  const base = { deadlineId: d.id, version: d.version };
  if (d.status === 'RUNNING') {
    for (const w of warnings(cal, d)) out.push({ job: { ...base, kind: 'warn', fraction: w.fraction }, at: w.at });
    out.push({ job: { ...base, kind: 'due' }, at: d.dueAt! });
  }
  ladder.forEach((s, step) =>
    out.push({ job: { ...base, kind: 'step', step }, at: new Date(stepAt(cal, d.dueAt!, s.offsetWorkingDays)) }),
  );
  return out.sort(compare);
}

/**
 * The one alarm a live deadline has on the queue: the earliest whose effect is not in the ledger yet.
 * Once the due time has passed, what was meant to come before it — a warning, a reminder of the ladder
 * ("two days left", "due today") still outstanding after an outage — is pointless: the breach comes
 * first, then the steps after the due time. (The first such entry of alarmsOf, without building and
 * sorting the list.)
 */
export function nextAlarm(
  cal: WorkingCalendar,
  d: AlarmRow,
  ladder: readonly EscalationStep[],
  applied: ReadonlySet<string>,
  now: Date,
): Alarm | null {
  if (!isLive(d)) return null;
  const due = d.dueAt!.getTime();
  const overdue = due <= now.getTime();
  let kind: DeadlineJob['kind'] | null = null;
  let at = Infinity;
  let rank = 0; // fraction or step index, for ties
  const consider = (k: DeadlineJob['kind'], t: number, r: number) => {
    if (t < at || (t === at && (KIND_ORDER[k] < KIND_ORDER[kind!] || (k === kind && r < rank)))) {
      kind = k;
      at = t;
      rank = r;
    }
  };
  if (d.status === 'RUNNING') {
    if (!overdue)
      for (const w of warnings(cal, d))
        if (!applied.has(`warn-${Math.round(w.fraction * 100)}`)) consider('warn', w.at.getTime(), w.fraction);
    if (!applied.has('breach')) consider('due', due, 0);
  }
  for (let i = 0; i < ladder.length; i++) {
    if (applied.has(`step-${i}`)) continue;
    const t = stepAt(cal, d.dueAt!, ladder[i]!.offsetWorkingDays);
    if (!(overdue && t < due)) consider('step', t, i);
  }
  if (kind === null) return null;
  const job: DeadlineJob = { deadlineId: d.id, version: d.version, kind };
  if (kind === 'warn') job.fraction = rank;
  if (kind === 'step') job.step = rank;
  return { job, at: new Date(at) };
}
