import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, AppError, ErrorCode, REDIS } from '@weiquan/core';

const MINUTE = 60;
const DAY = 86_400;

/** The counters of the public operations; each is a window of `duration` seconds. */
type Counter =
  | 'lookup' // every lookup, per address
  | 'failedLookupAddress' // wrong number or code, per address
  | 'failedLookupCase' // wrong code for one case number (existing or not), from any address
  | 'submitAddress'
  | 'submitPhone' // hard cap per phone and day
  | 'freeSubmitPhone' // the first submission of the day from a phone needs no SMS code
  | 'smsCodeAddress'
  | 'smsCodePhone'
  | 'suggestionAddress'
  | 'lookupCodeCase'; // lookup SMS codes asked for one case number (existing or not), from any address

/**
 * Throttles of the public site, shared by every API process (Redis, rate-limiter-flexible, the same as
 * login throttling). A refusal answers TOO_MANY_REQUESTS with `retryAfterSeconds`, before any lookup,
 * so an enumeration learns nothing from it. Addresses in PUBLIC_THROTTLE_EXEMPT skip the per-address
 * counters (the bench); the per-case and per-phone counters apply to everybody.
 */
@Injectable()
export class PublicThrottle {
  private readonly limiters: Record<Counter, RateLimiterRedis>;

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) redis: IORedis,
  ) {
    const make = (name: Counter, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.QUEUE_PREFIX}:public:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `public:${name}`, points, duration }),
      });
    this.limiters = {
      lookup: make('lookup', config.PUBLIC_LOOKUPS_PER_MINUTE, MINUTE),
      failedLookupAddress: make('failedLookupAddress', config.PUBLIC_FAILED_LOOKUPS_PER_ADDRESS, 15 * MINUTE),
      failedLookupCase: make('failedLookupCase', config.PUBLIC_FAILED_LOOKUPS_PER_CASE, 60 * MINUTE),
      submitAddress: make('submitAddress', config.PUBLIC_SUBMISSIONS_PER_ADDRESS_DAY, DAY),
      submitPhone: make('submitPhone', config.PUBLIC_SUBMISSIONS_PER_PHONE_DAY, DAY),
      freeSubmitPhone: make('freeSubmitPhone', 1, DAY),
      smsCodeAddress: make('smsCodeAddress', 10, 60 * MINUTE),
      smsCodePhone: make('smsCodePhone', 5, DAY),
      suggestionAddress: make('suggestionAddress', 5, DAY),
      lookupCodeCase: make('lookupCodeCase', 3, 60 * MINUTE),
    };
  }

  private exempt(address: string): boolean {
    return this.config.publicThrottleExempt.has(address);
  }

  /** Counts one use; throws TOO_MANY_REQUESTS when over. Per-address counters skip exempt addresses. */
  async consume(counter: Counter, key: string, message = '操作过于频繁'): Promise<void> {
    if (counter.endsWith('Address') || counter === 'lookup') {
      if (this.exempt(key)) return;
    }
    try {
      await this.limiters[counter].consume(key || 'unknown');
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw tooMany(message, e.msBeforeNext);
    }
  }

  /** Takes a point if one is left: true when taken, false when none was left. */
  async take(counter: Counter, key: string): Promise<boolean> {
    try {
      await this.limiters[counter].consume(key);
      return true;
    } catch (e) {
      if (e instanceof RateLimiterRes) return false;
      throw e;
    }
  }

  /** Refuses when the key has no points left, without counting (the failed-lookup counters). */
  async check(counter: Counter, key: string, message: string): Promise<void> {
    if ((counter.endsWith('Address') || counter === 'lookup') && this.exempt(key)) return;
    const res = await this.limiters[counter].get(key);
    if (res && res.consumedPoints >= this.limiters[counter].points) throw tooMany(message, res.msBeforeNext);
  }

  /** Counts a failure without refusing (checked on the next request). */
  async penalise(counter: Counter, key: string): Promise<void> {
    if (counter.endsWith('Address') && this.exempt(key)) return;
    await this.limiters[counter].penalty(key, 1);
  }
}

function tooMany(message: string, msBeforeNext: number): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new AppError(ErrorCode.TOO_MANY_REQUESTS, `${message}，请 ${retryAfterSeconds} 秒后再试`, undefined, {
    retryAfterSeconds,
  });
}
