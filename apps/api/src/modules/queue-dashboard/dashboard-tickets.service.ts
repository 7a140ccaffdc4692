import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import jwt from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { AppConfig, Clock, REDIS } from '@weiquan/core';

export const DASHBOARD_BASE = '/admin/queues';
export const SESSION_COOKIE = 'wq_queue_session';
const TICKET_TTL_S = 60;
const SESSION_TTL_S = 30 * 60;

export interface DashboardSession {
  userId: number;
  /** The user's token version when the ticket was issued: logout and the like end the session too. */
  tokenVersion: number;
}

/**
 * One-minute, single-use tickets (in a URL, so they land in history and proxy logs) exchanged for a
 * 30-minute cookie session on the dashboard path. A ticket's id is claimed in Redis on exchange
 * (SET NX, shared by every API process), so a second exchange of the same ticket fails.
 */
@Injectable()
export class DashboardTickets {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    @Inject(REDIS) private readonly redis: IORedis,
  ) {}

  issue(userId: number, tokenVersion: number): { url: string; expiresAt: Date } {
    const now = this.nowSec();
    const token = this.sign({ typ: 'queue-ticket', jti: randomUUID() }, userId, tokenVersion, now + TICKET_TTL_S);
    return {
      url: `${DASHBOARD_BASE}/login?ticket=${encodeURIComponent(token)}`,
      expiresAt: new Date((now + TICKET_TTL_S) * 1000),
    };
  }

  async exchange(ticket: string): Promise<{ token: string; maxAgeMs: number } | null> {
    const claims = this.verify(ticket, 'queue-ticket');
    if (!claims || typeof claims.jti !== 'string') return null;
    // The claim outlives the ticket, so an expired ticket cannot be claimed again later either.
    const first = await this.redis.set(
      `${this.config.QUEUE_PREFIX}:queue-ticket:${claims.jti}`,
      '1',
      'EX',
      TICKET_TTL_S * 2,
      'NX',
    );
    if (first !== 'OK') return null;
    const token = this.sign(
      { typ: 'queue-session' },
      claims.userId,
      claims.tokenVersion,
      this.nowSec() + SESSION_TTL_S,
    );
    return { token, maxAgeMs: SESSION_TTL_S * 1000 };
  }

  verifySession(token: string | undefined): DashboardSession | null {
    return token ? this.verify(token, 'queue-session') : null;
  }

  private nowSec(): number {
    return Math.floor(this.clock.now().getTime() / 1000);
  }

  private sign(claims: Record<string, string>, userId: number, tokenVersion: number, exp: number): string {
    return jwt.sign(
      { ...claims, sub: String(userId), tv: tokenVersion, iat: this.nowSec(), exp },
      this.config.JWT_SECRET,
      {
        algorithm: 'HS256',
      },
    );
  }

  private verify(token: string, typ: string): (DashboardSession & { jti?: unknown }) | null {
    try {
      const p = jwt.verify(token, this.config.JWT_SECRET, {
        algorithms: ['HS256'],
        clockTimestamp: this.nowSec(),
      }) as jwt.JwtPayload;
      if (p.typ !== typ || !p.sub || !Number.isInteger(p.tv)) return null;
      return { userId: Number(p.sub), tokenVersion: p.tv as number, jti: p.jti };
    } catch {
      return null;
    }
  }
}
