import { Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { AppConfig, Clock } from '@weiquan/core';

export const DASHBOARD_BASE = '/admin/queues';
export const SESSION_COOKIE = 'wq_queue_session';
const TICKET_TTL_S = 60;
const SESSION_TTL_S = 30 * 60;

/** One-minute tickets (in a URL) exchanged for a 30-minute cookie session on the dashboard path. */
@Injectable()
export class DashboardTickets {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  issue(userId: number): { url: string; expiresAt: Date } {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign(
      { sub: String(userId), typ: 'queue-ticket', iat: now, exp: now + TICKET_TTL_S },
      this.config.JWT_SECRET,
      { algorithm: 'HS256' },
    );
    return {
      url: `${DASHBOARD_BASE}/login?ticket=${encodeURIComponent(token)}`,
      expiresAt: new Date((now + TICKET_TTL_S) * 1000),
    };
  }

  exchange(ticket: string): { token: string; maxAgeMs: number } | null {
    const userId = this.verify(ticket, 'queue-ticket');
    if (!userId) return null;
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const token = jwt.sign(
      { sub: String(userId), typ: 'queue-session', iat: now, exp: now + SESSION_TTL_S },
      this.config.JWT_SECRET,
      { algorithm: 'HS256' },
    );
    return { token, maxAgeMs: SESSION_TTL_S * 1000 };
  }

  verifySession(token: string | undefined): number | null {
    return token ? this.verify(token, 'queue-session') : null;
  }

  private verify(token: string, typ: string): number | null {
    try {
      const p = jwt.verify(token, this.config.JWT_SECRET, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      }) as jwt.JwtPayload;
      return p.typ === typ && p.sub ? Number(p.sub) : null;
    } catch {
      return null;
    }
  }
}
