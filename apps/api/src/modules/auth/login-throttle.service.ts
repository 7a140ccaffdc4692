import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppConfig, AppError, ErrorCode, REDIS } from '@weiquan/core';

/**
 * Login throttling shared by every API process (counters in Redis, rate-limiter-flexible):
 *  - per client address: LOGIN_RATE_PER_IP attempts per LOGIN_RATE_WINDOW_SECONDS, whatever the username;
 *  - per username: LOGIN_RATE_PER_ACCOUNT attempts per window, whichever address they come from;
 * an attempt over either answers TOO_MANY_REQUESTS with `retryAfterSeconds`, before any password is checked
 * (each check costs an argon2 hash). Usernames are counted whether or not they exist, so the answers do
 * not tell which exist. The consecutive-failure lockout of real accounts (app_user) is kept; for a
 * username that does not exist the same lockout is kept here (`unknownLocked`/`unknownFailed`).
 * If Redis is unreachable the counts fall back to this process's memory rather than refusing every login.
 */
@Injectable()
export class LoginThrottle {
  private readonly perIp: RateLimiterRedis;
  private readonly perAccount: RateLimiterRedis;
  private readonly unknownFailures: RateLimiterRedis;

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) redis: IORedis,
  ) {
    const make = (name: string, points: number, duration: number) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: `${config.QUEUE_PREFIX}:login:${name}`,
        points,
        duration,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: name, points, duration }),
      });
    const window = config.LOGIN_RATE_WINDOW_SECONDS;
    this.perIp = make('ip', config.LOGIN_RATE_PER_IP, window);
    this.perAccount = make('account', config.LOGIN_RATE_PER_ACCOUNT, window);
    const lockSeconds = config.LOGIN_LOCK_MINUTES * 60;
    this.unknownFailures = make('unknown', config.LOGIN_MAX_FAILURES, lockSeconds);
  }

  /** Counts the attempt; throws TOO_MANY_REQUESTS when the address or the username is over its limit. */
  async attempt(ip: string, username: string): Promise<void> {
    const results = await Promise.allSettled([
      this.perIp.consume(ip || 'unknown'),
      this.perAccount.consume(accountKey(username)),
    ]);
    const refused = results
      .filter((r): r is PromiseRejectedResult => r.status === 'rejected')
      .map((r) => r.reason as unknown);
    if (!refused.length) return;
    const waits = refused.map((r) => {
      if (r instanceof RateLimiterRes) return r.msBeforeNext;
      throw r; // neither Redis nor the fallback answered
    });
    const retryAfterSeconds = Math.max(1, Math.ceil(Math.max(...waits) / 1000));
    throw new AppError(ErrorCode.TOO_MANY_REQUESTS, `登录尝试过于频繁，请 ${retryAfterSeconds} 秒后再试`, 'username', {
      retryAfterSeconds,
    });
  }

  /** Until when a username that does not exist is "locked", as a real account would be; null if not. */
  async unknownLocked(username: string, now: Date): Promise<Date | null> {
    const res = await this.unknownFailures.get(accountKey(username));
    if (!res || res.consumedPoints < this.config.LOGIN_MAX_FAILURES) return null;
    return new Date(now.getTime() + res.msBeforeNext);
  }

  /** A failed attempt on a username that does not exist; the lock starts at the last allowed failure. */
  async unknownFailed(username: string): Promise<void> {
    const key = accountKey(username);
    const res = await this.unknownFailures.penalty(key, 1);
    if (res.consumedPoints >= this.config.LOGIN_MAX_FAILURES)
      await this.unknownFailures.block(key, this.config.LOGIN_LOCK_MINUTES * 60);
  }
}

// MariaDB compares usernames case-insensitively (utf8mb4_unicode_ci), so the counters do too.
const accountKey = (username: string) => username.trim().toLowerCase();
