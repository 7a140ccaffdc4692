import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { isMobilePhone, maskPhone, normalizePhone } from '@weiquan/shared';
import { AppConfig } from '../config/app-config';
import { SmsOutboxEntity } from '../entities/deadline.entity';
import { Clock } from '../time/clock';
import { NewSms, SmsEnqueueResult, SmsStatus } from './notification.types';
import { nextSendingTime } from './quiet-hours';

const CONTENT_MAX = 500;
const DEDUPE_MAX = 120;

/**
 * The consumer SMS outbox: `enqueue` stores a PENDING row inside the caller's transaction with
 * `not_before` set by the sending hours (SMS_SENDING_HOURS, Shanghai time: a message produced at
 * 22:30 waits until 08:00). The worker's `notification` queue sends due rows (sweep every minute,
 * retries with backoff); the table, not the queue, is the truth.
 */
@Injectable()
export class SmsOutbox {
  private readonly log = new Logger(SmsOutbox.name);

  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async enqueue(m: EntityManager, sms: NewSms): Promise<SmsEnqueueResult> {
    const content = sms.content?.trim() ?? '';
    const length = Array.from(content).length;
    if (!length || length > CONTENT_MAX)
      throw new Error(`SmsOutbox.enqueue: content must be 1–${CONTENT_MAX} characters (got ${length})`);
    const dedupeKey = sms.dedupeKey?.trim() || null;
    if (dedupeKey && dedupeKey.length > DEDUPE_MAX)
      throw new Error(`SmsOutbox.enqueue: dedupeKey is longer than ${DEDUPE_MAX} characters`);
    const phone = normalizePhone(sms.phone ?? '');
    if (!isMobilePhone(phone)) {
      this.log.warn(
        `SMS not stored: ${maskPhone(phone)} is not a mobile number${sms.caseId ? ` (case ${sms.caseId})` : ''}`,
      );
      return { id: null, created: false, notBefore: null, skipped: 'NOT_MOBILE' };
    }
    const now = this.clock.now();
    const notBefore = nextSendingTime(now, this.config.smsSendingWindow);
    const res = await m
      .createQueryBuilder()
      .insert()
      .into(SmsOutboxEntity)
      .values({
        phone,
        content,
        caseId: sms.caseId ?? null,
        dedupeKey,
        status: SmsStatus.PENDING,
        attempts: 0,
        notBefore,
        sentAt: null,
        providerRef: null,
        lastError: null,
        createdAt: now,
      })
      .orIgnore()
      .updateEntity(false)
      .execute();
    const raw = res.raw as { affectedRows?: number; insertId?: number | string };
    if (Number(raw.affectedRows ?? 0) === 1) return { id: String(raw.insertId), created: true, notBefore };
    // Ignored: the dedupe key exists. A locking read also sees a row another transaction committed
    // after this one's snapshot.
    const existing = dedupeKey
      ? await m.findOne(SmsOutboxEntity, { where: { dedupeKey }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!existing) throw new Error('SmsOutbox.enqueue: insert ignored without a duplicate row');
    return { id: String(existing.id), created: false, notBefore: existing.notBefore };
  }
}
