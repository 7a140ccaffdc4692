// Consumer SMS go out only in the daytime (Asia/Shanghai, a fixed UTC+8): a message produced in
// the evening or at night is held until the next morning. Pure functions: `now` is passed in.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A daily sending window in Shanghai local time, as minutes after midnight: [start, end). */
export interface SendingWindow {
  startMinute: number;
  endMinute: number;
}

/** 08:00–21:00 Shanghai time: 08:00 sends at once, 21:00 is already held. */
export const DEFAULT_SENDING_WINDOW: Readonly<SendingWindow> = { startMinute: 8 * 60, endMinute: 21 * 60 };

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

/**
 * Parses 'HH:MM-HH:MM' (e.g. '08:00-21:00'); the start must be before the end (no window across
 * midnight). Returns null when the text is not such a window.
 */
export function parseSendingWindow(text: string): SendingWindow | null {
  const m = WINDOW.exec(text.trim());
  if (!m) return null;
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  if (endMinute > 24 * 60 || startMinute >= endMinute) return null;
  return { startMinute, endMinute };
}

/** True when `now` falls inside the window (Shanghai local time). */
export function isInSendingWindow(now: Date, window: SendingWindow = DEFAULT_SENDING_WINDOW): boolean {
  const local = msIntoShanghaiDay(now);
  return local >= window.startMinute * MINUTE_MS && local < window.endMinute * MINUTE_MS;
}

/**
 * The earliest instant a consumer message produced at `now` may be sent: `now` itself inside the
 * window, otherwise the next window start — the same morning before it opens (07:59 → 08:00),
 * the next morning after it closes (21:00 or 23:30 → 08:00 the next Shanghai day).
 */
export function nextSendingTime(now: Date, window: SendingWindow = DEFAULT_SENDING_WINDOW): Date {
  const t = now.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid Date');
  const local = msIntoShanghaiDay(now);
  const dayStart = t - local; // 00:00 Shanghai of now's Shanghai date
  if (local < window.startMinute * MINUTE_MS) return new Date(dayStart + window.startMinute * MINUTE_MS);
  if (local < window.endMinute * MINUTE_MS) return new Date(t);
  return new Date(dayStart + DAY_MS + window.startMinute * MINUTE_MS);
}

// Milliseconds since 00:00 Shanghai time of the instant's Shanghai date.
function msIntoShanghaiDay(now: Date): number {
  const shifted = now.getTime() + SHANGHAI_OFFSET_MS;
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}
