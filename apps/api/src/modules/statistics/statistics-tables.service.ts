import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, CaseKindLabel, ChannelLabel, OutcomeLabel, type StatFilter } from '@weiquan/shared';
import {
  type Actor,
  checkStatPeriod,
  escapeLike,
  resolveStatUnits,
  type StatDimension,
  statColumn,
  statWhere,
} from '@weiquan/core';

export interface StatTableRow {
  key: string;
  /** The row header as printed on screen and in the export (labels, dictionary names, 未填写). */
  label: string;
  cells: { metric: string; n: number; amount: number }[];
}
export interface Hotspot {
  key: string;
  n: number;
  /** Average of the same-length periods before (the baseline). */
  baseline: number;
}

export interface RespondentRank {
  name: string;
  visible: boolean;
  n: number;
  amount: number;
}

const BLANK = '（未填写）';
const ENUM_LABELS: Partial<Record<StatDimension, Readonly<Record<string, string>>>> = {
  kind: CaseKindLabel,
  channel: ChannelLabel,
  outcome: OutcomeLabel,
};

/** A dimension value as a row header: enums by their label, free text as written, blank as 未填写. */
export function dimensionLabel(dim: StatDimension, key: string): string {
  if (key === '') return BLANK;
  return ENUM_LABELS[dim]?.[key] ?? key;
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
        `SELECT s.${statColumn(rowsBy)} k, SUM(s.n) n, SUM(s.amount) amount FROM stat_daily s WHERE ${w.sql} GROUP BY k`,
        w.params,
      );
      for (const r of rows) {
        const m = byKey.get(r.k) ?? new Map();
        byKey.set(r.k, m);
        m.set(metric, { n: Number(r.n), amount: Number(r.amount) });
      }
    }
    const row = (key: string, label: string): StatTableRow => ({
      key,
      label,
      cells: metrics.map((metric) => ({ metric, ...(byKey.get(key)?.get(metric) ?? { n: 0, amount: 0 }) })),
    });
    if (rowsBy === 'problemType') {
      // 消费者投诉处理情况表: every active category in the dictionary's order (zeros included), then a
      // disabled or unrecorded one only when it has figures
      const dict: { code: string; name: string; active: number }[] = await this.ds.query(
        'SELECT code, name, active FROM problem_type ORDER BY sort_order, code',
      );
      const out = dict
        .filter((d) => Number(d.active) === 1 || byKey.has(d.code))
        .map((d) => row(d.code, Number(d.active) === 1 ? d.name : `${d.name}（已停用）`));
      const known = new Set(dict.map((d) => d.code));
      for (const key of [...byKey.keys()].sort()) if (!known.has(key)) out.push(row(key, key === '' ? BLANK : key));
      return out;
    }
    return [...byKey.keys()].sort().map((key) => row(key, dimensionLabel(rowsBy, key)));
  }

  /** The name of the unit a table covers (its subtree root), for the export's heading. */
  async unitName(actor: Actor, unitId: number | null): Promise<string> {
    const units = await resolveStatUnits(this.ds.manager, actor, unitId);
    const [u] = await this.ds.query('SELECT name FROM org_unit WHERE id = ?', [units.rootId]);
    return (u?.name as string | undefined) ?? '';
  }

  /**
   * 被投诉方排名: respondents by the number of rows of the filter's metric (RECEIVED: requests against
   * them). Read from the per-case rows of the period joined by primary key (the daily sums carry no
   * respondent); a case now owned outside the actor's scope counts under 「（范围外）」, its name withheld.
   */
  async respondents(actor: Actor, f: StatFilter, limit: number): Promise<RespondentRank[]> {
    checkStatPeriod(f.from, f.to);
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    const w = statWhere(f, units, 'stat_contrib', 'c');
    const s = actor.scope;
    const seen =
      s.type === 'ALL'
        ? { sql: '1', params: [] as unknown[] }
        : s.type === 'SUBTREE'
          ? { sql: 'w.owner_path LIKE ?', params: [`${escapeLike(s.pathPrefix)}%`] }
          : { sql: 'w.owner_unit_id = ?', params: [s.unitId] };
    const rows: { k: string | null; n: string; amount: string }[] = await this.ds.query(
      `SELECT IF(${seen.sql}, TRIM(w.respondent_name), NULL) k, COUNT(*) n, SUM(c.amount) amount
         FROM stat_contrib c JOIN wq_case w ON w.id = c.case_id
        WHERE ${w.sql} AND w.respondent_name IS NOT NULL AND TRIM(w.respondent_name) <> ''
        GROUP BY k ORDER BY n DESC, k LIMIT ?`,
      [...seen.params, ...w.params, limit],
    );
    return rows.map((r) => ({
      name: r.k ?? '（范围外）',
      visible: r.k != null,
      n: Number(r.n),
      amount: Number(r.amount),
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
      `SELECT s.${statColumn(by)} k, SUM(IF(s.day >= ?, s.n, 0)) cur, SUM(IF(s.day < ?, s.n, 0)) prior
         FROM stat_daily s WHERE ${w.sql} GROUP BY k`,
      [f.from, f.from, ...w.params],
    );
    return rows
      .map((r) => ({ key: r.k, n: Number(r.cur), baseline: Number(r.prior) / HOT_PERIODS }))
      .filter((h) => h.key !== '' && h.n >= HOT_MIN && h.n >= HOT_FACTOR * h.baseline)
      .sort((a, b) => b.n - a.n);
  }
}
