import type { TimelineAction } from '@weiquan/shared';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import IORedis from 'ioredis';
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import {
  CaseEntity,
  CaseEventWriter,
  DEMO_API_KEY,
  insertApiClient,
  NotificationEntity,
  OrgUnitEntity,
  redisOptions,
  SYSTEM_ACTOR,
  UserEntity,
  WebhookDeliveryEntity,
  WebhookEndpointEntity,
} from '@weiquan/core';
import { Channel, WEBHOOK_EVENT_TYPES, WEBHOOK_EVENT_OF_ACTION } from '@weiquan/shared';
import { emptyQueues, FakeClock, insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { WorkerModule } from '../src/worker.module';

interface Received {
  id: string;
  type: string;
  caseId: string;
  eventId: number;
}

/** A receiver on the loopback that verifies every signature with the standardwebhooks library. */
class Receiver {
  readonly got: Received[] = [];
  badSignatures = 0;
  down = false;
  private server!: Server;
  url = '';
  constructor(private readonly secret: string) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then((code) => res.writeHead(code).end()));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
  private async handle(req: IncomingMessage): Promise<number> {
    let body = '';
    for await (const chunk of req) body += chunk;
    if (this.down) return 503;
    try {
      const msg = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as {
        type: string;
        data: { caseId: string; eventId: string };
      };
      this.got.push({
        id: String(req.headers['webhook-id']),
        type: msg.type,
        caseId: msg.data.caseId,
        eventId: Number(msg.data.eventId),
      });
      return 204;
    } catch {
      this.badSignatures++;
      return 400;
    }
  }
  /** What arrived in effect: the first copy of each webhook-id. */
  effective(): Received[] {
    const seen = new Set<string>();
    return this.got.filter((r) => !seen.has(r.id) && seen.add(r.id));
  }
}

// The worker as in production (schedules on: the sweep runs every second by itself), a real receiver.
describe('WebhookProcessor', () => {
  const config = testConfig({ QUEUE_PREFIX: 'wqtest_wh' });
  const clock = new FakeClock(new Date());
  const secret = `whsec_${Buffer.from('weiquan-webhook-test-secret-32by').toString('base64')}`;
  let app: INestApplicationContext;
  let ds: DataSource;
  let receiver: Receiver;
  let endpointId: number;
  let clientId: number;
  let redis: IORedis;

  async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms = 20_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const pending = () => ds.getRepository(WebhookDeliveryEntity).countBy({ endpointId, status: 'PENDING' });

  /** A case transferred in by the client, and its life step by step, each step its own transaction. */
  async function transferredCase(): Promise<CaseEntity> {
    const c = await insertCase(ds, { unitCode: 'GL' });
    await ds.getRepository(CaseEntity).update(c.id, { registeredByClientId: clientId, externalRef: `GD-${c.id}` });
    return c;
  }
  const step = (caseId: string, action: TimelineAction) =>
    ds.transaction((m) => app.get(CaseEventWriter).append(m, SYSTEM_ACTOR, { caseId, action, toState: 'X' }));

  beforeAll(async () => {
    await (await prepareTestDatabase(config)).destroy();
    redis = new IORedis(redisOptions(config));
    await emptyQueues(config);
    receiver = new Receiver(secret);
    await receiver.start();
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, clock }), { logger: false });
    await app.init();
    ds = app.get(DataSource);
    const gl = await ds.getRepository(OrgUnitEntity).findOneByOrFail({ code: 'GL' });
    const client = await ds.transaction((m) =>
      insertApiClient(m, {
        name: `推送测试 ${Date.now()}`,
        unitId: gl.id,
        operations: ['TRANSFER_IN', 'TRANSFER_READ'],
        channel: Channel.TRANSFER_12345,
        key: DEMO_API_KEY.replace('demo12345', `wh${Date.now().toString(36).slice(-8)}`),
      }),
    );
    clientId = client.id;
    const res = await ds.getRepository(WebhookEndpointEntity).insert({
      clientId,
      url: receiver.url,
      secret,
      eventTypes: [...WEBHOOK_EVENT_TYPES],
      active: true,
    });
    endpointId = Number(res.identifiers[0]!.id);
  });
  afterAll(async () => {
    await app?.close();
    await receiver?.stop();
    await redis?.quit();
  });

  it('delivers every event of a case life exactly once in effect, signed, in order per case, after commit only', async () => {
    const life = (Object.keys(WEBHOOK_EVENT_OF_ACTION) as TimelineAction[]).filter((a) => a !== 'answerConsultation');
    const cases = [await transferredCase(), await transferredCase(), await transferredCase()];
    // Interleaved steps of three cases, plus a step rolled back and an internal note (no event type).
    for (const action of life) for (const c of cases) await step(c.id, action);
    await step(cases[0]!.id, 'recordContact');
    await expect(
      ds.transaction(async (m) => {
        await app.get(CaseEventWriter).append(m, SYSTEM_ACTOR, { caseId: cases[1]!.id, action: 'acceptCase' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');

    await waitFor(pending, (n) => n === 0, 'every delivery');
    expect(receiver.badSignatures).toBe(0);
    for (const c of cases) {
      const got = receiver.effective().filter((r) => r.caseId === c.id);
      expect(got.map((r) => r.type)).toEqual(life.map((a) => WEBHOOK_EVENT_OF_ACTION[a]));
      const ids = got.map((r) => r.eventId);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    // a duplicate, if any, carries the same webhook-id: nothing arrived twice under different ids
    const perEvent = new Map<number, Set<string>>();
    for (const r of receiver.got) perEvent.set(r.eventId, (perEvent.get(r.eventId) ?? new Set()).add(r.id));
    expect([...perEvent.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(receiver.effective()).toHaveLength(life.length * cases.length);
  });

  it('sends a director’s approval of an investigation suspension as case.suspended, and nothing for a refusal', async () => {
    const c = await transferredCase();
    const decide = (toState: 'SUSPENDED' | 'IN_PROGRESS') =>
      ds.transaction((m) =>
        app
          .get(CaseEventWriter)
          .append(m, SYSTEM_ACTOR, { caseId: c.id, action: 'decideSuspension', fromState: 'IN_PROGRESS', toState }),
      );
    await decide('IN_PROGRESS');
    await decide('SUSPENDED');
    const rows = await ds.getRepository(WebhookDeliveryEntity).findBy({ endpointId, caseId: c.id });
    expect(rows.map((r) => r.eventType)).toEqual(['case.suspended']);
    await waitFor(pending, (n) => n === 0, 'the suspension delivered');
    expect(
      receiver
        .effective()
        .filter((r) => r.caseId === c.id)
        .map((r) => r.type),
    ).toEqual(['case.suspended']);
  });

  it('delivers everything after the receiver comes back, though Redis was flushed meanwhile', async () => {
    const before = receiver.effective().length;
    receiver.down = true;
    const c = await transferredCase();
    for (const action of ['registerCase', 'acceptCase', 'dispatchCase'] as const) await step(c.id, action);
    const failed = await waitFor(
      () => ds.getRepository(WebhookDeliveryEntity).findBy({ endpointId, caseId: c.id }),
      (rows) => rows.some((r) => r.attempts >= 1),
      'a failed attempt',
    );
    const head = failed.find((r) => r.attempts >= 1)!;
    expect(head).toMatchObject({ status: 'PENDING', lastStatusCode: 503 });
    expect(head.nextAttemptAt!.getTime()).toBeGreaterThan(clock.now().getTime()); // 5 s later
    // the later events of the case wait behind the failed one (order per case)
    expect(failed.filter((r) => r.attempts > 0)).toHaveLength(1);

    await redis.flushdb();
    receiver.down = false;
    clock.advance(10_000);
    await waitFor(pending, (n) => n === 0, 'delivery after recovery', 30_000);
    const got = receiver.effective().filter((r) => r.caseId === c.id);
    expect(got.map((r) => r.type)).toEqual(['case.registered', 'case.accepted', 'case.dispatched']);
    expect(receiver.effective().length).toBe(before + 3);
  });

  it('disables an endpoint failing for days and tells the administrators', async () => {
    receiver.down = true;
    await ds
      .getRepository(WebhookEndpointEntity)
      .update(endpointId, { failingSince: new Date(clock.now().getTime() - 4 * 86_400_000) });
    const c = await transferredCase();
    await step(c.id, 'registerCase');
    const e = await waitFor(
      () => ds.getRepository(WebhookEndpointEntity).findOneByOrFail({ id: endpointId }),
      (x) => !x.active,
      'the endpoint disabled',
    );
    expect(e.disabledReason).toContain('持续推送失败');
    const admin = await ds.getRepository(UserEntity).findOneByOrFail({ username: 'admin' });
    const note = await ds.getRepository(NotificationEntity).findOneBy({ userId: admin.id, kind: 'WEBHOOK_DISABLED' });
    expect(note).not.toBeNull();
    receiver.down = false;
  });
});
