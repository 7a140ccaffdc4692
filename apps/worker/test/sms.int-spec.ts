import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Job, Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  NewSms,
  NotificationJob,
  QueueName,
  redisOptions,
  SmsOutbox,
  SmsOutboxEntity,
  SmsSendMeta,
  SmsSender,
  smsJobId,
} from '@weiquan/core';
import { emptyQueues, FakeClock, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { SmsDispatcher } from '../src/processors/sms-dispatcher.service';
import { WorkerModule } from '../src/worker.module';

/** A gateway that fails a given number of times per message (every time by default), then accepts. */
class ScriptedSmsSender extends SmsSender {
  readonly calls = new Map<string, number>();
  readonly failures = new Map<string, number>();
  async send(_phone: string, _content: string, meta: SmsSendMeta): Promise<{ providerRef: string }> {
    const n = (this.calls.get(meta.outboxId) ?? 0) + 1;
    this.calls.set(meta.outboxId, n);
    if (n <= (this.failures.get(meta.outboxId) ?? Infinity)) throw new Error('短信网关超时');
    return { providerRef: `gw-${meta.outboxId}` };
  }
}

// The worker as in production (application context, real Redis and MariaDB), minus schedules: the
// sweep is run by adding its job by hand. Its own queue prefix keeps other suites' workers away,
// and dates in 2021 keep the sweep away from other suites' outbox rows.
describe('SmsProcessor', () => {
  const config = testConfig({ QUEUE_PREFIX: 'wqtest_sms', SMS_RETRY_BASE_MS: '20' });
  const clock = new FakeClock('2021-03-10T22:30:00+08:00');
  let app: INestApplicationContext;
  let ds: DataSource;
  let queue: Queue;
  let events: QueueEvents;

  async function boot(smsSender?: SmsSender): Promise<void> {
    app = await NestFactory.createApplicationContext(
      WorkerModule.forRoot({ config, clock, schedules: false, smsSender }),
      { logger: false },
    );
    await app.init();
    ds = app.get(DataSource);
    queue = app.get<Queue>(getQueueToken(QueueName.NOTIFICATION));
  }

  const enqueue = (sms: NewSms) => ds.transaction((m) => app.get(SmsOutbox).enqueue(m, sms));
  const row = (id: string) => ds.getRepository(SmsOutboxEntity).findOneByOrFail({ id });

  async function sweep(): Promise<string[]> {
    const job = await queue.add(NotificationJob.SMS_SWEEP, {});
    return ((await job.waitUntilFinished(events, 10_000)) as { enqueued: string[] }).enqueued;
  }

  async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string, ms = 10_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = await read();
      if (done(v)) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  beforeAll(async () => {
    await (await prepareTestDatabase(config)).destroy();
    await emptyQueues(config);
    events = new QueueEvents(QueueName.NOTIFICATION, { connection: redisOptions(config), prefix: config.QUEUE_PREFIX });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await emptyQueues(config, [QueueName.NOTIFICATION]);
  });

  describe('with the default recording sender', () => {
    beforeAll(() => boot());
    afterAll(() => app?.close());

    it('holds a message produced at 22:30 overnight and sends it exactly once from 08:00', async () => {
      const send = jest.spyOn(app.get(SmsSender), 'send');
      clock.set('2021-03-10T22:30:00+08:00');
      const { id, notBefore } = await enqueue({
        phone: '13900001111',
        content: '您的投诉已受理，案件编号 T-1',
        caseId: null,
      });
      expect(notBefore).toEqual(new Date('2021-03-11T08:00:00+08:00'));

      clock.set('2021-03-10T22:31:00+08:00');
      expect(await sweep()).not.toContain(id);
      expect(await queue.getJob(smsJobId(id!))).toBeUndefined();
      clock.set('2021-03-11T07:59:59.999+08:00');
      expect(await sweep()).not.toContain(id);
      expect(await row(id!)).toMatchObject({ status: 'PENDING', attempts: 0, sentAt: null });

      clock.set('2021-03-11T08:00:00+08:00');
      expect(await sweep()).toContain(id);
      // A second sweep and a repeated dispatch while or after it is sent change nothing.
      await sweep();
      await app.get(SmsDispatcher).dispatch([await row(id!)]);
      const sent = await waitFor(
        () => row(id!),
        (r) => r.status !== 'PENDING',
        'the morning send',
      );
      expect(sent).toMatchObject({ status: 'SENT', attempts: 1, providerRef: `recorded-${id}`, lastError: null });
      expect(sent.sentAt).toEqual(new Date('2021-03-11T08:00:00+08:00'));

      clock.set('2021-03-11T08:01:00+08:00');
      expect(await sweep()).not.toContain(id);
      await app.get(SmsDispatcher).dispatch([sent]);
      const again = await queue.getJob(smsJobId(id!));
      if (again) await again.waitUntilFinished(events, 10_000).catch(() => undefined);
      expect(send.mock.calls.filter(([, , meta]) => meta.outboxId === id)).toHaveLength(1);
      expect(await row(id!)).toMatchObject({ status: 'SENT', attempts: 1 });
    });

    it('parks a send job that runs before the morning instead of sending', async () => {
      const send = jest.spyOn(app.get(SmsSender), 'send');
      clock.set('2021-03-12T23:00:00+08:00');
      const { id } = await enqueue({ phone: '13900002222', content: '夜间短信' });
      // Added without delay, as if Redis and the database disagreed about the time.
      const job: Job = await queue.add(
        NotificationJob.SEND_SMS,
        { outboxId: id },
        { jobId: smsJobId(id!), attempts: 5 },
      );
      await waitFor(
        () => job.getState(),
        (s) => s === 'delayed',
        'the job to be parked',
      );
      const parked = (await queue.getJob(smsJobId(id!)))!;
      // Parked until 08:00: nine hours from 23:00 (real time), and not counted as an attempt.
      expect(parked.delay).toBeGreaterThan(8.9 * 3_600_000);
      expect(parked.attemptsMade).toBe(0);
      expect(send.mock.calls.some(([, , meta]) => meta.outboxId === id)).toBe(false);
      expect(await row(id!)).toMatchObject({ status: 'PENDING', attempts: 0 });
    });
  });

  describe('with a failing gateway plugged in', () => {
    const sender = new ScriptedSmsSender();
    beforeAll(() => boot(sender));
    afterAll(() => app?.close());

    it('retries with backoff and marks the row FAILED after the last attempt', async () => {
      clock.set('2021-03-15T10:00:00+08:00');
      const { id } = await enqueue({ phone: '13900003333', content: '网关会失败' });
      expect(await sweep()).toContain(id);
      const failed = await waitFor(
        () => row(id!),
        (r) => r.status !== 'PENDING',
        'the last attempt',
      );
      expect(failed).toMatchObject({
        status: 'FAILED',
        attempts: config.SMS_MAX_ATTEMPTS,
        lastError: '短信网关超时',
        sentAt: null,
        providerRef: null,
      });
      expect(sender.calls.get(id!)).toBe(config.SMS_MAX_ATTEMPTS);
      // The failed job is dropped from Redis (BullMQ does so just after the last attempt's row is written,
      // so wait for it); the sweep leaves a FAILED row alone.
      expect(
        await waitFor(
          () => queue.getJob(smsJobId(id!)),
          (j) => j === undefined,
          'the failed job dropped',
        ),
      ).toBe(undefined);
      expect(await sweep()).not.toContain(id);
    });

    it('sends on a later attempt after transient failures', async () => {
      clock.set('2021-03-15T11:00:00+08:00');
      const { id } = await enqueue({ phone: '13900004444', content: '两次失败后成功' });
      sender.failures.set(id!, 2);
      await app.get(SmsDispatcher).dispatch([await row(id!)]);
      const sent = await waitFor(
        () => row(id!),
        (r) => r.status !== 'PENDING',
        'the third attempt',
      );
      expect(sent).toMatchObject({ status: 'SENT', attempts: 3, providerRef: `gw-${id}`, lastError: null });
      expect(sender.calls.get(id!)).toBe(3);
    });

    it('stops at SMS_MAX_ATTEMPTS counted on the row, even for a job re-added with fresh attempts', async () => {
      clock.set('2021-03-15T12:00:00+08:00');
      const { id } = await enqueue({ phone: '13900005555', content: '已失败四次' });
      // Four attempts already recorded, e.g. before Redis lost the job.
      await ds.getRepository(SmsOutboxEntity).update({ id: id! }, { attempts: config.SMS_MAX_ATTEMPTS - 1 });
      expect(await sweep()).toContain(id);
      const failed = await waitFor(
        () => row(id!),
        (r) => r.status !== 'PENDING',
        'the row to fail',
      );
      expect(failed).toMatchObject({ status: 'FAILED', attempts: config.SMS_MAX_ATTEMPTS });
      expect(sender.calls.get(id!)).toBe(1);
    });
  });
});
