import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { chineseDaysCalendarData, withArrangements, WorkingCalendar } from '@weiquan/shared';
import { CalendarArrangementEntity, CalendarOverrideEntity } from '../entities/deadline.entity';
import { Clock } from '../time/clock';

const TTL_MS = 60_000;

/**
 * The working-day calendar in force: the State Council arrangements from the `chinese-days` package,
 * years an administrator imported (when the package lags behind), and local overrides. Out-of-range
 * years fall back to weekends-only with a logged warning, never silently. Rebuilt at most once a minute
 * (and at once in this process after an administrator's change), so api and worker agree within a minute.
 */
@Injectable()
export class CalendarService {
  private readonly log = new Logger(CalendarService.name);
  private cached: { cal: WorkingCalendar; at: number } | null = null;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  async current(): Promise<WorkingCalendar> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < TTL_MS) return this.cached.cal;
    const [overrides, imports] = await Promise.all([
      this.ds.getRepository(CalendarOverrideEntity).find({ order: { date: 'ASC' } }),
      this.ds.getRepository(CalendarArrangementEntity).find({ order: { year: 'ASC' } }),
    ]);
    const data = withArrangements(
      chineseDaysCalendarData(),
      imports.map((a) => ({ year: a.year, source: a.source ?? undefined, days: a.days })),
    );
    const cal = new WorkingCalendar(
      data,
      overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name })),
      { outOfRange: 'weekends-only', onWarning: (msg) => this.log.warn(msg) },
    );
    const warning = cal.coverageWarning(this.clock.now());
    if (warning) this.log.warn(warning);
    this.cached = { cal, at: now };
    return cal;
  }

  /** Drops the cached calendar (after an administrator's change in this process). */
  invalidate(): void {
    this.cached = null;
  }
}
