import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { addMonths, OrgUnitType, PUBLIC_KPIS, publicKpiExplanation, toShanghaiDate } from '@weiquan/shared';
import { AppError, Clock, OrgUnitEntity, SYSTEM_ACTOR } from '@weiquan/core';
import { CachedLoader, cachedLoader } from '../../common/ttl-cache';
import { StatisticsQueryService } from '../statistics/statistics-query.service';
import { PublicPerformance, PublicPerformanceOptions } from './public-performance.model';

const CACHE_MS = 10 * 60_000; // closed months change only by late records; ten minutes is fresh enough
const MONTHS = 12;

/**
 * 服务成效 on the public site: the KPI dictionary's on-time, mediation and satisfaction rates of the city
 * center or a county center for one of the last twelve closed months — read through the statistics
 * module (the frozen month-end figures when the month is frozen, else its recount of the statistics
 * tables; never a scan of the cases). Cached per unit and month; the inputs are checked against the
 * offered lists, so the cache holds at most units × 12 entries.
 */
@Injectable()
export class PublicPerformanceService {
  private readonly cache: CachedLoader<string, PublicPerformance>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly stats: StatisticsQueryService,
  ) {
    this.cache = cachedLoader(clock, CACHE_MS);
  }

  async options(): Promise<PublicPerformanceOptions> {
    const units = await this.units();
    return { units: units.map((u) => ({ ref: u.code, name: u.name })), months: this.months() };
  }

  async performance(unitRef: string, month: string): Promise<PublicPerformance> {
    const unit = (await this.units()).find((u) => u.code === unitRef);
    if (!unit) throw AppError.badInput('unit', '请选择单位');
    if (!this.months().includes(month)) throw AppError.badInput('month', '请选择最近 12 个月中的一个月份');
    return this.cache.get(`${unit.id}|${month}`, () => this.load(unit, month));
  }

  private async load(unit: OrgUnitEntity, month: string): Promise<PublicPerformance> {
    const m = await this.stats.month(SYSTEM_ACTOR, unit.id, month);
    const values = new Map((m.frozen ?? m.current).map((v) => [v.code, v]));
    return {
      unitName: unit.name,
      month,
      frozen: m.frozen !== null,
      figures: PUBLIC_KPIS.map((k) => {
        const v = values.get(k.code);
        return {
          name: k.name,
          rate: v?.value == null ? null : `${(Math.round(v.value * 1000) / 10).toFixed(1)}%`,
          numerator: v?.numerator ?? 0,
          denominator: v?.denominator ?? 0,
          numeratorLabel: k.numeratorLabel,
          denominatorLabel: k.denominatorLabel ?? '',
          explanation: publicKpiExplanation(k),
        };
      }),
    };
  }

  /** The city center and the county centers, in tree order. */
  private units(): Promise<OrgUnitEntity[]> {
    return this.ds.getRepository(OrgUnitEntity).find({
      where: { active: true, type: In([OrgUnitType.CITY_CENTER, OrgUnitType.COUNTY_CENTER]) },
      order: { path: 'ASC' },
    });
  }

  /** The last twelve closed months (Asia/Shanghai), newest first. */
  private months(): string[] {
    const first = `${toShanghaiDate(this.clock.now()).slice(0, 7)}-01`;
    return Array.from({ length: MONTHS }, (_, i) => addMonths(first, -(i + 1)).slice(0, 7));
  }
}
