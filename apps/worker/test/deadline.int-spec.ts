import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  CaseDeadlineEntity,
  DEADLINE_QUEUE_NAME,
  DeadlineScheduler,
  jobId,
  redisOptions,
  ViolationEntity,
} from '@weiquan/core';
import { emptyQueues, FakeClock, insertCase, prepareTestDatabase, testConfig } from '@weiquan/testing';
import { WorkerModule } from '../src/worker.module';

// The worker as deployed: alarms come out of Redis, effects go into MariaDB exactly once.
describe('DeadlineProcessor', () => {
  const config = testConfig();
  const clock = new FakeClock('2026-03-10T02:00:00Z');
  let app: INestApplicationContext;
  let ds: DataSource;
  let events: QueueEvents;

  beforeAll(async () => {
    await (await prepareTestDatabase(config)).destroy();
    await emptyQueues(config);
    app = await NestFactory.createApplicationContext(WorkerModule.forRoot({ config, clock, schedules: false }), {
      logger: false,
    });
    await app.init();
    ds = app.get(DataSource);
    events = new QueueEvents(DEADLINE_QUEUE_NAME, { connection: redisOptions(config), prefix: config.QUEUE_PREFIX });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await app?.close();
  });

  async function runningDeadline(dueAt: Date): Promise<CaseDeadlineEntity> {
    const c = await insertCase(ds, { unitCode: 'GL-T1', intakeUnitCode: 'GL' });
    const [rule] = await ds.query(
      "SELECT r.id FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code = 'COMMITMENT' AND r.code = 'FIRST_CONTACT'",
    );
    const unit = (await ds.query("SELECT id FROM org_unit WHERE code = 'GL-T1'"))[0];
    const repo = ds.getRepository(CaseDeadlineEntity);
    return repo.save(
      repo.create({
        caseId: c.id,
        ruleId: rule.id,
        ruleCode: 'FIRST_CONTACT',
        ruleSetCode: 'COMMITMENT',
        ruleSetVersion: 1,
        layer: 'COMMITMENT',
        roundKey: 'r1',
        status: 'RUNNING',
        triggerEvent: 'registerCase',
        startedAt: new Date(dueAt.getTime() - 2 * 86_400_000),
        dueAt,
        amount: 2,
        unit: 'WORKING_DAYS',
        extendedAmount: 0,
        pauses: [],
        pausedAt: null,
        warnFractions: [],
        responsibleUnitId: unit.id,
        responsibleUserId: null,
        calendarVersion: 'test',
        version: 1,
      }),
    );
  }

  it('takes the due alarm from the queue and breaches once, however often the alarm rings', async () => {
    const d = await runningDeadline(new Date('2026-03-10T01:00:00Z'));
    const scheduler = app.get(DeadlineScheduler);
    await scheduler.schedule([d]);
    const job = await scheduler.queue.getJob(jobId({ deadlineId: d.id, version: 1, kind: 'due' }));
    expect(await job!.waitUntilFinished(events, 15_000)).toBe('applied');
    // the same alarm again (a retry after a crash, or a duplicate): no second effect
    const again = await scheduler.queue.add(
      'due',
      { deadlineId: d.id, version: 1, kind: 'due' },
      { jobId: `${jobId({ deadlineId: d.id, version: 1, kind: 'due' })}-again` },
    );
    expect(await again.waitUntilFinished(events, 15_000)).toBe('inactive');
    expect((await ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ id: d.id })).status).toBe('BREACHED');
    expect(await ds.getRepository(ViolationEntity).countBy({ deadlineId: d.id })).toBe(1);
  });

  it('ignores an alarm of an older version of the deadline', async () => {
    const d = await runningDeadline(new Date('2026-03-10T01:30:00Z'));
    await ds.getRepository(CaseDeadlineEntity).update(d.id, { version: 2 });
    const scheduler = app.get(DeadlineScheduler);
    const stale = await scheduler.queue.add(
      'due',
      { deadlineId: d.id, version: 1, kind: 'due' },
      { jobId: jobId({ deadlineId: d.id, version: 1, kind: 'due' }) },
    );
    expect(await stale.waitUntilFinished(events, 15_000)).toBe('stale');
    expect((await ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ id: d.id })).status).toBe('RUNNING');
  });
});
