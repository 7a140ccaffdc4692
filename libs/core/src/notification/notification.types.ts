import type { SmsOutboxEntity } from '../entities/deadline.entity';

/** An in-app notification for staff, written by {@link NotificationService.notifyUsers}. */
export interface NewNotification {
  /** UPPER_SNAKE, at most 32 characters, e.g. DEADLINE_WARNING; the console picks an icon by it. */
  kind: string;
  /** Clipped to 200 characters. */
  title: string;
  body?: string | null;
  caseId?: string | null;
  /**
   * Makes the call idempotent: stored per user as `${dedupeKey}:u${userId}` (at most 120 characters
   * in all), so a repeated call with the same key writes nothing for users who already have it.
   */
  dedupeKey?: string | null;
}

/** A consumer SMS for {@link SmsOutbox.enqueue}. */
export interface NewSms {
  /** Mainland mobile number; normalised (spaces, dashes, +86 dropped). Other numbers are skipped. */
  phone: string;
  /** 1–500 characters. */
  content: string;
  caseId?: string | null;
  /** At most 120 characters; a second enqueue with the same key returns the first row. */
  dedupeKey?: string | null;
}

export type SmsEnqueueResult =
  | { id: string; created: boolean; notBefore: Date; skipped?: undefined }
  /** The phone is not a mobile number (a landline cannot receive SMS): nothing was stored. */
  | { id: null; created: false; notBefore: null; skipped: 'NOT_MOBILE' };

export type SmsStatus = SmsOutboxEntity['status'];
export const SmsStatus = { PENDING: 'PENDING', SENT: 'SENT', FAILED: 'FAILED' } as const satisfies Record<
  SmsStatus,
  SmsStatus
>;
