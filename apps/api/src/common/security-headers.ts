import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers for the console and the API (helmet): a Content-Security-Policy that allows only the
 * console's own origin — no inline or remote scripts; inline styles because Element Plus positions
 * popovers with style attributes — no framing (frame-ancestors 'none' and X-Frame-Options), nosniff,
 * a strict Referrer-Policy, no X-Powered-By. HSTS is left to the TLS terminator (docker/nginx.conf): a
 * header sent over plain HTTP is ignored by browsers and would pin a development host.
 * The queue dashboard (Bull Board, /admin/queues) ships its own inline bootstrap script, so it keeps
 * every header but the CSP.
 */
export const CONSOLE_CSP = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  const common = {
    strictTransportSecurity: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' as const },
    crossOriginEmbedderPolicy: false, // evidence files open in new tabs; no cross-origin isolation needed
  };
  const strict = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP } });
  const dashboard = helmet({ ...common, contentSecurityPolicy: false });
  return (req, res, next) => (req.path.startsWith('/admin/queues') ? dashboard : strict)(req, res, next);
}
