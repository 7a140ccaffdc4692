import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { INestApplication, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import { AppConfig, DEADLINE_QUEUE, QueueName, redisOptions } from '@weiquan/core';
import { ActorResolver } from '../auth/actor.resolver.service';
import { DashboardTickets, DASHBOARD_BASE, SESSION_COOKIE } from './dashboard-tickets.service';

/**
 * Bull Board at /admin/queues for administrators. A browser cannot send the console's bearer token
 * with a page load, so the console asks for a one-minute ticket (GraphQL `queueDashboardTicket`), the
 * ticket is exchanged once for an HttpOnly cookie scoped to this path, and every request re-checks that
 * the user is still an active administrator whose sessions have not been revoked (token version).
 */
export function mountQueueDashboard(app: INestApplication, config: AppConfig): () => Promise<void> {
  const tickets = app.get(DashboardTickets);
  const actors = app.get(ActorResolver);
  const deadlineQueue = app.get<Queue>(DEADLINE_QUEUE);
  const extra = [QueueName.HOUSEKEEPING, QueueName.NOTIFICATION, QueueName.STATISTICS].map(
    (name) => new Queue(name, { connection: redisOptions(config), prefix: config.QUEUE_PREFIX }),
  );
  const adapter = new ExpressAdapter();
  adapter.setBasePath(DASHBOARD_BASE);
  createBullBoard({
    queues: [deadlineQueue, ...extra].map((q) => new BullMQAdapter(q)),
    serverAdapter: adapter,
    options: { uiConfig: { boardTitle: '维权 队列监控' } },
  });

  const http = app.getHttpAdapter().getInstance();
  http.use(DASHBOARD_BASE, cookieParser());
  http.get(`${DASHBOARD_BASE}/login`, async (req: Request, res: Response) => {
    const session = await tickets.exchange(String(req.query.ticket ?? '')).catch(() => null);
    if (!session)
      return res
        .status(401)
        .type('text/plain; charset=utf-8')
        .send('队列监控登录链接无效或已过期，请从控制台重新打开。');
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      path: DASHBOARD_BASE,
      maxAge: session.maxAgeMs,
      secure: config.NODE_ENV === 'production',
    });
    return res.redirect(DASHBOARD_BASE);
  });
  http.use(DASHBOARD_BASE, async (req: Request, res: Response, next: NextFunction) => {
    try {
      const session = tickets.verifySession(req.cookies?.[SESSION_COOKIE]);
      const actor = session ? await actors.forUser(session.userId) : null;
      const current = session && (await actors.tokenVersionOf(session.userId)) === session.tokenVersion;
      if (!current || !actor?.permissions.has('queue.dashboard'))
        return res.status(403).type('text/plain; charset=utf-8').send('无权访问队列监控。');
      return next();
    } catch {
      return res.status(403).type('text/plain; charset=utf-8').send('无权访问队列监控。');
    }
  });
  http.use(DASHBOARD_BASE, adapter.getRouter());
  new Logger('QueueDashboard').log(`queue dashboard at ${DASHBOARD_BASE}`);
  return () => Promise.all(extra.map((q) => q.close())).then(() => undefined);
}
