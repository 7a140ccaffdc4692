import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from './test-api';

/** Security headers and caching on every kind of response: console page, hashed asset, GraphQL, health. */
describe('security headers and console caching', () => {
  let api: TestApi;
  const dist = mkdtempSync(join(tmpdir(), 'wq-dist-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><body><div id="app"></div></body></html>');
    writeFileSync(join(dist, 'assets', 'index-3f2a9c1b.js'), 'console.log(1)');
    writeFileSync(join(dist, 'favicon.ico'), 'x');
    api = await startTestApi({ WEB_DIST: dist });
  });
  afterAll(async () => {
    await api?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (path: string, init: RequestInit = {}) => fetch(`${api.url}${path}`, init);

  it.each([
    ['/', {}],
    ['/cases/123', { headers: { accept: 'text/html' } }],
    ['/assets/index-3f2a9c1b.js', {}],
    ['/health/live', {}],
    [
      '/graphql',
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
    ],
  ] as const)('%s carries the security headers and no X-Powered-By', async (path, init) => {
    const res = await get(path, init as RequestInit);
    expect(res.status).toBeLessThan(500);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('caches hashed assets for a year as immutable and revalidates index.html on every load', async () => {
    expect((await get('/assets/index-3f2a9c1b.js')).headers.get('cache-control')).toBe(
      'public, max-age=31536000, immutable',
    );
    for (const path of ['/', '/cases/1'])
      expect((await get(path, { headers: { accept: 'text/html' } })).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/index.html')).headers.get('cache-control')).toBe('no-cache');
  });
});
