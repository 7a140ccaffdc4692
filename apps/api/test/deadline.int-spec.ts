import IORedis from 'ioredis';
import {
  CaseDeadlineEntity,
  DeadlineEffects,
  DeadlineEngine,
  DeadlineReconciler,
  DeadlineScheduler,
  jobId,
  NotificationEntity,
  REDIS,
  REPAIR_HORIZON_MS,
  SupervisionEntity,
  ViolationEntity,
} from '@weiquan/core';
import { loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';

// Instants in Asia/Shanghai written as UTC (+08:00).
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (day: string) => sh(`${day}T23:59:59.999`);

describe('Deadline engine with an injectable clock', () => {
  let api: TestApi;
  let ops: Record<string, CaseOps>;
  let effects: DeadlineEffects;
  let reconciler: DeadlineReconciler;
  let scheduler: DeadlineScheduler;

  beforeAll(async () => {
    api = await startTestApi();
    ops = {};
    for (const u of ['city_op', 'city_director', 'gl_station'])
      ops[u] = new CaseOps((await loginAs(api.gql, u)).client);
    effects = api.app.get(DeadlineEffects);
    reconciler = api.app.get(DeadlineReconciler);
    scheduler = api.app.get(DeadlineScheduler);
  });
  afterAll(() => api?.close());

  const deadlines = (caseId: string) =>
    api.ds.getRepository(CaseDeadlineEntity).find({ where: { caseId }, order: { id: 'ASC' } });
  const byRule = async (caseId: string, code: string) => (await deadlines(caseId)).find((d) => d.ruleCode === code)!;

  it('starts both layers at registration and counts working days across National Day 2026 (调休 Saturday included)', async () => {
    api.clock.set(sh('2026-09-25T10:00:00'));
    const c = await ops.city_op.register(complaint());
    const rows = await deadlines(c.id);
    expect(rows.map((d) => d.ruleCode).sort()).toEqual(['ACCEPT_DECISION', 'FIRST_CONTACT', 'STAT_ACCEPT']);
    // Fri 25 Sep: Mon 28, Tue 29 → end of 29 Sep
    expect((await byRule(c.id, 'FIRST_CONTACT')).dueAt).toEqual(endOf('2026-09-29'));
    // 28, 29, 30 Sep, (1–7 Oct holiday), 8, 9 Oct → end of 9 Oct
    expect((await byRule(c.id, 'ACCEPT_DECISION')).dueAt).toEqual(endOf('2026-10-09'));
    // statutory 7 working days: … 8, 9, Sat 10 Oct (make-up working day), Mon 12 → end of 12 Oct
    const stat = await byRule(c.id, 'STAT_ACCEPT');
    expect(stat).toMatchObject({ layer: 'STATUTORY', ruleSetCode: 'ORDER_121' });
    expect(stat.dueAt).toEqual(endOf('2026-10-12'));
    const view = await ops.city_op.gql.ok<{ case: { deadlines: { ruleCode: string; explanation: string }[] } }>(
      `query($id: ID!) { case(id: $id) { deadlines { ruleCode explanation } } }`,
      { id: c.id },
    );
    const explained = JSON.parse(view.case.deadlines.find((d) => d.ruleCode === 'ACCEPT_DECISION')!.explanation);
    expect(explained.rule).toMatchObject({ code: 'ACCEPT_DECISION', set: 'COMMITMENT', version: 1 });
    expect(explained.counted).toEqual(['2026-09-28', '2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09']);
    expect(explained.skipped.map((s: { date: string }) => s.date)).toContain('2026-10-01');
  });

  it('picks the statutory rule set by receivedAt: Order 20 on 2026-04-14, Order 121 on 2026-04-15', async () => {
    api.clock.set(sh('2026-04-20T10:00:00'));
    const early = await ops.city_op.register(
      complaint({ channel: 'LETTER', receivedAt: sh('2026-04-14T15:00:00').toISOString() }),
    );
    const late = await ops.city_op.register(
      complaint({ channel: 'LETTER', receivedAt: sh('2026-04-15T09:00:00').toISOString() }),
    );
    await ops.city_op.run('acceptCase', early);
    await ops.city_op.run('acceptCase', late);
    const e = await byRule(early.id, 'STAT_MEDIATION');
    const l = await byRule(late.id, 'STAT_MEDIATION');
    expect(e).toMatchObject({ ruleSetCode: 'ORDER_20', amount: 45, unit: 'WORKING_DAYS' });
    expect(l).toMatchObject({ ruleSetCode: 'ORDER_121', amount: 60, unit: 'CALENDAR_DAYS' });
    // started at acceptance (20 Apr); 60 calendar days → 19 Jun 2026 (端午, a holiday) → next working day 22 Jun
    expect(l.dueAt).toEqual(endOf('2026-06-22'));
  });

  it('stops a clock on its stop event and the reconciler removes the stale alarm', async () => {
    api.clock.set(sh('2026-11-02T09:00:00'));
    const c = await ops.city_op.register(complaint());
    const before = await byRule(c.id, 'ACCEPT_DECISION');
    await scheduler.schedule([before], Infinity); // queued now, though days away (see the next test)
    // one alarm per live deadline on the queue: its next one, here the 50 % warning
    const alarm = jobId({ deadlineId: before.id, version: before.version, kind: 'warn', fraction: 0.5 });
    expect(await scheduler.queue.getJob(alarm)).toBeTruthy();
    expect(
      await scheduler.queue.getJob(jobId({ deadlineId: before.id, version: before.version, kind: 'due' })),
    ).toBeUndefined();
    await ops.city_op.run('acceptCase', c);
    expect(await byRule(c.id, 'ACCEPT_DECISION')).toMatchObject({ status: 'MET' });
    const started = await byRule(c.id, 'COMPLAINT_CONCLUDE');
    expect(started).toMatchObject({ status: 'RUNNING' });
    // the clock started by the step: its first alarm is weeks away, beyond the horizon — not queued yet
    expect(
      await scheduler.queue.getJob(jobId({ deadlineId: started.id, version: 1, kind: 'warn', fraction: 0.5 })),
    ).toBeUndefined();
    const report = await reconciler.run();
    expect(report.staleRemoved).toBeGreaterThanOrEqual(1);
    expect(await scheduler.queue.getJob(alarm)).toBeUndefined();
  });

  it('pauses while suspended and resumes with the remaining time; an approved extension moves the due time once', async () => {
    api.clock.set(sh('2026-11-02T09:00:00')); // Monday
    let c = await ops.city_op.register(complaint());
    c = await ops.city_op.run('acceptCase', c);
    const glT1 = (await api.ds.query("SELECT id FROM org_unit WHERE code = 'GL-T1'"))[0].id;
    c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: String(glT1), mode: 'ON_BEHALF' });
    const hop = await byRule(c.id, 'STATION_CONCLUDE');
    expect(hop).toMatchObject({ responsibleUnitId: Number(glT1), roundKey: 'r1-hop1' });
    // 15 calendar days from Mon 2 Nov → Tue 17 Nov
    expect(hop.dueAt).toEqual(endOf('2026-11-17'));
    const conclude = await byRule(c.id, 'COMPLAINT_CONCLUDE');
    expect(conclude.dueAt).toEqual(endOf('2026-11-11'));
    c = await ops.gl_station.run('receiveCase', c);
    expect((await byRule(c.id, 'STATION_CONCLUDE')).responsibleUserId).toEqual(expect.any(Number));
    api.clock.set(sh('2026-11-03T10:00:00'));
    c = await ops.gl_station.run('suspendCase', c, { reason: 'TESTING' });
    const paused = await byRule(c.id, 'COMPLAINT_CONCLUDE');
    expect(paused).toMatchObject({ status: 'PAUSED', dueAt: null });
    api.clock.set(sh('2026-11-09T16:00:00'));
    c = await ops.gl_station.run('resumeCase', c);
    const resumed = await byRule(c.id, 'COMPLAINT_CONCLUDE');
    expect(resumed.status).toBe('RUNNING');
    // counted before the pause: 3 Nov? no — the pause touched 3 Nov, so only... days 3–9 Nov are paused;
    // 7 working days: 10, 11, 12, 13, 16, 17, 18 Nov → end of 18 Nov
    expect(resumed.dueAt).toEqual(endOf('2026-11-18'));
    c = await ops.gl_station.run('requestExtension', c, { reason: '检测报告未出', days: 3 });
    c = await ops.city_director.run('decideExtension', c, { approved: true });
    const extended = await byRule(c.id, 'COMPLAINT_CONCLUDE');
    expect(extended.extendedAmount).toBe(3);
    expect(extended.dueAt).toEqual(endOf('2026-11-23'));
  });

  it('warns at the thresholds and breaches exactly once: one supervision item, one violation, the case overdue', async () => {
    api.clock.set(sh('2026-11-16T09:00:00')); // Monday
    const c = await ops.city_op.register(complaint());
    const d = await byRule(c.id, 'FIRST_CONTACT'); // due end of Wed 18 Nov
    expect(d.dueAt).toEqual(endOf('2026-11-18'));
    // the clock runs only on counted days (17 and 18 Nov, 24 h each): 50 % is the start of 18 Nov
    api.clock.set(sh('2026-11-17T13:00:00'));
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.5 })).toBe('early');
    api.clock.set(sh('2026-11-18T01:00:00'));
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.5 })).toBe('applied');
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.5 })).toBe('duplicate');
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.8 })).toBe('early');
    const warned = await api.ds
      .getRepository(NotificationEntity)
      .find({ where: { caseId: c.id, kind: 'DEADLINE_WARNING' } });
    expect(warned).toHaveLength(1);
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' })).toBe('early');

    api.clock.set(sh('2026-11-19T00:00:01'));
    // a worker killed mid-job retries while the reconciler also runs: both race, one wins
    const results = await Promise.all([
      effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' }),
      reconciler.run(),
      effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' }),
    ]);
    expect(
      results.filter((r) => r === 'applied').length + (results[1] as { breached: number }).breached,
    ).toBeGreaterThanOrEqual(1);
    await reconciler.run();
    const breached = await byRule(c.id, 'FIRST_CONTACT');
    expect(breached.status).toBe('BREACHED');
    expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: `deadline-${d.id}` })).toBe(1);
    expect(await api.ds.getRepository(ViolationEntity).countBy({ deadlineId: d.id })).toBe(1);
    expect(
      await api.ds.query('SELECT COUNT(*) AS n FROM deadline_effect WHERE deadline_id = ? AND effect = ?', [
        d.id,
        'breach',
      ]),
    ).toEqual([{ n: '1' }]);
    const caseRow = await api.ds.query('SELECT overdue FROM wq_case WHERE id = ?', [c.id]);
    expect(Number(caseRow[0].overdue)).toBe(1);
    const notes = await api.ds
      .getRepository(NotificationEntity)
      .find({ where: { caseId: c.id, kind: 'DEADLINE_BREACHED' } });
    expect(notes.length).toBeGreaterThanOrEqual(2); // the registering operator, the city director(s), supervisors
    const timeline = (await ops.city_op.get(c.id)).timeline.map((e: { action: string }) => e.action);
    expect(timeline.filter((a: string) => a === 'deadlineBreached')).toHaveLength(1);
    const overdue = await ops.city_op.gql.ok<{ overdueDeadlines: { total: number } }>(`{ overdueDeadlines { total } }`);
    const [{ n }] = await api.ds.query(
      "SELECT COUNT(*) AS n FROM case_deadline WHERE status = 'BREACHED' AND stopped_at IS NULL",
    );
    expect(overdue.overdueDeadlines.total).toBe(Number(n));
    expect(Number(n)).toBeGreaterThanOrEqual(1);
    // the case's due time is its earliest live clock: the breached one until its step is done, also after
    // other steps (a queue shows the case as overdue by as much, not as due later)
    const dueOf = async () => (await api.ds.query('SELECT due_at FROM wq_case WHERE id = ?', [c.id]))[0].due_at;
    expect(await dueOf()).toEqual(d.dueAt);
    await api.app.get(DeadlineEngine).refreshCaseDue(api.ds.manager, c); // what every step does
    expect(await dueOf()).toEqual(d.dueAt);
    await ops.city_op.run('acceptCase', c); // the breached step done: the next running clock
    const [{ next }] = await api.ds.query(
      "SELECT MIN(due_at) next FROM case_deadline WHERE case_id = ? AND status = 'RUNNING'",
      [c.id],
    );
    expect(await dueOf()).toEqual(next);
  });

  it('breaches a clock already past due when its stop event comes before any alarm rang (no worker ran), with its effects once', async () => {
    api.clock.set(sh('2026-11-02T09:00:00')); // Monday
    const c = await ops.city_op.register(complaint());
    const d = await byRule(c.id, 'ACCEPT_DECISION'); // 5 working days: due end of Mon 9 Nov
    expect(d.dueAt).toEqual(endOf('2026-11-09'));
    api.clock.set(sh('2026-11-12T10:00:00'));
    await ops.city_op.run('acceptCase', c);
    const after = await byRule(c.id, 'ACCEPT_DECISION');
    expect(after.status).toBe('BREACHED');
    expect(after.stoppedAt).toEqual(sh('2026-11-12T10:00:00'));
    expect(await api.ds.getRepository(ViolationEntity).countBy({ deadlineId: d.id })).toBe(1);
    expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: `deadline-${d.id}` })).toBe(1);
    // the alarm that rings late, and the reconciler, find nothing left to do
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'due' })).not.toBe('applied');
    await reconciler.run();
    expect(await api.ds.getRepository(ViolationEntity).countBy({ deadlineId: d.id })).toBe(1);
    const timeline = (await ops.city_op.get(c.id)).timeline.map((e: { action: string }) => e.action);
    expect(timeline.indexOf('deadlineBreached')).toBeGreaterThan(-1);
  });

  it('re-adds missing alarms (those due within a day) after Redis is emptied, and applies breaches that fell due meanwhile', async () => {
    // early in the year, so the breach sweep below touches only this suite's cases
    api.clock.set(sh('2026-01-05T09:00:00'));
    const c = await ops.city_op.register(complaint());
    const d = await byRule(c.id, 'ACCEPT_DECISION');
    expect(d.dueAt).toEqual(endOf('2026-01-12'));
    const redis = api.app.get<IORedis>(REDIS);
    const alarm = (kind: 'warn' | 'due', fraction?: number) =>
      scheduler.queue.getJob(jobId({ deadlineId: d.id, version: d.version, kind, fraction }));
    await redis.flushdb();
    // its next alarm, the 50 % warning (8 Jan 12:00), is more than a day away: left for a later pass
    const first = await reconciler.run();
    expect(first.deferred).toBeGreaterThanOrEqual(1);
    expect(await alarm('warn', 0.5)).toBeUndefined();
    // within a day of it, a pass re-queues it; the next pass finds nothing to repair
    api.clock.set(sh('2026-01-07T13:00:00'));
    expect((await reconciler.run()).requeued).toBeGreaterThanOrEqual(1);
    expect(await alarm('warn', 0.5)).toBeTruthy();
    expect(await reconciler.run()).toMatchObject({ requeued: 0, breached: 0 });
    // the 50 % warning rings (start of 8 Jan: 2.5 of 5 counted days); the chain moves on to 80 %
    api.clock.set(sh('2026-01-08T12:00:00'));
    expect(await effects.fire({ deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.5 })).toBe('applied');
    await scheduler.scheduleNext(d.id, { deadlineId: d.id, version: d.version, kind: 'warn', fraction: 0.5 });
    expect(await alarm('warn', 0.8)).toBeTruthy();
    // emptied again (the 80 % warning is due at the end of 9 Jan): the applied warning is not queued again, the pending one is
    await redis.flushdb();
    api.clock.set(sh('2026-01-09T09:00:00'));
    await reconciler.run();
    expect(await alarm('warn', 0.5)).toBeUndefined();
    expect(await alarm('warn', 0.8)).toBeTruthy();
    // workers were down past the due time
    await redis.flushdb();
    api.clock.set(sh('2026-01-13T09:00:00'));
    const report = await reconciler.run();
    expect(report.breached).toBeGreaterThanOrEqual(1);
    expect((await byRule(c.id, 'ACCEPT_DECISION')).status).toBe('BREACHED');
    await reconciler.run();
    expect(await api.ds.getRepository(ViolationEntity).countBy({ caseId: c.id, ruleCode: 'ACCEPT_DECISION' })).toBe(1);
    expect(await api.ds.getRepository(SupervisionEntity).countBy({ sourceKey: `deadline-${d.id}` })).toBe(1);
    expect(
      await api.ds.query('SELECT effect FROM deadline_effect WHERE deadline_id = ? ORDER BY effect', [d.id]),
    ).toEqual([{ effect: 'breach' }, { effect: 'warn-50' }]);
    // the 80 % warning came after the due time: not sent after the fact, and no alarm is left for it
    expect(await alarm('warn', 0.8)).toBeUndefined();
  });

  it('counts violations per staff member and year with the 1 / 2 / 3+ levels', async () => {
    const res = await ops.city_op.gql.ok<{
      staffViolationSummary: { userId: string; count: number; level: number; consequence: string }[];
    }>(`{ staffViolationSummary(year: 2026) { userId count level consequence } }`);
    const opId = (await api.ds.query("SELECT id FROM app_user WHERE username = 'city_op'"))[0].id;
    const [{ n }] = await api.ds.query('SELECT COUNT(*) AS n FROM violation WHERE user_id = ? AND year = 2026', [opId]);
    const op = res.staffViolationSummary.find((s) => s.userId === String(opId))!;
    expect(Number(n)).toBeGreaterThanOrEqual(2);
    expect(op.count).toBe(Number(n));
    expect(op.level).toBe(Math.min(op.count, 3));
    expect(op.consequence).toBe(['', '向消费者赔礼道歉并批评教育', '通报批评', '效能告诫或调离岗位'][op.level]);
  });

  it('revises a rule as a new version, keeps running deadlines on theirs, and recalculates only when an administrator applies a previewed change', async () => {
    api.clock.set(sh('2026-11-16T09:00:00')); // Monday
    const admin = new CaseOps((await loginAs(api.gql, 'admin')).client);
    const before = await ops.city_op.register(complaint());
    const old = await byRule(before.id, 'FIRST_CONTACT');
    expect(old.dueAt).toEqual(endOf('2026-11-18'));
    const revise = `mutation($i: ReviseDeadlineRuleInput!) { reviseDeadlineRule(input: $i) { version rules { code amount } } }`;
    expect(
      (
        await ops.city_op.gql.error(revise, {
          i: { ruleSetCode: 'COMMITMENT', ruleCode: 'FIRST_CONTACT', amount: 3, reason: 'x' },
        })
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await admin.gql.error(revise, {
          i: { ruleSetCode: 'COMMITMENT', ruleCode: 'FIRST_CONTACT', amount: 0, reason: 'x' },
        })
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount' });
    try {
      const revised = await admin.gql.ok<{
        reviseDeadlineRule: { version: number; rules: { code: string; amount: number }[] };
      }>(revise, {
        i: { ruleSetCode: 'COMMITMENT', ruleCode: 'FIRST_CONTACT', amount: 3, reason: '市局要求三个工作日内联系' },
      });
      expect(revised.reviseDeadlineRule.rules.find((r) => r.code === 'FIRST_CONTACT')!.amount).toBe(3);
      // the running deadline did not move
      expect((await byRule(before.id, 'FIRST_CONTACT')).dueAt).toEqual(endOf('2026-11-18'));
      const after = await ops.city_op.register(complaint());
      const fresh = await byRule(after.id, 'FIRST_CONTACT');
      expect(fresh).toMatchObject({ ruleSetVersion: revised.reviseDeadlineRule.version, amount: 3 });
      expect(fresh.dueAt).toEqual(endOf('2026-11-19'));
      const preview = await admin.gql.ok<{
        previewDeadlineRecalculation: { deadlineId: string; newDue: string; toVersion: number }[];
      }>(`{ previewDeadlineRecalculation(ruleSetCode: "COMMITMENT") { deadlineId newDue toVersion } }`);
      const item = preview.previewDeadlineRecalculation.find((p) => p.deadlineId === old.id)!;
      expect(new Date(item.newDue)).toEqual(endOf('2026-11-19'));
      const applied = await admin.gql.ok<{ applyDeadlineRecalculation: number }>(
        `mutation($ids: [ID!]) { applyDeadlineRecalculation(reason: "规则修订", deadlineIds: $ids) }`,
        { ids: [old.id] },
      );
      expect(applied.applyDeadlineRecalculation).toBe(1);
      expect(await byRule(before.id, 'FIRST_CONTACT')).toMatchObject({
        amount: 3,
        dueAt: endOf('2026-11-19'),
        version: old.version + 1,
      });
      // the case's due time follows its clocks, and the case's timeline says what was recalculated
      const [row] = await api.ds.query('SELECT due_at FROM wq_case WHERE id = ?', [before.id]);
      expect(new Date(row.due_at)).toEqual(endOf('2026-11-19'));
      const [entry] = await api.ds.query(
        "SELECT note FROM case_event WHERE case_id = ? AND action = 'recalculateDeadlines'",
        [before.id],
      );
      expect(entry.note).toBe('规则修订');
      const audit = await api.ds.query(
        "SELECT action FROM audit_event WHERE action IN ('deadline.rule.revise', 'deadline.recalculate') ORDER BY id DESC LIMIT 2",
      );
      expect(audit.map((a: { action: string }) => a.action).sort()).toEqual([
        'deadline.recalculate',
        'deadline.rule.revise',
      ]);
    } finally {
      // the rule sets are global to the shared test database: withdraw the revision
      await api.ds.query("UPDATE deadline_rule_set SET active = 0 WHERE code = 'COMMITMENT' AND version > 1");
    }
  });

  it('climbs the escalation ladder once per rung, and clears the overdue flag when the breached step is finally done', async () => {
    api.clock.set(sh('2026-11-02T09:00:00')); // Monday
    let c = await ops.city_op.register(complaint());
    c = await ops.city_op.run('acceptCase', c);
    const glT1 = (await api.ds.query("SELECT id, parent_id FROM org_unit WHERE code = 'GL-T1'"))[0];
    c = await ops.city_op.run('dispatchCase', c, { targetType: 'UNIT', unitId: String(glT1.id), mode: 'ON_BEHALF' });
    c = await ops.gl_station.run('receiveCase', c);
    c = await ops.gl_station.run('recordContact', c, { method: 'PHONE', content: '已电话联系消费者' }); // FIRST_CONTACT met
    const hop = await byRule(c.id, 'STATION_CONCLUDE');
    expect(hop.dueAt).toEqual(endOf('2026-11-17'));
    const step = (i: number) => effects.fire({ deadlineId: hop.id, version: hop.version, kind: 'step', step: i });
    api.clock.set(sh('2026-11-13T08:30:00'));
    expect(await step(0)).toBe('early'); // two working days before: Fri 13 Nov 09:00
    api.clock.set(sh('2026-11-13T09:30:00'));
    expect(await step(0)).toBe('applied');
    expect(await step(0)).toBe('duplicate');
    expect(await step(1)).toBe('early');
    api.clock.set(sh('2026-11-18T00:00:01'));
    const fresh = await byRule(c.id, 'STATION_CONCLUDE');
    expect(await effects.fire({ deadlineId: fresh.id, version: fresh.version, kind: 'due' })).toBe('applied');
    api.clock.set(sh('2026-11-18T10:00:00'));
    expect(await step(1)).toBe('applied');
    expect(await step(2)).toBe('applied'); // supervision raised to the parent unit
    expect(await step(2)).toBe('duplicate');
    const raised = await api.ds.getRepository(SupervisionEntity).findBy({ sourceKey: `deadline-${hop.id}-step-2` });
    expect(raised).toHaveLength(1);
    expect(raised[0].targetUnitId).toBe(Number(glT1.parent_id));
    // each rung is in the case log by its Chinese name, never the rule's action code
    const notes: { note: string }[] = await api.ds.query(
      "SELECT note FROM case_event WHERE case_id = ? AND action = 'deadlineEscalated' ORDER BY id",
      [c.id],
    );
    expect(notes.map((n) => n.note.split('：')[0])).toEqual(['临期提醒', '今日到期提醒', '逐级督办']);
    expect(notes.map((n) => n.note).join('\n')).not.toMatch(/[A-Z]{2,}_[A-Z_]+/);
    expect(Number((await api.ds.query('SELECT overdue FROM wq_case WHERE id = ?', [c.id]))[0].overdue)).toBe(1);
    c = await ops.gl_station.run('concludeCase', c, { outcome: 'MEDIATED' });
    const done = await byRule(c.id, 'STATION_CONCLUDE');
    expect(done.status).toBe('BREACHED');
    expect(done.stoppedAt).not.toBeNull();
    // the commitment clock past due since 11 Nov is breached by the late conclusion, not counted as met
    expect(await byRule(c.id, 'COMPLAINT_CONCLUDE')).toMatchObject({
      status: 'BREACHED',
      stoppedAt: sh('2026-11-18T10:00:00'),
    });
    expect(Number((await api.ds.query('SELECT overdue FROM wq_case WHERE id = ?', [c.id]))[0].overdue)).toBe(0);
    expect(await step(2)).toBe('inactive');
  });

  it('queues at commit the alarms that ring within a day; the reconciler queues later ones as they come within it', async () => {
    // (last: it moves the clock days ahead and runs a pass, which would breach earlier tests' clocks)
    api.clock.set(sh('2026-11-16T09:00:00'));
    // received ten days ago (a letter): its acceptance clock's warning is due already; received now: days away
    const late = await ops.city_op.register(complaint({ receivedAt: sh('2026-11-06T09:00:00').toISOString() }));
    const fresh = await ops.city_op.register(complaint());
    const horizon = api.clock.now().getTime() + REPAIR_HORIZON_MS;
    const alarmsOf = async (caseId: string) => scheduler.nextAlarms(await deadlines(caseId), new Map());
    const near = [...(await alarmsOf(late.id)), ...(await alarmsOf(fresh.id))].filter((a) => a.at.getTime() <= horizon);
    const far = [...(await alarmsOf(late.id)), ...(await alarmsOf(fresh.id))].filter((a) => a.at.getTime() > horizon);
    expect(near.length).toBeGreaterThan(0);
    expect(far.length).toBeGreaterThan(0);
    for (const a of near) expect(await scheduler.queue.getJob(jobId(a.job))).toBeTruthy();
    for (const a of far) expect(await scheduler.queue.getJob(jobId(a.job))).toBeUndefined();

    // an hour before the earliest far alarm rings, a reconciler pass has queued it
    const first = far.reduce((x, y) => (y.at < x.at ? y : x));
    api.clock.set(new Date(first.at.getTime() - 3_600_000));
    await reconciler.run();
    expect(await scheduler.queue.getJob(jobId(first.job))).toBeTruthy();
  });
});
