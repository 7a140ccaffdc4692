import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import { type DayInfo, dateRange, parseArrangementImport } from '@weiquan/shared';
import {
  Actor,
  AppError,
  CalendarArrangementEntity,
  CalendarOverrideEntity,
  CalendarService,
  CaseDeadlineEntity,
  Clock,
  ErrorCode,
} from '@weiquan/core';
import { parseId } from '../../common/ids';
import { AuditService } from '../audit/audit.service';
import { AddCalendarOverrideInput, DATE_MESSAGE, isCalendarDate } from './calendar.input';

/** The longest range `calendarDays` answers (a year view plus its neighbouring weeks). */
export const MAX_CALENDAR_DAYS = 400;
/** An arrangement notice is a few dozen days; anything this large is not one. */
const MAX_IMPORT_CHARS = 100_000;

export interface CalendarStatus {
  version: string;
  firstYear: number;
  lastYear: number;
  warning: string | null;
  overrideCount: number;
  provisionalDeadlines: number;
  imports: CalendarArrangementEntity[];
}

/**
 * Administration of the working-day calendar: local overrides and imported State Council
 * arrangements, both stored in the database and picked up by CalendarService (libs/core), which
 * api and worker share. Every change is audited and drops this process's cached calendar at once;
 * other processes pick it up within CalendarService's one-minute refresh. Changes apply to
 * deadlines computed afterwards; running deadlines are recalculated only through the deadline
 * module's preview/apply, never silently here.
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly calendar: CalendarService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async days(from: string, to: string): Promise<DayInfo[]> {
    if (!isCalendarDate(from)) throw AppError.badInput('from', DATE_MESSAGE);
    if (!isCalendarDate(to)) throw AppError.badInput('to', DATE_MESSAGE);
    if (to < from) throw AppError.badInput('to', '结束日期不能早于开始日期');
    const dates = dateRange(from, to);
    if (dates.length > MAX_CALENDAR_DAYS) throw AppError.badInput('to', `一次最多查询 ${MAX_CALENDAR_DAYS} 天`);
    const cal = await this.calendar.current();
    return dates.map((d) => cal.dayInfo(d));
  }

  async status(): Promise<CalendarStatus> {
    const [cal, overrideCount, imports, provisionalDeadlines] = await Promise.all([
      this.calendar.current(),
      this.ds.getRepository(CalendarOverrideEntity).count(),
      this.ds.getRepository(CalendarArrangementEntity).find({ order: { year: 'ASC' } }),
      this.ds.getRepository(CaseDeadlineEntity).count({
        where: { provisional: true, status: In(['RUNNING', 'PAUSED']) },
      }),
    ]);
    const { firstYear, lastYear } = cal.coverage();
    return {
      version: cal.version,
      firstYear,
      lastYear,
      warning: cal.coverageWarning(this.clock.now()),
      overrideCount,
      provisionalDeadlines,
      imports,
    };
  }

  overrides(year?: number | null): Promise<CalendarOverrideEntity[]> {
    if (year != null && (!Number.isInteger(year) || year < 2000 || year > 2100)) {
      throw AppError.badInput('year', '年份须在 2000 至 2100 之间');
    }
    return this.ds.getRepository(CalendarOverrideEntity).find({
      where: year == null ? {} : { date: Between(`${year}-01-01`, `${year}-12-31`) },
      order: { date: 'ASC' },
    });
  }

  async addOverride(actor: Actor, input: AddCalendarOverrideInput): Promise<CalendarOverrideEntity> {
    const before = (await this.calendar.current()).dayInfo(input.date);
    const id = await this.ds.transaction(async (m) => {
      if (await m.exists(CalendarOverrideEntity, { where: { date: input.date } })) throw overrideExists(input.date);
      const res = await m
        .insert(CalendarOverrideEntity, {
          date: input.date,
          kind: input.kind,
          name: input.name.trim(),
          createdById: actor.kind === 'USER' ? actor.id : null,
        })
        .catch((e: { code?: string }) => {
          throw e.code === 'ER_DUP_ENTRY' ? overrideExists(input.date) : e;
        });
      const newId = res.identifiers[0].id as number;
      await this.audit.record(
        m,
        actor,
        'calendar.override.add',
        { type: 'calendar_override', id: newId },
        {
          date: input.date,
          kind: input.kind,
          name: input.name.trim(),
          before: { working: before.working, reason: before.reason, name: before.name ?? null },
        },
      );
      return newId;
    });
    this.calendar.invalidate();
    return this.ds.getRepository(CalendarOverrideEntity).findOneByOrFail({ id });
  }

  async removeOverride(actor: Actor, rawId: string): Promise<boolean> {
    const id = parseId(rawId, 'id');
    await this.ds.transaction(async (m) => {
      const o = await m.findOne(CalendarOverrideEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw AppError.notFound('本地日历设置', 'id');
      await m.delete(CalendarOverrideEntity, id);
      await this.audit.record(
        m,
        actor,
        'calendar.override.remove',
        { type: 'calendar_override', id },
        { date: o.date, kind: o.kind, name: o.name },
      );
    });
    this.calendar.invalidate();
    return true;
  }

  /** Validates a year's arrangement (every problem at once) and stores it, replacing an earlier import of that year. */
  async importArrangement(actor: Actor, json: string): Promise<CalendarArrangementEntity> {
    if (json.length > MAX_IMPORT_CHARS)
      throw AppError.badInput('json', `导入内容过长（最多 ${MAX_IMPORT_CHARS} 个字符）`);
    const parsed = parseArrangementImport(json);
    if (!parsed.ok) {
      throw new AppError(
        ErrorCode.BAD_USER_INPUT,
        `节假日安排有 ${parsed.errors.length} 处错误，未导入：${parsed.errors.join('；')}`,
        'json',
        { errors: parsed.errors.map((message) => ({ field: 'json', message })) },
      );
    }
    const a = parsed.arrangement;
    const id = await this.ds.transaction(async (m) => {
      const previous = await m.findOne(CalendarArrangementEntity, {
        where: { year: a.year },
        lock: { mode: 'pessimistic_write' },
      });
      const row = {
        year: a.year,
        source: a.source ?? null,
        days: a.days,
        importedById: actor.kind === 'USER' ? actor.id : null,
      };
      // Replaced whole (a new row, so imported_at is the time of this import).
      if (previous) await m.delete(CalendarArrangementEntity, previous.id);
      const res = await m.insert(CalendarArrangementEntity, row).catch((e: { code?: string }) => {
        throw e.code === 'ER_DUP_ENTRY'
          ? AppError.conflict(`${a.year} 年的节假日安排正被他人同时导入，请刷新后重试`, 'json')
          : e;
      });
      const rowId = res.identifiers[0].id as number;
      await this.audit.record(
        m,
        actor,
        'calendar.arrangement.import',
        { type: 'calendar_arrangement', id: a.year },
        {
          year: a.year,
          source: a.source ?? null,
          holidays: a.days.filter((d) => d.kind === 'HOLIDAY').length,
          workdays: a.days.filter((d) => d.kind === 'WORKDAY').length,
          replaced: previous
            ? { source: previous.source, days: previous.days.length, importedAt: previous.importedAt }
            : null,
        },
      );
      return rowId;
    });
    this.calendar.invalidate();
    return this.ds.getRepository(CalendarArrangementEntity).findOneByOrFail({ id });
  }

  /** Withdraws an imported year: the package's data for that year (if any) applies again. */
  async removeArrangement(actor: Actor, year: number): Promise<boolean> {
    await this.ds.transaction(async (m) => {
      const a = await m.findOne(CalendarArrangementEntity, { where: { year }, lock: { mode: 'pessimistic_write' } });
      if (!a) throw AppError.notFound('该年度的导入', 'year');
      await m.delete(CalendarArrangementEntity, a.id);
      await this.audit.record(
        m,
        actor,
        'calendar.arrangement.remove',
        { type: 'calendar_arrangement', id: year },
        { year, source: a.source, days: a.days.length },
      );
    });
    this.calendar.invalidate();
    return true;
  }
}

function overrideExists(date: string): AppError {
  return new AppError(ErrorCode.CALENDAR_OVERRIDE_EXISTS, `${date} 已有本地日历设置，请先删除原设置`, 'input.date');
}
