import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppConfig, Clock, ExchangeReceiver } from '@weiquan/core';
import { AppModule } from './app.module';
import { graphqlBodyParser } from './common/graphql-transport';
import { securityHeaders } from './common/security-headers';
import { mountQueueDashboard } from './modules/queue-dashboard/queue-dashboard';

const BODY_LIMIT = '2mb';

/** Builds the API application (used by main.ts and by the GraphQL-level tests). */
export async function createApiApp(
  config: AppConfig,
  clock?: Clock,
  exchangeReceivers?: readonly ExchangeReceiver[],
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot({ config, clock, exchangeReceivers }),
    {
      bufferLogs: true,
      bodyParser: false,
    },
  );
  app.useLogger(app.get(Logger));
  // JSON only (no form bodies anywhere; uploads are multipart, parsed per route). Large enough that
  // oversize fields get a validation error naming them; larger bodies get 413.
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders());
  app.use('/graphql', graphqlBodyParser(BODY_LIMIT));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.enableShutdownHooks();
  app.set('trust proxy', config.TRUST_PROXY);
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins });
  const closeDashboard = mountQueueDashboard(app, config);
  servePublicSite(app, config); // before the console: its SPA fallback would answer /gongkai/ too
  serveConsole(app, config);
  const close = app.close.bind(app);
  app.close = async () => {
    await closeDashboard();
    await close();
  };
  return app;
}

/** Where the public site (apps/public) is served: a path of its own, no login anywhere under it. */
export const PUBLIC_SITE_PATH = '/gongkai';

// The public site: same caching as the console, its own SPA fallback under PUBLIC_SITE_PATH.
function servePublicSite(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.publicDistPath;
  if (!dist || !existsSync(join(dist, 'index.html'))) return;
  app.use(
    PUBLIC_SITE_PATH,
    express.static(dist, {
      index: false,
      setHeaders: (res, path) =>
        res.setHeader(
          'Cache-Control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    }),
  );
  app.use(PUBLIC_SITE_PATH, (req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}

// The built console is served from the same origin, with SPA fallback for its client-side routes.
function serveConsole(app: NestExpressApplication, config: AppConfig): void {
  const dist = config.webDistPath;
  if (!dist || !existsSync(join(dist, 'index.html'))) return;
  // Vite names every asset by its content hash (dist/assets/*): cached for a year, never revalidated.
  // index.html names the current assets, so it is revalidated on every load. The build writes a .br and
  // a .gz beside each text asset; the one the browser accepts is sent with Content-Encoding and
  // Vary: Accept-Encoding (brotli first), the plain file otherwise.
  app.use(
    expressStaticGzip(dist, {
      enableBrotli: true,
      orderPreference: ['br', 'gzip'],
      index: false,
      serveStatic: {
        index: false,
        setHeaders: (res, path) =>
          res.setHeader(
            'Cache-Control',
            /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
          ),
      },
    }),
  );
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    const api =
      req.path.startsWith('/graphql') ||
      req.path.startsWith('/api/') ||
      req.path.startsWith('/health') ||
      req.path.startsWith('/admin/queues');
    if (req.method !== 'GET' || api || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(dist, 'index.html'));
  });
}
