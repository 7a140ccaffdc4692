import { AuditEventEntity, CalendarArrangementEntity, CalendarService, CaseDeadlineEntity } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';
import { CaseOps, complaint } from './case-ops';

// Issue 11 item 10: a clock counted into a year without an imported arrangement (2027, as on 2026-12-05)
// is 暂定; importing that year's arrangement previews and recalculates exactly those clocks (audited).
const sh = (local: string) => new Date(`${local}+08:00`);
const endOf = (date: string) => sh(`${date}T23:59:59.999`);
const YEAR = 2027;
const ARRANGEMENT = {
  year: YEAR,
  source: '测试用安排（非真实通知）',
  days: [{ date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' }],
};
const DEADLINES = `query($id: ID!) { case(id: $id) { deadlines { id ruleCode dueAt provisional explanation } } }`;
const STATUS = `{ calendarStatus { provisionalDeadlines } }`;
const IMPORT = `mutation($json: String!) { importCalendarArrangement(json: $json) { year } }`;
const PREVIEW = `query($p: Boolean) { previewDeadlineRecalculation(provisionalOnly: $p) { deadlineId caseNo ruleCode provisional currentDue newDue } }`;
const APPLY = `mutation($reason: String!, $p: Boolean) { applyDeadlineRecalculation(reason: $reason, provisionalOnly: $p) }`;

type Deadline = { id: string; ruleCode: string; dueAt: string | null; provisional: boolean; explanation: string };
type Item = { deadlineId: string; caseNo: string; ruleCode: string; provisional: boolean; newDue: string | null };

describe('Provisional (暂定) clocks for a year the calendar does not cover', () => {
  let api: TestApi;
  let admin: GqlClient;
  let cityOp: CaseOps;
  let cityClient: GqlClient;

  const cleanUp = async () => {
    await api.ds.getRepository(CalendarArrangementEntity).delete({ year: YEAR });
    api.app.get(CalendarService).invalidate();
  };
  const deadlines = async (id: string) =>
    (await cityClient.ok<{ case: { deadlines: Deadline[] } }>(DEADLINES, { id })).case.deadlines;

  beforeAll(async () => {
    api = await startTestApi();
    await cleanUp();
    // Thursday 2026-12-24 (signed in at that time: tokens are issued by the test clock).
    api.clock.set(sh('2026-12-24T10:00:00'));
    admin = (await loginAs(api.gql, 'admin')).client;
    cityClient = (await loginAs(api.gql, 'city_op')).client;
    cityOp = new CaseOps(cityClient);
  });
  afterAll(async () => {
    await cleanUp();
    await api?.close();
  });

  it('marks only the clock counted into 2027, explains why, and recalculates it after the import', async () => {
    // Registered Thursday 2026-12-24: the 7-working-day statutory acceptance clock runs into 2027, the
    // 2-working-day first contact and the 5-working-day acceptance decision end in 2026.
    const c = await cityOp.register(complaint());
    const before = new Map((await deadlines(c.id)).map((d) => [d.ruleCode, d]));
    const stat = before.get('STAT_ACCEPT')!;
    expect(stat.provisional).toBe(true);
    // 12-25, 28, 29, 30, 31 and — provisionally, weekdays only — 2027-01-01 and 01-04.
    expect(new Date(stat.dueAt!)).toEqual(endOf('2027-01-04'));
    expect(JSON.parse(stat.explanation).provisional).toEqual({ years: [YEAR] });
    expect(before.get('FIRST_CONTACT')!.provisional).toBe(false);
    expect(before.get('ACCEPT_DECISION')!.provisional).toBe(false);
    expect(JSON.parse(before.get('ACCEPT_DECISION')!.explanation).provisional).toBeUndefined();
    expect((await admin.ok<{ calendarStatus: { provisionalDeadlines: number } }>(STATUS)).calendarStatus).toMatchObject(
      { provisionalDeadlines: expect.any(Number) },
    );
    const countBefore = (await admin.ok<{ calendarStatus: { provisionalDeadlines: number } }>(STATUS)).calendarStatus
      .provisionalDeadlines;
    expect(countBefore).toBeGreaterThanOrEqual(1);

    // Importing 2027 (元旦 a holiday) changes nothing silently: the clock keeps its due until recalculated.
    await admin.ok(IMPORT, { json: JSON.stringify(ARRANGEMENT) });
    expect((await api.ds.getRepository(CaseDeadlineEntity).findOneByOrFail({ id: stat.id })).provisional).toBe(true);
    const preview = (await admin.ok<{ previewDeadlineRecalculation: Item[] }>(PREVIEW, { p: true }))
      .previewDeadlineRecalculation;
    expect(preview.every((i) => i.provisional)).toBe(true);
    const mine = preview.find((i) => i.deadlineId === stat.id)!;
    expect(mine).toMatchObject({ caseNo: c.caseNo, ruleCode: 'STAT_ACCEPT' });
    expect(new Date(mine.newDue!)).toEqual(endOf('2027-01-05'));
    expect(preview.some((i) => i.deadlineId === before.get('ACCEPT_DECISION')!.id)).toBe(false);

    const applied = (
      await admin.ok<{ applyDeadlineRecalculation: number }>(APPLY, { reason: '导入 2027 年安排', p: true })
    ).applyDeadlineRecalculation;
    expect(applied).toBe(preview.length);
    const after = (await deadlines(c.id)).find((d) => d.id === stat.id)!;
    expect(after.provisional).toBe(false);
    expect(new Date(after.dueAt!)).toEqual(endOf('2027-01-05'));
    const audit = await api.ds
      .getRepository(AuditEventEntity)
      .find({ where: { action: 'deadline.recalculate' }, order: { id: 'DESC' }, take: 1 });
    expect(audit[0]?.detail).toMatchObject({ provisionalOnly: true, reason: '导入 2027 年安排' });
    const timeline = (await cityOp.get(c.id)).timeline.map((e: { action: string }) => e.action);
    expect(timeline).toContain('recalculateDeadlines');
    expect(
      (await admin.ok<{ calendarStatus: { provisionalDeadlines: number } }>(STATUS)).calendarStatus
        .provisionalDeadlines,
    ).toBeLessThan(countBefore);
  });

  it('lets no one but an administrator recalculate', async () => {
    const denied = await cityClient.request(APPLY, { reason: 'x', p: true });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
