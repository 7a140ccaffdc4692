import { In, MoreThan } from 'typeorm';
import { AuditEventEntity, CalendarArrangementEntity, CalendarOverrideEntity, CalendarService } from '@weiquan/core';
import { GqlClient, loginAs } from '@weiquan/testing';
import { startTestApi, TestApi } from './test-api';

const DAYS = `query($from: String!, $to: String!) { calendarDays(from: $from, to: $to) { date working reason name } }`;
const STATUS = `{ calendarStatus { version firstYear lastYear warning overrideCount importedYears imports { year source days { date kind name } } } }`;
const OVERRIDES = `query($year: Int) { calendarOverrides(year: $year) { id date kind name createdById } }`;
const ADD = `mutation($input: AddCalendarOverrideInput!) { addCalendarOverride(input: $input) { id date kind name createdById } }`;
const REMOVE = `mutation($id: ID!) { removeCalendarOverride(id: $id) }`;
const IMPORT = `mutation($json: String!) { importCalendarArrangement(json: $json) { id year source days { date kind name } } }`;
const REMOVE_IMPORT = `mutation($year: Int!) { removeCalendarArrangement(year: $year) }`;

type Day = { date: string; working: boolean; reason: string; name: string | null };
type Status = {
  version: string;
  firstYear: number;
  lastYear: number;
  warning: string | null;
  overrideCount: number;
  importedYears: number[];
};

// The calendar is global and shared with other test files: this file only touches December 2026
// (overrides) and 2027 (import), and removes both before and after.
const LOCAL_HOLIDAY = '2026-12-08'; // a Tuesday
const LOCAL_WORKDAY = '2026-12-12'; // a Saturday
const OUR_DATES = [LOCAL_HOLIDAY, LOCAL_WORKDAY, '2026-12-09'];
const TEST_YEAR = 2027;

// Illustrative, not the real 2027 notice.
const ARRANGEMENT_2027 = {
  year: TEST_YEAR,
  source: '测试用安排（非真实通知）',
  days: [
    { date: '2027-01-01', kind: 'HOLIDAY', name: '元旦' },
    ...['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'].map((date) => ({
      date,
      kind: 'HOLIDAY',
      name: '春节',
    })),
    { date: '2027-02-20', kind: 'WORKDAY', name: '春节' },
  ],
};

describe('Calendar administration over GraphQL', () => {
  let api: TestApi;
  let admin: GqlClient;
  let cityOp: GqlClient;
  let auditFrom: string;

  const cleanUp = async () => {
    await api.ds.getRepository(CalendarOverrideEntity).delete({ date: In(OUR_DATES) });
    await api.ds.getRepository(CalendarArrangementEntity).delete({ year: TEST_YEAR });
    api.app.get(CalendarService).invalidate();
  };
  const days = async (client: GqlClient, from: string, to: string) =>
    new Map((await client.ok<{ calendarDays: Day[] }>(DAYS, { from, to })).calendarDays.map((d) => [d.date, d]));
  const status = async () => (await admin.ok<{ calendarStatus: Status }>(STATUS)).calendarStatus;

  beforeAll(async () => {
    api = await startTestApi();
    await cleanUp();
    admin = (await loginAs(api.gql, 'admin')).client;
    cityOp = (await loginAs(api.gql, 'city_op')).client;
    const last = await api.ds.getRepository(AuditEventEntity).find({ order: { id: 'DESC' }, take: 1 });
    auditFrom = last[0]?.id ?? '0';
  });
  afterAll(async () => {
    if (!api) return;
    await cleanUp();
    await api.close();
  });

  it('shows Spring Festival 2026 with its holidays and make-up Saturdays', async () => {
    const d = await days(cityOp, '2026-02-13', '2026-03-02');
    expect(d.size).toBe(18);
    expect(d.get('2026-02-13')).toEqual({ date: '2026-02-13', working: true, reason: 'WORKDAY', name: null });
    expect(d.get('2026-02-14')).toEqual({ date: '2026-02-14', working: true, reason: 'MAKEUP_WORKDAY', name: '春节' });
    for (let day = 15; day <= 23; day++) {
      expect(d.get(`2026-02-${day}`)).toMatchObject({ working: false, reason: 'HOLIDAY', name: '春节' });
    }
    expect(d.get('2026-02-24')).toMatchObject({ working: true, reason: 'WORKDAY' });
    expect(d.get('2026-02-28')).toMatchObject({ working: true, reason: 'MAKEUP_WORKDAY', name: '春节' });
    expect(d.get('2026-03-01')).toMatchObject({ working: false, reason: 'WEEKEND' });
  });

  it('validates the range of calendarDays', async () => {
    expect((await admin.error(DAYS, { from: '2026-02-30', to: '2026-03-01' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'from',
    });
    expect((await admin.error(DAYS, { from: '2026-03-01', to: '2026-02-01' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
    expect((await admin.error(DAYS, { from: '2026-01-01', to: '2027-02-05' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'to',
    });
    const d = await days(admin, '2026-01-01', '2027-02-04'); // exactly 400 days
    expect(d.size).toBe(400);
  });

  it('warns administrators from November when next year is not covered', async () => {
    api.clock.set('2026-06-01T10:00:00+08:00');
    expect((await status()).warning).toBeNull();
    api.clock.set('2026-11-23T10:00:00+08:00');
    const s = await status();
    expect(s).toMatchObject({ firstYear: 2004, lastYear: 2026 });
    expect(s.version).toMatch(/^chinese-days@/);
    expect(s.warning).toContain('2027');
    // Readable by every staff role.
    expect((await cityOp.ok<{ calendarStatus: Status }>(STATUS)).calendarStatus.warning).toBe(s.warning);
  });

  describe('local overrides', () => {
    let holidayId: string;

    it('adds a local holiday that the calendar in force treats as a day off', async () => {
      const before = await status();
      const { addCalendarOverride: o } = await admin.ok<{
        addCalendarOverride: { id: string; date: string; kind: string; name: string; createdById: string };
      }>(ADD, {
        input: { date: LOCAL_HOLIDAY, kind: 'HOLIDAY', name: ' 本市测试假日 ' },
      });
      holidayId = o.id;
      expect(o).toMatchObject({ date: LOCAL_HOLIDAY, kind: 'HOLIDAY', name: '本市测试假日' });
      expect(o.createdById).toBeTruthy();

      const d = await days(cityOp, '2026-12-07', '2026-12-09');
      expect(d.get(LOCAL_HOLIDAY)).toEqual({
        date: LOCAL_HOLIDAY,
        working: false,
        reason: 'OVERRIDE_HOLIDAY',
        name: '本市测试假日',
      });
      expect(d.get('2026-12-09')).toMatchObject({ working: true, reason: 'WORKDAY' });

      const cal = await api.app.get(CalendarService).current();
      expect(cal.isWorkingDay(LOCAL_HOLIDAY)).toBe(false);
      expect(cal.nextWorkingDay('2026-12-07')).toBe('2026-12-09');
      expect(cal.version).toContain('+overrides#');

      const after = await status();
      expect(after.overrideCount).toBe(before.overrideCount + 1);
      expect(after.version).not.toBe(before.version);
    });

    it('adds a local working Saturday', async () => {
      await admin.ok(ADD, { input: { date: LOCAL_WORKDAY, kind: 'WORKDAY', name: '本市测试补班' } });
      expect((await days(admin, LOCAL_WORKDAY, LOCAL_WORKDAY)).get(LOCAL_WORKDAY)).toMatchObject({
        working: true,
        reason: 'OVERRIDE_WORKDAY',
        name: '本市测试补班',
      });
      const list = (
        await cityOp.ok<{ calendarOverrides: { date: string }[] }>(OVERRIDES, { year: 2026 })
      ).calendarOverrides.map((o) => o.date);
      expect(list).toEqual(expect.arrayContaining([LOCAL_HOLIDAY, LOCAL_WORKDAY]));
      expect(list).toEqual([...list].sort());
      const other = (await admin.ok<{ calendarOverrides: { date: string }[] }>(OVERRIDES, { year: 2025 }))
        .calendarOverrides;
      expect(other.some((o) => OUR_DATES.includes(o.date))).toBe(false);
    });

    it('refuses a second override for the same date and a malformed date', async () => {
      const dup = await admin.error(ADD, { input: { date: LOCAL_HOLIDAY, kind: 'WORKDAY', name: '重复' } });
      expect(dup.extensions).toMatchObject({ code: 'CALENDAR_OVERRIDE_EXISTS', field: 'input.date' });
      expect(dup.message).toContain(LOCAL_HOLIDAY);
      for (const date of ['2026-02-30', '2026/12/09', '20261209']) {
        expect((await admin.error(ADD, { input: { date, kind: 'HOLIDAY', name: 'x' } })).extensions).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'input.date',
        });
      }
      expect(
        (await admin.error(ADD, { input: { date: '2026-12-09', kind: 'HOLIDAY', name: '  ' } })).extensions,
      ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
      expect(await api.ds.getRepository(CalendarOverrideEntity).countBy({ date: '2026-12-09' })).toBe(0);
    });

    it('lets a non-administrator read but not change the calendar', async () => {
      const add = await cityOp.error(ADD, { input: { date: '2026-12-09', kind: 'HOLIDAY', name: 'x' } });
      expect(add.extensions?.code).toBe('FORBIDDEN');
      expect((await cityOp.error(REMOVE, { id: holidayId })).extensions?.code).toBe('FORBIDDEN');
      expect((await cityOp.error(IMPORT, { json: JSON.stringify(ARRANGEMENT_2027) })).extensions?.code).toBe(
        'FORBIDDEN',
      );
      expect((await cityOp.error(REMOVE_IMPORT, { year: TEST_YEAR })).extensions?.code).toBe('FORBIDDEN');
      expect(await api.ds.getRepository(CalendarOverrideEntity).countBy({ date: '2026-12-09' })).toBe(0);
      expect(await api.ds.getRepository(CalendarOverrideEntity).countBy({ id: Number(holidayId) })).toBe(1);
    });

    it('removes an override and the day is a working day again', async () => {
      expect(
        (await admin.ok<{ removeCalendarOverride: boolean }>(REMOVE, { id: holidayId })).removeCalendarOverride,
      ).toBe(true);
      expect((await days(admin, LOCAL_HOLIDAY, LOCAL_HOLIDAY)).get(LOCAL_HOLIDAY)).toMatchObject({
        working: true,
        reason: 'WORKDAY',
        name: null,
      });
      expect((await api.app.get(CalendarService).current()).isWorkingDay(LOCAL_HOLIDAY)).toBe(true);
      expect((await admin.error(REMOVE, { id: holidayId })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'id',
      });
    });
  });

  describe('arrangement import', () => {
    it('lists every error of a malformed import at once and stores nothing', async () => {
      const bad = {
        year: TEST_YEAR,
        days: [
          { date: '2027-02-30', kind: 'HOLIDAY', name: '春节' },
          { date: '2027-01-04', kind: 'WORKDAY', name: '元旦' }, // a Monday
          { date: '2027-05-01', kind: 'OFF', name: '劳动节' },
          { date: '2027-10-01', kind: 'HOLIDAY', name: '' },
        ],
      };
      const err = await admin.error(IMPORT, { json: JSON.stringify(bad) });
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'json' });
      expect(err.message).toContain('4 处错误');
      for (const part of ['days[0]', 'days[1]', 'days[2]', 'days[3]']) expect(err.message).toContain(part);

      const notJson = await admin.error(IMPORT, { json: '{ year: 2027' });
      expect(notJson.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'json' });

      expect(await api.ds.getRepository(CalendarArrangementEntity).countBy({ year: TEST_YEAR })).toBe(0);
      expect((await status()).lastYear).toBe(2026);
    });

    it('takes in next year without a code change and clears the warning', async () => {
      api.clock.set('2026-11-23T10:00:00+08:00');
      expect((await status()).warning).not.toBeNull();

      const { importCalendarArrangement: a } = await admin.ok<{
        importCalendarArrangement: { year: number; source: string; days: unknown[] };
      }>(IMPORT, {
        json: JSON.stringify(ARRANGEMENT_2027),
      });
      expect(a).toMatchObject({ year: TEST_YEAR, source: ARRANGEMENT_2027.source });
      expect(a.days).toHaveLength(7);

      const s = await status();
      expect(s).toMatchObject({ lastYear: TEST_YEAR, warning: null });
      expect(s.importedYears).toContain(TEST_YEAR);
      expect(s.version).toContain(`+import:${TEST_YEAR}#`);

      const d = await days(cityOp, '2026-12-31', '2027-02-22');
      expect(d.get('2027-01-01')).toMatchObject({ working: false, reason: 'HOLIDAY', name: '元旦' });
      expect(d.get('2027-01-04')).toMatchObject({ working: true, reason: 'WORKDAY' });
      expect(d.get('2027-02-10')).toMatchObject({ working: false, reason: 'HOLIDAY', name: '春节' });
      expect(d.get('2027-02-20')).toMatchObject({ working: true, reason: 'MAKEUP_WORKDAY', name: '春节' });
      expect(d.get('2027-02-21')).toMatchObject({ working: false, reason: 'WEEKEND' });
      expect((await api.app.get(CalendarService).current()).isWorkingDay('2027-01-01')).toBe(false);
    });

    it('replaces an earlier import of the same year', async () => {
      const smaller = { ...ARRANGEMENT_2027, source: '测试用安排（更正）', days: ARRANGEMENT_2027.days.slice(0, 1) };
      await admin.ok(IMPORT, { json: JSON.stringify(smaller) });
      const rows = await api.ds.getRepository(CalendarArrangementEntity).findBy({ year: TEST_YEAR });
      expect(rows).toHaveLength(1);
      expect(rows[0].source).toBe('测试用安排（更正）');
      const d = await days(admin, '2027-02-10', '2027-02-20');
      expect(d.get('2027-02-10')).toMatchObject({ working: true, reason: 'WORKDAY' });
      expect(d.get('2027-02-20')).toMatchObject({ working: false, reason: 'WEEKEND' });
    });

    it('withdraws an import: the year is uncovered again and the warning returns', async () => {
      expect(
        (await admin.ok<{ removeCalendarArrangement: boolean }>(REMOVE_IMPORT, { year: TEST_YEAR }))
          .removeCalendarArrangement,
      ).toBe(true);
      const s = await status();
      expect(s.lastYear).toBe(2026);
      expect(s.importedYears).not.toContain(TEST_YEAR);
      expect(s.warning).toContain('2027');
      expect((await days(admin, '2027-01-01', '2027-01-01')).get('2027-01-01')).toMatchObject({
        working: true,
        reason: 'OUT_OF_RANGE_WORKDAY',
      });
      expect((await admin.error(REMOVE_IMPORT, { year: TEST_YEAR })).extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'year',
      });
    });
  });

  it('records every administrator change in audit_event', async () => {
    const events = await api.ds.getRepository(AuditEventEntity).find({
      where: {
        id: MoreThan(auditFrom),
        action: In([
          'calendar.override.add',
          'calendar.override.remove',
          'calendar.arrangement.import',
          'calendar.arrangement.remove',
        ]),
      },
      order: { id: 'ASC' },
    });
    const admin0 = events[0]?.actorUserId;
    expect(admin0).toBeTruthy();
    expect(events.map((e) => e.action)).toEqual([
      'calendar.override.add',
      'calendar.override.add',
      'calendar.override.remove',
      'calendar.arrangement.import',
      'calendar.arrangement.import',
      'calendar.arrangement.remove',
    ]);
    expect(events.every((e) => e.actorUserId === admin0)).toBe(true);
    expect(events[0]).toMatchObject({
      targetType: 'calendar_override',
      detail: { date: LOCAL_HOLIDAY, kind: 'HOLIDAY', before: { working: true, reason: 'WORKDAY' } },
    });
    expect(events[2].detail).toMatchObject({ date: LOCAL_HOLIDAY, kind: 'HOLIDAY' });
    expect(events[3]).toMatchObject({
      targetType: 'calendar_arrangement',
      targetId: String(TEST_YEAR),
      detail: { year: TEST_YEAR, holidays: 6, workdays: 1, replaced: null },
    });
    expect(events[4].detail).toMatchObject({ replaced: { days: 7 } });
  });
});
