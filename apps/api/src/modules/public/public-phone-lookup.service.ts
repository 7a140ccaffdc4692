import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { isMobilePhone } from '@weiquan/shared';
import { AppConfig, CaseEntity, Clock, REDIS, SmsOutbox } from '@weiquan/core';
import { codeHash, newSmsCode, sameHash } from './public-codes';
import { PublicLookupCodeInput } from './public.input';
import { PublicSmsCodeSent } from './public.model';
import { PublicSubmissionService } from './public-submission.service';
import { PublicThrottle } from './public-throttle.service';

export const LOOKUP_CODE_MINUTES = 10;
const LOOKUP_CODE_TRIES = 5;

interface StoredCode {
  hash: string;
  tries: number;
  expiresAt: number;
}

/**
 * Lookup without the 查询码 (a case registered by phone or at a counter has none): case number + the last
 * four digits of the consumer's mobile number + an SMS code sent to that number through the outbox.
 * Asking for a code answers the same whether or not the number and digits match (only a match sends an
 * SMS, to the number on record), and is counted per address and per case number (existing or not) so
 * nobody can flood a consumer's phone. A code is valid LOOKUP_CODE_MINUTES for the lookups, follow-up
 * and downloads of that visit, LOOKUP_CODE_TRIES wrong tries kill it, and wrong codes count as failed
 * lookups like wrong 查询码.
 */
@Injectable()
export class PublicPhoneLookupService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly outbox: SmsOutbox,
    private readonly throttle: PublicThrottle,
    private readonly submissions: PublicSubmissionService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  async sendCode(address: string, input: PublicLookupCodeInput): Promise<PublicSmsCodeSent> {
    const caseNo = normalizeCaseNo(input.caseNo);
    await this.throttle.consume('smsCodeAddress', address, '获取验证码过于频繁');
    await this.throttle.consume('lookupCodeCase', caseNo, '该案件编号获取验证码过于频繁');
    const c = await this.ds.getRepository(CaseEntity).findOne({
      where: { caseNo },
      select: { id: true, caseNo: true, consumerPhone: true },
    });
    const phone = c?.consumerPhone ?? '';
    if (c && isMobilePhone(phone) && phone.endsWith(input.phoneLast4)) {
      const code = newSmsCode();
      const stored: StoredCode = {
        hash: this.hash(c.id, input.phoneLast4, code),
        tries: 0,
        expiresAt: this.clock.now().getTime() + LOOKUP_CODE_MINUTES * 60_000,
      };
      await this.redis.set(this.key(c.id), JSON.stringify(stored), 'EX', LOOKUP_CODE_MINUTES * 60);
      const center = await this.submissions.cityCenter();
      await this.ds.transaction((m) =>
        this.outbox.enqueue(m, {
          phone,
          caseId: c.id,
          content: `【${center.name}】您查询案件 ${c.caseNo} 办理进度的验证码为 ${code}，${LOOKUP_CODE_MINUTES} 分钟内有效。如非本人操作请忽略。`,
        }),
      );
    }
    return { validMinutes: LOOKUP_CODE_MINUTES };
  }

  /** True when the code is the one sent for this case and these digits, still valid; counts a wrong try. */
  async matches(c: CaseEntity | undefined, phoneLast4: string, smsCode: string): Promise<boolean> {
    // The same work for a missing case: one Redis read, one HMAC, one comparison.
    const raw = await this.redis.get(this.key(c?.id ?? '0'));
    const stored = raw ? (JSON.parse(raw) as StoredCode) : null;
    const given = this.hash(c?.id ?? '0', phoneLast4, smsCode);
    if (!c || !stored) return false;
    const live = stored.tries < LOOKUP_CODE_TRIES && stored.expiresAt > this.clock.now().getTime();
    if (live && sameHash(stored.hash, given)) return true;
    await this.redis.set(this.key(c.id), JSON.stringify({ ...stored, tries: stored.tries + 1 }), 'KEEPTTL');
    return false;
  }

  private key(caseId: string): string {
    return `${this.config.QUEUE_PREFIX}:public:lookupcode:${caseId}`;
  }

  // Bound to the case and the four digits: a code works only with the digits it was asked with.
  private hash(caseId: string, phoneLast4: string, code: string): string {
    return codeHash(this.config.JWT_SECRET, `lookup:${caseId}:${phoneLast4}`, code);
  }
}

export function normalizeCaseNo(caseNo: string): string {
  return String(caseNo).trim().toUpperCase().slice(0, 40);
}
