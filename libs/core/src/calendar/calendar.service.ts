import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
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
export class CalendarService implements OnApplicationBootstrap {
  private readonly log = new Logger(CalendarService.name);
  private cached: { cal: WorkingCalendar; at: number } | null = null;
  private loading: Promise<WorkingCalendar> | null = null;
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Loaded once at start, outside any transaction (see current). */
  async onApplicationBootstrap(): Promise<void> {
    await this.current();
  }

  /**
   * The calendar. A copy older than a minute is rebuilt in the background while the one in hand keeps
   * serving, and concurrent callers share one load: callers inside a transaction (the deadline engine,
   * alarm effects) must never wait for a pool connection of their own — with every connection held by
   * such a caller, none would ever come.
   */
  async current(): Promise<WorkingCalendar> {
    const c = this.cached;
    if (!c) return this.reload();
    if (Date.now() - c.at >= TTL_MS && !this.loading)
      void this.reload().catch((e) => this.log.warn(`reloading the calendar failed: ${String(e)}`));
    return c.cal;
  }

  private reload(): Promise<WorkingCalendar> {
    if (!this.loading) {
      const generation = this.generation;
      const p: Promise<WorkingCalendar> = this.build()
        .then((cal) => {
          if (generation === this.generation) this.cached = { cal, at: Date.now() };
          return cal;
        })
        .finally(() => {
          if (this.loading === p) this.loading = null;
        });
      this.loading = p;
    }
    return this.loading;
  }

  private async build(): Promise<WorkingCalendar> {
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
    return cal;
  }

  /** Drops the cached calendar (after an administrator's change in this process): the next caller gets a fresh one. */
  invalidate(): void {
    this.cached = null;
    this.loading = null;
    this.generation++;
  }
}
