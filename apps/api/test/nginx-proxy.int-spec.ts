import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { insertCase, loginAs } from '@weiquan/testing';
import { CONSOLE_CSP } from '../src/common/security-headers';
import { startTestApi, TestApi } from './test-api';

/**
 * #12 items 8, 9, 17 — docker/nginx.conf as deployed: the test renders it (only the upstream address, the
 * listen port, the document root and the headers include path change), runs Debian's nginx with it in front
 * of a real API, and checks that every route prefix the console calls reaches the API, that evidence uploads
 * of the allowed size pass and oversize bodies get coded errors, that assets come pre-compressed and cached,
 * and that the console's security headers are sent (HSTS only over TLS).
 */
const ROOT = join(__dirname, '../../..');
const EVIDENCE_MAX = 8 * 1024 * 1024;
const BIG_JS = `export const x = ${JSON.stringify(Array.from({ length: 2000 }, (_, i) => `受理${i}`))};\n`;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });

/** Route prefixes the console's source calls (string literals and template strings), e.g. '/api', '/graphql'. */
function consolePrefixes(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (['.ts', '.vue'].includes(extname(p)) && !/\.spec\.ts$/.test(p))
        for (const m of readFileSync(p, 'utf8').matchAll(/['"`](\/(?:graphql|api|admin|health)\b[^'"`\s]*)/g))
          out.add(`/${m[1].split('/')[1]}`);
    }
  };
  walk(join(ROOT, 'apps/web/src'));
  return out;
}

describe('docker/nginx.conf in front of the API', () => {
  let api: TestApi;
  let nginx: ChildProcess;
  let dir: string;
  let base: string;
  let tlsBase: string;
  let token: string;

  beforeAll(async () => {
    api = await startTestApi({ EVIDENCE_MAX_BYTES: String(EVIDENCE_MAX) });
    dir = mkdtempSync(join(tmpdir(), 'wq-nginx-'));
    const dist = join(dir, 'html');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      '<!doctype html><html><body><div id="app">weiquan-console</div></body></html>',
    );
    writeFileSync(join(dist, 'assets', 'app-5d41402a.js'), BIG_JS);
    writeFileSync(join(dist, 'assets', 'app-5d41402a.js.gz'), gzipSync(BIG_JS));
    for (const d of [dir, dist, join(dist, 'assets')]) chmodSync(d, 0o755); // nginx's workers read it
    execFileSync(
      'openssl',
      [
        ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
        ...['-keyout', join(dir, 'tls.key'), '-out', join(dir, 'tls.crt')],
      ],
      { stdio: 'ignore' },
    );

    const [port, tlsPort] = [await freePort(), await freePort()];
    const apiPort = new URL(api.url).port;
    const conf = readFileSync(join(ROOT, 'docker/nginx.conf'), 'utf8');
    const rendered = [
      ['server api:3300;', `server 127.0.0.1:${apiPort};`],
      [
        'listen 80;',
        `listen 127.0.0.1:${port};\n    listen 127.0.0.1:${tlsPort} ssl;\n    ssl_certificate ${dir}/tls.crt;\n    ssl_certificate_key ${dir}/tls.key;`,
      ],
      ['root /usr/share/nginx/html;', `root ${dist};`],
      ['include /etc/nginx/weiquan-headers.conf;', `include ${ROOT}/docker/nginx-headers.conf;`],
    ].reduce((text, [from, to]) => {
      expect(text).toContain(from); // the deployed file still has the shape this test renders
      return text.split(from).join(to);
    }, conf);
    writeFileSync(join(dir, 'default.conf'), rendered);
    writeFileSync(
      join(dir, 'nginx.conf'),
      [
        process.getuid?.() === 0 ? 'user root;' : '',
        'daemon off;',
        'worker_processes 1;',
        `pid ${dir}/nginx.pid;`,
        `error_log ${dir}/error.log warn;`,
        'events { worker_connections 256; }',
        'http {',
        '  include /etc/nginx/mime.types;',
        '  default_type application/octet-stream;',
        '  access_log off;',
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
        `  include ${dir}/default.conf;`,
        '}',
      ].join('\n'),
    );
    execFileSync('nginx', ['-t', '-q', '-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'pipe' });
    nginx = spawn('nginx', ['-c', join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
    base = `http://127.0.0.1:${port}`;
    tlsBase = `https://127.0.0.1:${tlsPort}`;
    for (let i = 0; ; i++) {
      const up = await fetch(`${base}/nginx-health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 100) throw new Error(`nginx did not start: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    token = (await loginAs(api.gql, 'gl_county')).accessToken;
  });

  afterAll(async () => {
    if (nginx?.pid) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('proxies every route prefix the console calls, answering as the API does', async () => {
    const prefixes = consolePrefixes();
    expect([...prefixes]).toEqual(expect.arrayContaining(['/graphql', '/api']));
    // Besides those in the console's source: downloads whose URLs come from GraphQL, the queue dashboard
    // the console opens, and the health checks.
    const requests: [string, RequestInit][] = [
      [
        '/graphql',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' },
      ],
      ['/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
      ['/api/documents/1/download', {}],
      ['/api/evidence/1/download', {}],
      ['/api/legal/litigation/1/document', {}],
      ['/api/stats/export', {}],
      ['/api/cases/1/evidence', { method: 'POST' }],
      ['/admin/queues', {}],
      ['/admin/queues/api/queues', {}],
      ['/health/live', {}],
      ['/health/ready', {}],
    ];
    for (const p of [...prefixes, '/admin', '/health'])
      expect([p, requests.some(([path]) => path.startsWith(p))]).toEqual([p, true]);
    for (const [path, init] of requests) {
      const [viaNginx, direct] = await Promise.all([
        fetch(`${base}${path}`, { ...init, redirect: 'manual' }),
        fetch(`${api.url}${path}`, { ...init, redirect: 'manual' }),
      ]);
      const [a, b] = [await viaNginx.text(), await direct.text()];
      expect([path, viaNginx.status, viaNginx.headers.get('content-type')]).toEqual([
        path,
        direct.status,
        direct.headers.get('content-type'),
      ]);
      expect(a).not.toContain('weiquan-console');
      if (!/health/.test(path)) expect(a).toBe(b);
    }
  });

  it('passes an evidence upload of the allowed size; a larger one gets the API’s coded 413', async () => {
    const c = await insertCase(api.ds, { unitCode: 'GL' });
    const upload = async (bytes: number) => {
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(bytes, 'a')], { type: 'text/plain' }), '说明.txt');
      const res = await fetch(`${base}/api/cases/${c.id}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: form,
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    // Above nginx's 1 MB default and the 4 MB it allows elsewhere: /api/ has the evidence limit.
    for (const bytes of [1, 1024 * 1024 + 1, 5 * 1024 * 1024, EVIDENCE_MAX]) {
      const up = await upload(bytes);
      expect([bytes, up.status]).toEqual([bytes, 201]);
      expect(up.body.sizeBytes).toBe(bytes);
    }
    for (const bytes of [EVIDENCE_MAX + 1, EVIDENCE_MAX + 3 * 1024 * 1024]) {
      const up = await upload(bytes);
      expect([bytes, up.status, up.body.code]).toEqual([bytes, 413, 'FILE_TOO_LARGE']);
    }
  });

  it('answers oversize GraphQL bodies in the GraphQL error shape, whether the API or nginx refuses them', async () => {
    for (const mb of [3, 5, 12]) {
      const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(mb * 1024 * 1024) } });
      const res = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect([mb, res.status]).toEqual([mb, 413]);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'PAYLOAD_TOO_LARGE',
      );
    }
  });

  it('serves the console with the API’s CSP and the other security headers, index.html never cached', async () => {
    const parse = (csp: string) =>
      Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([k, ...v]) => [k, v.sort()]),
      );
    const want = Object.fromEntries(Object.entries(CONSOLE_CSP).map(([k, v]) => [k, [...v].sort()]));
    for (const path of ['/', '/cases/42', '/workrooms/legal?tab=2', '/index.html', '/assets/app-5d41402a.js']) {
      const res = await fetch(`${base}${path}`);
      expect([path, res.status]).toEqual([path, 200]);
      expect(parse(res.headers.get('content-security-policy') ?? '')).toEqual(want);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('strict-transport-security')).toBeNull(); // plain HTTP
      expect(res.headers.get('server')).toBe('nginx'); // no version
      expect(res.headers.get('x-powered-by')).toBeNull();
      expect(res.headers.get('cache-control')).toBe(
        path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
      if (!path.startsWith('/assets/')) expect(await res.text()).toContain('weiquan-console');
    }
    const missing = await fetch(`${base}/assets/gone-00000000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain('weiquan-console');
  });

  it('sends the build’s .gz of an asset to a client that accepts gzip, with Vary', async () => {
    const { request } = await import('node:http');
    const get = (accept: string) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
        request(`${base}/assets/app-5d41402a.js`, { headers: { 'accept-encoding': accept } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    for (const accept of ['gzip', 'gzip, deflate, br', 'br, gzip;q=0.5']) {
      const gz = await get(accept);
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(String(gz.headers.vary)).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(gz.body).toString()).toBe(BIG_JS);
      expect(gz.body.length * 4).toBeLessThan(Buffer.byteLength(BIG_JS));
    }
    const plain = await get('identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(BIG_JS);
  });

  it('sends HSTS over TLS, on the console and on proxied routes', async () => {
    const get = (path: string) =>
      new Promise<{ status: number; hsts: unknown }>((resolve, reject) => {
        httpsRequest(`${tlsBase}${path}`, { rejectUnauthorized: false }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode!, hsts: res.headers['strict-transport-security'] }));
        })
          .on('error', reject)
          .end();
      });
    for (const path of ['/', '/assets/app-5d41402a.js', '/health/live']) {
      const res = await get(path);
      expect([path, res.status, res.hsts]).toEqual([path, 200, 'max-age=63072000; includeSubDomains']);
    }
  });
});
