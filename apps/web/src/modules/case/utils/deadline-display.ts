import type { CaseDeadlineFieldsFragment } from '@/graphql/generated/graphql';
import { formatDuration } from '@/utils/format';

export type CountdownTone = 'normal' | 'warning' | 'danger' | 'paused' | 'done' | 'muted';

export interface Countdown {
  tone: CountdownTone;
  /** i18n key and its params. */
  key: string;
  ms: number | null;
}

const WARN_MS = 24 * 3600_000;

/**
 * What a deadline shows at `now`: a running clock counts down to dueAt (red once past it);
 * a paused one shows 暂停 with the remaining time frozen; finished ones say how they ended.
 */
export function countdownOf(
  d: Pick<CaseDeadlineFieldsFragment, 'status' | 'dueAt' | 'remainingMs'>,
  now: number,
): Countdown {
  switch (d.status) {
    case 'RUNNING': {
      if (!d.dueAt) return { tone: 'paused', key: 'case.deadline.paused', ms: null };
      const ms = Date.parse(d.dueAt) - now;
      if (ms < 0) return { tone: 'danger', key: 'case.deadline.overdueBy', ms };
      return { tone: ms < WARN_MS ? 'warning' : 'normal', key: 'case.deadline.remaining', ms };
    }
    case 'PAUSED':
      return d.remainingMs != null
        ? { tone: 'paused', key: 'case.deadline.pausedRemaining', ms: d.remainingMs }
        : { tone: 'paused', key: 'case.deadline.paused', ms: null };
    case 'MET':
      return { tone: 'done', key: 'case.deadline.met', ms: null };
    case 'BREACHED':
      // Breached but still open: keep counting how late it is.
      if (d.dueAt) return { tone: 'danger', key: 'case.deadline.overdueBy', ms: Date.parse(d.dueAt) - now };
      return { tone: 'danger', key: 'case.deadline.breached', ms: null };
    default:
      return { tone: 'muted', key: 'case.deadline.cancelled', ms: null };
  }
}

const LIVE = new Set(['RUNNING', 'PAUSED']);

/** Live clocks (running, paused, or breached and still open) first by due time; finished ones after. */
export function liveFirst<T extends Pick<CaseDeadlineFieldsFragment, 'status' | 'dueAt' | 'stoppedAt'>>(
  deadlines: readonly T[],
): T[] {
  const live = (d: T): boolean => LIVE.has(d.status) || (d.status === 'BREACHED' && !d.stoppedAt);
  const due = (d: T): number => (d.dueAt ? Date.parse(d.dueAt) : Number.MAX_SAFE_INTEGER);
  return [...deadlines].sort((a, b) => Number(live(b)) - Number(live(a)) || due(a) - due(b));
}

/**
 * Time left in the clock's own unit: working days left of the days the rule counts (from its
 * explanation), calendar days, or hours; the last day as a ticking HH:MM:SS; overdue time in days/hours.
 */
export function timeInUnit(
  d: Pick<CaseDeadlineFieldsFragment, 'unit' | 'explanation'>,
  ms: number,
  today: string,
): string {
  if (ms < 0 || Math.abs(ms) < 86_400_000) return formatDuration(ms);
  switch (d.unit) {
    case 'WORKING_DAYS': {
      const counted = parseExplanation(d.explanation).counted.filter((day) => day >= today).length;
      return counted > 0 ? `${counted} 个工作日` : formatDuration(ms);
    }
    case 'CALENDAR_DAYS':
      return `${Math.ceil(ms / 86_400_000)} 日`;
    case 'HOURS':
      return `${Math.floor(ms / 3_600_000)} 小时`;
    default:
      return formatDuration(ms);
  }
}

export interface ExplanationView {
  rule?: string;
  trigger?: string;
  counted: string[];
  skipped: { date: string; reason: string; name?: string }[];
  pausedMs: number;
  rolledOver?: { from: string; to: string; name?: string };
  calendarVersion?: string;
  convention?: string;
  raw: string;
}

/** The `explanation` JSON, read defensively (it is the server's record, not a contract). */
export function parseExplanation(json: string): ExplanationView {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed && typeof parsed === 'object') value = parsed as Record<string, unknown>;
  } catch {
    // shown raw below
  }
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const trigger = value.trigger as { instant?: unknown } | undefined;
  return {
    rule: str(value.rule),
    trigger: str(trigger?.instant),
    counted: Array.isArray(value.counted) ? value.counted.filter((d): d is string => typeof d === 'string') : [],
    skipped: Array.isArray(value.skipped) ? (value.skipped as ExplanationView['skipped']) : [],
    pausedMs: typeof value.pausedMs === 'number' ? value.pausedMs : 0,
    rolledOver: value.rolledOver as ExplanationView['rolledOver'],
    calendarVersion: str(value.calendarVersion),
    convention: str(value.convention),
    raw: (() => {
      try {
        return JSON.stringify(JSON.parse(json), null, 2);
      } catch {
        return json;
      }
    })(),
  };
}
