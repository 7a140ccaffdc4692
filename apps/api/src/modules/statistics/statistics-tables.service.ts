import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, type StatFilter } from '@weiquan/shared';
import { type Actor, checkStatPeriod, resolveStatUnits, type StatDimension, statWhere } from '@weiquan/core';

export interface StatTableRow {
  key: string;
  cells: { metric: string; n: number; amount: number }[];
}
export interface Hotspot {
  key: string;
  n: number;
  /** Average of the same-length periods before (the baseline). */
  baseline: number;
}

/** Hotspot rule: the period's count ≥ HOT_FACTOR × the average of the HOT_PERIODS periods before, and ≥ HOT_MIN. */
export const HOT_FACTOR = 2;
export const HOT_PERIODS = 3;
export const HOT_MIN = 5;

/**
 * Standard tables as pivots of the daily sums (rows by one dimension, a column per metric) — e.g. the
 * station's 受理和处理消费者投诉情况汇总表 by respondent industry with 登记, 受理, 办结, 调解成功 and
 * 挽回经济损失 — and hotspots. Each cell is a statFigure with the row's dimension as filter.
 */
@Injectable()
export class StatisticsTablesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async table(
    actor: Actor,
    base: Omit<StatFilter, 'metric'>,
    rowsBy: StatDimension,
    metrics: readonly string[],
  ): Promise<StatTableRow[]> {
    checkStatPeriod(base.from, base.to, 'input');
    const units = await resolveStatUnits(this.ds.manager, actor, base.unitId);
    const byKey = new Map<string, Map<string, { n: number; amount: number }>>();
    for (const metric of metrics) {
      const w = statWhere({ ...base, metric }, units, 'stat_daily', 's');
      const rows: { k: string; n: string; amount: string }[] = await this.ds.query(
        `SELECT s.${rowsBy} k, SUM(s.n) n, SUM(s.amount) amount FROM stat_daily s WHERE ${w.sql} GROUP BY k`,
        w.params,
      );
      for (const r of rows) {
        const m = byKey.get(r.k) ?? new Map();
        byKey.set(r.k, m);
        m.set(metric, { n: Number(r.n), amount: Number(r.amount) });
      }
    }
    return [...byKey.keys()].sort().map((key) => ({
      key,
      cells: metrics.map((metric) => ({ metric, ...(byKey.get(key)!.get(metric) ?? { n: 0, amount: 0 }) })),
    }));
  }

  /** Values of `by` whose count of `metric` rose well above their own recent baseline (rule above). */
  async hotspots(actor: Actor, f: StatFilter, by: StatDimension): Promise<Hotspot[]> {
    checkStatPeriod(f.from, f.to, 'input');
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    const len = Math.round((Date.parse(f.to) - Date.parse(f.from)) / 86_400_000) + 1;
    const baseFrom = addDays(f.from, -len * HOT_PERIODS);
    const w = statWhere({ ...f, from: baseFrom, to: f.to }, units, 'stat_daily', 's');
    const rows: { k: string; cur: string; prior: string }[] = await this.ds.query(
      `SELECT s.${by} k, SUM(IF(s.day >= ?, s.n, 0)) cur, SUM(IF(s.day < ?, s.n, 0)) prior
         FROM stat_daily s WHERE ${w.sql} GROUP BY k`,
      [f.from, f.from, ...w.params],
    );
    return rows
      .map((r) => ({ key: r.k, n: Number(r.cur), baseline: Number(r.prior) / HOT_PERIODS }))
      .filter((h) => h.key !== '' && h.n >= HOT_MIN && h.n >= HOT_FACTOR * h.baseline)
      .sort((a, b) => b.n - a.n);
  }
}
