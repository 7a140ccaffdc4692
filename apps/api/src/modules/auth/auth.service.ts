import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import {
  AppConfig,
  AppError,
  bumpTokenVersion,
  Clock,
  DUMMY_HASH,
  ErrorCode,
  RefreshTokenEntity,
  UserEntity,
  verifyPassword,
} from '@weiquan/core';
import { ActorResolver } from './actor.resolver.service';
import { LoginThrottle } from './login-throttle.service';
import { sha256, TokenService } from './token.service';

export interface Session {
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  userId: number;
}

const DAY_MS = 86_400_000;

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tokens: TokenService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly actors: ActorResolver,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * Username + password. After LOGIN_MAX_FAILURES consecutive failures the account is locked for
   * LOGIN_LOCK_MINUTES; while locked even the right password is refused. Counters are updated
   * atomically so parallel guesses cannot slip past the limit. Bursts are throttled first (LoginThrottle),
   * and a username that does not exist answers exactly as an existing one would, lockout included.
   */
  async login(username: string, password: string, ip: string): Promise<Session> {
    await this.throttle.attempt(ip, username);
    const now = this.clock.now();
    const user = await this.ds
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
    if (!user) {
      const lockedUntil = await this.throttle.unknownLocked(username, now);
      if (lockedUntil) throw locked(lockedUntil);
      await verifyPassword(DUMMY_HASH, password);
      await this.throttle.unknownFailed(username);
      throw invalidCredentials();
    }
    if (user.lockedUntil && user.lockedUntil > now) throw locked(user.lockedUntil);
    const ok = await verifyPassword(user.passwordHash, password);
    if (!ok) {
      await this.recordFailure(user.id, now);
      throw invalidCredentials();
    }
    if (!user.active) throw new AppError(ErrorCode.ACCOUNT_DISABLED, '账号已停用，请联系管理员', 'username');
    await this.ds.getRepository(UserEntity).update(user.id, { failedLogins: 0, lockedUntil: null, lastLoginAt: now });
    return this.ds.transaction((m) => this.issue(m, user, randomUUID()));
  }

  /** Rotates: the presented token is used up and a successor issued. Reuse revokes the whole family. */
  async refresh(refreshToken: string): Promise<Session> {
    const now = this.clock.now();
    const hash = sha256(refreshToken ?? '');
    const outcome = await this.ds.transaction(async (m) => {
      const row = await m.findOne(RefreshTokenEntity, {
        where: { tokenHash: hash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!row || row.expiresAt <= now)
        return { error: new AppError(ErrorCode.REFRESH_TOKEN_INVALID, '会话已过期，请重新登录') };
      if (row.usedAt || row.revokedAt) {
        await m.update(RefreshTokenEntity, { familyId: row.familyId, revokedAt: IsNull() }, { revokedAt: now });
        // A stolen token may be in use: the access tokens issued from it go too, not at their expiry.
        await bumpTokenVersion(m, row.userId);
        return {
          revoked: row.userId,
          error: new AppError(ErrorCode.REFRESH_TOKEN_REUSED, '检测到登录凭证被重复使用，已注销该会话，请重新登录'),
        };
      }
      const user = await m.findOneBy(UserEntity, { id: row.userId });
      if (!user?.active) return { error: new AppError(ErrorCode.REFRESH_TOKEN_INVALID, '账号不可用，请重新登录') };
      await m.update(RefreshTokenEntity, row.id, { usedAt: now });
      return { session: await this.issue(m, user, row.familyId) };
    });
    // The family revocation must commit, so the error is thrown outside the transaction.
    if ('error' in outcome) {
      if ('revoked' in outcome && outcome.revoked) await this.actors.changed(outcome.revoked);
      throw outcome.error;
    }
    return outcome.session;
  }

  /**
   * Ends the session: its refresh-token family is revoked and the user's access tokens stop working at
   * once (a per-user version, so the user's other signed-in devices refresh theirs).
   */
  async logout(refreshToken: string): Promise<boolean> {
    const userId = await this.ds.transaction(async (m) => {
      const row = await m.findOneBy(RefreshTokenEntity, { tokenHash: sha256(refreshToken ?? '') });
      if (!row || row.revokedAt) return null;
      await m.update(
        RefreshTokenEntity,
        { familyId: row.familyId, revokedAt: IsNull() },
        { revokedAt: this.clock.now() },
      );
      await bumpTokenVersion(m, row.userId);
      return row.userId;
    });
    if (userId) await this.actors.changed(userId);
    return true;
  }

  private async recordFailure(userId: number, now: Date): Promise<void> {
    const lockUntil = new Date(now.getTime() + this.config.LOGIN_LOCK_MINUTES * 60_000);
    // One statement: the count and the lock change together, so parallel guesses cannot slip past.
    await this.ds.query(
      `UPDATE app_user
          SET locked_until = IF(failed_logins + 1 >= ?, ?, locked_until),
              failed_logins = IF(failed_logins + 1 >= ?, 0, failed_logins + 1)
        WHERE id = ?`,
      [this.config.LOGIN_MAX_FAILURES, lockUntil, this.config.LOGIN_MAX_FAILURES, userId],
    );
  }

  private async issue(m: EntityManager, user: UserEntity, familyId: string): Promise<Session> {
    const userId = user.id;
    const access = this.tokens.signAccess(userId, user.tokenVersion);
    const refresh = this.tokens.newRefreshToken();
    const expiresAt = new Date(this.clock.now().getTime() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS);
    await m.insert(RefreshTokenEntity, { userId, familyId, tokenHash: refresh.hash, expiresAt });
    return { accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken: refresh.token, userId };
  }
}

function invalidCredentials(): AppError {
  return new AppError(ErrorCode.INVALID_CREDENTIALS, '用户名或密码错误', 'password');
}

function locked(until: Date): AppError {
  const hhmm = until.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
  return new AppError(ErrorCode.ACCOUNT_LOCKED, `连续登录失败次数过多，账号已锁定至 ${hhmm}`, 'username', {
    lockedUntil: until.toISOString(),
  });
}
