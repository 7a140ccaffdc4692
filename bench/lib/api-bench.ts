// For the benchmarks that drive the real API: the built API in processes of its own, a small GraphQL
// client over kept-alive node:http connections, the registration load and latency sampling. Used by
// cases.bench.ts and search.bench.ts.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { AddressInfo, createServer } from 'node:net';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEMO_PASSWORD } from '@weiquan/core';
import type { AppConfig } from '@weiquan/core';
import { BUSINESSES, CATEGORY_CONTENT, seededRandom } from '../../libs/core/src/seed/demo-case-content';
import { log, ms, pct, ROOT } from './case-load';

// ------------------------------------------------------------------------------------------ API process
/** Starts the built API (apps/api/dist, rebuilt incrementally first) on a free loopback port. */
export async function spawnApi(
  config: AppConfig,
  workers: number,
): Promise<{ url: string; pids(): number[]; stop(): Promise<void> }> {
  execFileSync('npx', ['tsc', '-b', 'apps/api'], { cwd: ROOT, stdio: 'inherit' });
  const port = await new Promise<number>((res) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as AddressInfo).port;
      srv.close(() => res(p));
    });
  });
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, 'apps/api/dist/main.js'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: process.env.BENCH_API_NODE_ENV ?? 'production',
      DB_NAME: config.DB_NAME,
      REDIS_DB: String(config.REDIS_DB),
      QUEUE_PREFIX: config.QUEUE_PREFIX,
      LOG_LEVEL: 'silent',
      WEB_DIST: '',
      API_HOST: '127.0.0.1',
      API_PORT: String(port),
      API_WORKERS: String(workers),
      DB_POOL_SIZE: '20',
    },
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    if (child.exitCode != null) throw new Error(`the API exited with ${child.exitCode}`);
    const up = await fetch(`${url}health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    // Every process must be up: the kernel spreads connections over all of them.
    if (up && (workers === 1 || childPids(child.pid!).length === workers)) break;
    if (i > 120) throw new Error('the API did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1500));
  return {
    url,
    pids: () => [child.pid!, ...childPids(child.pid!)],
    stop: () =>
      new Promise<void>((res) => {
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}

export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export function pidFile(config: AppConfig, name: string): number | null {
  try {
    return Number(readFileSync(resolve(ROOT, config.DATA_DIR, 'run', name), 'utf8').trim()) || null;
  } catch {
    return null;
  }
}

// ------------------------------------------------------------------------------------------ GraphQL
export class Gql {
  constructor(
    readonly url: string,
    readonly token?: string,
  ) {}
  /** Kept-alive loopback connections: the load generator shares the 2 cores with what it measures. */
  private static readonly agent = new Agent({ keepAlive: true, maxSockets: 64 });
  async run<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
    const body = (await post(this.url, JSON.stringify({ query, variables }), this.token, Gql.agent)) as {
      data?: T;
      errors?: unknown[];
    };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors ?? body)}`);
    return body.data;
  }
  async login(username: string): Promise<Gql> {
    const d = await this.run<{ login: { accessToken: string } }>(
      'mutation($i: LoginInput!) { login(input: $i) { accessToken } }',
      { i: { username, password: DEMO_PASSWORD } },
    );
    return new Gql(this.url, d.login.accessToken);
  }
}

/** A JSON POST over node:http (a fraction of fetch's CPU per request). */
export function post(url: string, payload: string, token: string | undefined, agent: Agent): Promise<unknown> {
  const u = new URL(url);
  return new Promise((resolveBody, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolveBody(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (e) {
            reject(new Error(`HTTP ${res.statusCode}: ${String(e)}`));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export const REGISTER = 'mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id caseNo } }';
export const PAGE =
  'query($f: CaseFilter, $p: PageInput) { cases(filter: $f, page: $p) { total items { id caseNo state } } }';

export function registerInput(r: () => number, i: number): Record<string, unknown> {
  const biz = BUSINESSES[i % BUSINESSES.length]!;
  const c = CATEGORY_CONTENT[biz.category];
  return {
    kind: 'COMPLAINT',
    channel: 'PHONE_12315',
    consumer: {
      name: '压测消费者',
      phone: `15${String(Math.floor(r() * 1e9)).padStart(9, '0')}`,
      address: `${biz.county}五四路${1 + (i % 300)}号`,
    },
    respondent: {
      name: biz.name,
      creditCode: biz.creditCode,
      address: biz.address,
      region: biz.county,
      industry: biz.industry,
    },
    category: biz.category,
    amountInvolved: 100 + (i % 5000),
    summary: `压测登记：购买${c.items[i % c.items.length]}后出现质量问题，商家拒绝处理。`,
    demand: c.demands[0],
    flags: { consentPublication: true, consentEntrustedMediation: true },
  };
}

export async function measureRegister(
  gql: Gql,
  seconds: number,
  clients: number,
): Promise<{ n: number; errors: number; perSec: number; p50: number; p99: number }> {
  const lat: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  const until = performance.now() + seconds * 1000;
  const r = seededRandom(Date.now() & 0xffff);
  let i = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await gql.run(REGISTER, { input: registerInput(r, i++) });
          lat.push(ms(t));
        } catch (e) {
          errors++;
          firstError ??= e;
        }
      }
    }),
  );
  const elapsed = ms(t0) / 1000;
  if (firstError) log('first registerCase error:', String(firstError).slice(0, 300));
  return { n: lat.length, errors, perSec: lat.length / elapsed, p50: pct(lat, 50), p99: pct(lat, 99) };
}

export async function sample(
  runs: number,
  fn: () => Promise<unknown>,
): Promise<{ p50: number; p99: number; max: number }> {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    xs.push(ms(t));
  }
  return { p50: pct(xs, 50), p99: pct(xs, 99), max: Math.max(...xs) };
}
