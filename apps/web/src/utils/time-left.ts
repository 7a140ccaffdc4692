// Time left on a work item, as the queues show it. The APIs count in different units
// (legal: ms, mediation: seconds, litigation link: minutes); callers convert to ms first.

export type TimeLeftLevel = 'none' | 'overdue' | 'urgent' | 'soon' | 'normal';

export interface TimeLeft {
  level: TimeLeftLevel;
  /** Compact duration, e.g. "2天3小时", "5小时12分", "45分"; '' when there is no time limit. */
  duration: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Under a day left is urgent, under three days soon. */
export const URGENT_MS = DAY;
export const SOON_MS = 3 * DAY;

/** "2天3小时" / "5小时12分" / "45分" / "不足1分" of an absolute duration. */
export function compactDuration(ms: number): string {
  const abs = Math.abs(ms);
  const days = Math.floor(abs / DAY);
  const hours = Math.floor((abs % DAY) / HOUR);
  const minutes = Math.floor((abs % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days}天${hours}小时` : `${days}天`;
  if (hours > 0) return minutes > 0 ? `${hours}小时${minutes}分` : `${hours}小时`;
  return minutes > 0 ? `${minutes}分` : '不足1分';
}

/** Classifies the time left (negative = overdue); null/undefined = no time limit. */
export function timeLeftOf(ms: number | null | undefined, overdue = false): TimeLeft {
  if (ms == null) return { level: overdue ? 'overdue' : 'none', duration: '' };
  if (ms < 0 || overdue) return { level: 'overdue', duration: compactDuration(ms) };
  if (ms < URGENT_MS) return { level: 'urgent', duration: compactDuration(ms) };
  if (ms < SOON_MS) return { level: 'soon', duration: compactDuration(ms) };
  return { level: 'normal', duration: compactDuration(ms) };
}

/** Element Plus tag type per level. */
export const TIME_LEFT_TAG: Record<TimeLeftLevel, 'danger' | 'warning' | 'primary' | 'success' | 'info'> = {
  overdue: 'danger',
  urgent: 'warning',
  soon: 'primary',
  normal: 'success',
  none: 'info',
};
