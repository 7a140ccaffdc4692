// Webhook benchmark (#13): the real worker (in this process, schedules on) delivering to a receiver on the
// loopback that verifies every signature, against a separate database.
//   (1) delivery lateness, commit → receiver, p50/p99 at a steady BENCH_RATE events/s for BENCH_SECONDS
//       (target p99 ≤ 2 s)
//   (2) registerCase over GraphQL (the real API, in this process) p50 and throughput, first with no backlog,
//       then with BENCH_BACKLOG undeliverable deliveries waiting for retry (target: < 10 % slower)
// Not part of `pnpm test`. MariaDB and Redis must be up (bash scripts/infra.sh up). See bench/README.md.
//   pnpm bench:webhooks
// Environment: BENCH_RATE (50), BENCH_SECONDS (60), BENCH_BACKLOG (10000), BENCH_REGISTRATIONS (150),
// BENCH_DB (weiquan_bench_webhooks), BENCH_REDIS_DB (3).
import 'reflect-metadata';
import { createRequire } from 'node:module';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Webhook } from 'standardwebhooks';
import {
  CaseEntity,
  CaseEventWriter,
  DEMO_API_KEY,
  insertApiClient,
  OrgUnitEntity,
  SYSTEM_ACTOR,
  SystemClock,
  WebhookEndpointEntity,
} from '@weiquan/core';
import { Channel, WEBHOOK_EVENT_TYPES } from '@weiquan/shared';
import { GqlClient, insertCase, loginAs, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { createApiApp } from '../apps/api/src/bootstrap';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { ensureDatabase, ROOT } from './lib/case-load';

// @nestjs/core is a dependency of the apps, not of the workspace root (as in deadlines.bench.ts).
type AppContext = { init(): Promise<unknown>; get<T>(token: new (...a: never[]) => T): T; close(): Promise<void> };
const { NestFactory } = createRequire(resolve(ROOT, 'libs/core/package.json'))('@nestjs/core') as {
  NestFactory: { createApplicationContext(module: unknown, opts?: Record<string, unknown>): Promise<AppContext> };
};
type DataSource = Awaited<ReturnType<typeof prepareTestDatabase>>;

const env = (k: string, d: string) => Number(process.env[k] ?? d);
const RATE = env('BENCH_RATE', '50');
const SECONDS = env('BENCH_SECONDS', '60');
const BACKLOG = env('BENCH_BACKLOG', '10000');
const REGISTRATIONS = env('BENCH_REGISTRATIONS', '150');
const DB = process.env.BENCH_DB ?? 'weiquan_bench_webhooks';
const SECRET = `whsec_${Buffer.from('weiquan-webhook-bench-secret-32b').toString('base64')}`;

const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : NaN;
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

/** Arrival time per event id (first copy), signatures verified with the library. */
class Receiver {
  readonly arrived = new Map<string, number>();
  bad = 0;
  url = '';
  private server!: Server;
  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then((c) => res.writeHead(c).end()));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
  private async handle(req: IncomingMessage): Promise<number> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const at = performance.now();
    try {
      const msg = new Webhook(SECRET).verify(body, req.headers as Record<string, string>) as {
        data: { eventId: string };
      };
      if (!this.arrived.has(msg.data.eventId)) this.arrived.set(msg.data.eventId, at);
      return 204;
    } catch {
      this.bad++;
      return 400;
    }
  }
}

async function main(): Promise<void> {
  const config = testConfig({
    DB_NAME: DB,
    REDIS_DB: process.env.BENCH_REDIS_DB ?? '3',
    QUEUE_PREFIX: 'wqbench_wh',
    DB_POOL_SIZE: '20',
  });
  log(`database ${DB}: create fresh, migrate and seed the demo org`);
  ensureDatabase(config, DB, true);
  const ds: DataSource = await prepareTestDatabase(config);
  const clock = new SystemClock();
  const receiver = new Receiver();
  await receiver.start();
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, clock }), { logger: false });
  await worker.init();
  const api = await createApiApp(config, clock);
  await api.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
  const gl = await ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL' });
  const client = await ds.transaction((m) =>
    insertApiClient(m, {
      name: `推送基准 ${Date.now()}`,
      unitId: gl.id,
      operations: ['TRANSFER_IN', 'TRANSFER_READ'],
      channel: Channel.TRANSFER_12345,
      key: DEMO_API_KEY.replace('demo12345', `bw${Date.now().toString(36).slice(-8)}`),
    }),
  );
  const endpoint = async (u: string) =>
    Number(
      (
        await ds.getRepository(WebhookEndpointEntity).insert({
          clientId: client.id,
          url: u,
          secret: SECRET,
          eventTypes: [...WEBHOOK_EVENT_TYPES],
          active: true,
        })
      ).identifiers[0]!.id,
    );
  await endpoint(receiver.url);
  const writer = worker.get(CaseEventWriter);

  // (1) steady events: RATE per second spread over 100 transferred cases (order is kept per case).
  const cases: CaseEntity[] = [];
  for (let i = 0; i < 100; i++) {
    const c = await insertCase(ds, { unitCode: 'GL' });
    await ds.getRepository(CaseEntity).update(c.id, { registeredByClientId: client.id, externalRef: `BW-${c.id}` });
    cases.push(c);
  }
  const committed = new Map<string, number>();
  const total = RATE * SECONDS;
  log(`(1) ${total} events at ${RATE}/s for ${SECONDS} s → ${receiver.url}`);
  const t0 = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = t0 + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const c = cases[i % cases.length]!;
    inflight.push(
      ds
        .transaction(async (m) => {
          await writer.append(m, SYSTEM_ACTOR, { caseId: c.id, action: 'recordFollowUp', toState: 'X' });
          const [{ id }] = (await m.query('SELECT LAST_INSERT_ID() AS id')) as { id: string }[];
          return String(id);
        })
        .then((id) => void committed.set(id, performance.now())),
    );
  }
  await Promise.all(inflight);
  const produced = performance.now() - t0;
  const until = performance.now() + 120_000;
  while (receiver.arrived.size < committed.size && performance.now() < until)
    await new Promise((r) => setTimeout(r, 200));
  const late = [...committed].flatMap(([id, at]) => (receiver.arrived.has(id) ? [receiver.arrived.get(id)! - at] : []));
  const p99 = pct(late, 99);
  log(
    `(1) produced in ${(produced / 1000).toFixed(1)} s; delivered ${late.length}/${committed.size}, bad signatures ${receiver.bad}`,
  );
  console.log(
    `delivery lateness commit → receiver: p50 ${pct(late, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, max ${Math.max(...late).toFixed(0)} ms — ${p99 <= 2000 && late.length === committed.size ? 'PASS' : 'MISS'} (p99 ≤ 2 s, all delivered)`,
  );
  console.log(
    `load average after (1): ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  // (2) registration with and without a backlog of undeliverable deliveries waiting for retry.
  const staff = (await loginAs(new GqlClient(url), 'gl_county')).client;
  const REGISTER = `mutation($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`;
  let n = 0;
  const register = async () => {
    const times: number[] = [];
    const start = performance.now();
    for (let i = 0; i < REGISTRATIONS; i++) {
      const t = performance.now();
      await staff.ok(REGISTER, {
        input: {
          kind: 'COMPLAINT',
          channel: 'PHONE_12315',
          consumer: { name: '基准', phone: `139${String(Date.now() % 1e8).padStart(8, '0')}`.slice(0, 11) },
          respondent: { name: `基准商户${Date.now().toString(36)}-${++n}` },
          summary: '基准测试：购买的商品存在质量问题。',
          demand: '退货',
        },
      });
      times.push(performance.now() - t);
    }
    return { p50: pct(times, 50), p99: pct(times, 99), perSec: REGISTRATIONS / ((performance.now() - start) / 1000) };
  };
  await register(); // warm-up
  const before = await register();
  log(`(2) no backlog: registerCase p50 ${before.p50.toFixed(0)} ms, ${before.perSec.toFixed(1)}/s`);

  // Four endpoints of the client down (a delivery is unique per endpoint and event), each with the events
  // of (1) waiting for retry — the heads of 100 cases, the rest queued behind them in order.
  const ids = [...committed.keys()];
  const per = Math.ceil(BACKLOG / ids.length);
  const dead: number[] = [];
  for (let e = 0; e < per; e++) dead.push(await endpoint(`http://127.0.0.1:9/unreachable-${e}`));
  log(`(2) inserting ${BACKLOG} undeliverable deliveries waiting for retry on ${dead.length} endpoints`);
  const caseOf = new Map<string, string>();
  for (const r of (await ds.query('SELECT id, case_id FROM case_event WHERE id IN (?)', [ids])) as {
    id: string;
    case_id: string;
  }[])
    caseOf.set(String(r.id), String(r.case_id));
  const backlog = Array.from({ length: BACKLOG }, (_, i) => {
    const ev = ids[i % ids.length]!;
    // Spread over the retry schedule: some due now, most later (30 min … 4.5 h).
    const next = new Date(Date.now() + (i % 10) * 30 * 60_000);
    return [dead[Math.floor(i / ids.length)]!, ev, caseOf.get(ev)!, 'case.followed_up', new Date(), 'PENDING', 3, next];
  });
  for (let i = 0; i < backlog.length; i += 1000) {
    const rows = backlog.slice(i, i + 1000);
    await ds.query(
      `INSERT INTO webhook_delivery (endpoint_id, case_event_id, case_id, event_type, event_at, status, attempts, next_attempt_at)
       VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      rows.flat(),
    );
  }
  await new Promise((r) => setTimeout(r, 3000)); // a few sweeps over the backlog
  const after = await register();
  const slower = (after.p50 / before.p50 - 1) * 100;
  console.log(
    `registerCase p50 ${before.p50.toFixed(0)} → ${after.p50.toFixed(0)} ms (p99 ${before.p99.toFixed(0)} → ${after.p99.toFixed(0)} ms), ` +
      `${before.perSec.toFixed(1)} → ${after.perSec.toFixed(1)}/s with ${BACKLOG} waiting for retry: ${slower.toFixed(1)} % — ${slower < 10 ? 'PASS' : 'MISS'} (< 10 % slower)`,
  );
  console.log(
    `load average at the end: ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );

  await ds.query('DELETE FROM webhook_delivery WHERE endpoint_id IN (?)', [dead]);
  await api.close();
  await worker.close();
  await receiver.stop();
  await ds.destroy();
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
