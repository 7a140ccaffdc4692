import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { startTestApi, TestApi } from './test-api';

/** Security headers and caching on every kind of response: console page, hashed asset, GraphQL, health. */
const BIG_JS = `export const labels = ${JSON.stringify(Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`k${i}`, `受理登记${i}`])))};\n`;

describe('security headers and console caching', () => {
  let api: TestApi;
  const dist = mkdtempSync(join(tmpdir(), 'wq-dist-'));

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><html><body><div id="app"></div></body></html>');
    writeFileSync(join(dist, 'assets', 'index-3f2a9c1b.js'), 'console.log(1)');
    // As the build writes them (vite-plugin-compression2): the asset and its .gz and .br beside it.
    writeFileSync(join(dist, 'assets', 'app-5d41402a.js'), BIG_JS);
    writeFileSync(join(dist, 'assets', 'app-5d41402a.js.gz'), gzipSync(BIG_JS));
    writeFileSync(join(dist, 'assets', 'app-5d41402a.js.br'), brotliCompressSync(BIG_JS));
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

  // #12 item 9: the pre-compressed copy the client accepts (brotli preferred), with Content-Encoding and
  // Vary, and the same long cache; the plain file for a client that accepts neither.
  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['gzip, deflate, br', 'br'],
    ['gzip, deflate, br, zstd', 'br'],
    ['deflate, gzip;q=1.0, *;q=0.5', 'gzip'],
    ['br;q=1.0, gzip;q=0.8', 'br'],
    ['deflate', null],
    ['identity', null],
    ['', null],
  ] as const)('Accept-Encoding %j gets %s', async (accept, encoding) => {
    const res = await get('/assets/app-5d41402a.js', { headers: { 'accept-encoding': accept } });
    expect(res.status).toBe(200);
    expect(res.headers.get('vary') ?? '').toMatch(/accept-encoding/i);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toMatch(/^(text|application)\/javascript/);
    expect(res.headers.get('content-encoding')).toBe(encoding);
  });

  it('sends bytes that decode to the asset, several times smaller than it', async () => {
    // node:http, not fetch: fetch decodes the body itself, and the test wants the bytes on the wire.
    const raw = async (accept: string) => {
      const { request } = await import('node:http');
      return new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
        request(`${api.url}/assets/app-5d41402a.js`, { headers: { 'accept-encoding': accept } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    };
    const br = await raw('br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(BIG_JS);
    const gz = await raw('gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);
    const plain = await raw('identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_JS);
    expect(br.body.length * 4).toBeLessThan(Buffer.byteLength(BIG_JS));
    expect(gz.body.length * 4).toBeLessThan(Buffer.byteLength(BIG_JS));
  });
});
