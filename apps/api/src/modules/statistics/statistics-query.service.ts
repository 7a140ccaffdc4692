import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  addDays,
  addMonths,
  computeKpi,
  KPI_DEFINITIONS,
  maskName,
  maskPhone,
  type KpiValue,
  type MetricSums,
  type StatFilter,
} from '@weiquan/shared';
import {
  type Actor,
  AppError,
  canSeeUnitPath,
  checkStatPeriod,
  resolveStatUnits,
  rollupSource,
  STAT_DIMENSIONS,
  statColumn,
  type StatDimension,
  type StatUnits,
  statWhere,
} from '@weiquan/core';

export interface KpiUnitRow {
  unitId: number;
  unitName: string;
  /** The unit's subtree (or the unit alone for a user who sees only their unit). */
  values: KpiValue[];
}
export interface KpiBoard {
  unitId: number;
  unitName: string;
  from: string;
  to: string;
  total: KpiUnitRow;
  /** The same figures for the period just before (环比) and the same period a year earlier (同比). */
  previous: KpiValue[];
  lastYear: KpiValue[];
  /** One row per direct sub-unit (city → counties → stations), each its subtree. */
  children: KpiUnitRow[];
}
export interface StatCount {
  key: string;
  n: number;
  amount: number;
}
export interface StatCaseRow {
  caseId: string;
  /** False when the case now belongs to a unit outside the actor's scope: counted, details withheld. */
  visible: boolean;
  caseNo: string | null;
  kind: string | null;
  channel: string | null;
  state: string | null;
  receivedAt: Date | null;
  day: string;
  unitId: number;
  unitName: string;
  respondentName: string | null;
  consumerName: string | null;
  consumerPhone: string | null;
  category: string | null;
  outcome: string | null;
  amount: number;
  /** 投诉问题类别 by its current name (登记簿). */
  problemTypeName: string | null;
  concludedAt: Date | null;
  amountRecovered: number | null;
}

/** 登记簿 (seed 000 附件2): complaints handled to an end, in time order — the rows behind 办结 of complaints. */
export const registerBookFilter = (from: string, to: string, unitId: number | null): StatFilter => ({
  metric: 'CONCLUDED',
  kind: 'COMPLAINT',
  from,
  to,
  unitId,
});

export interface KpiMonth {
  month: string;
  unitId: number;
  unitName: string;
  frozenAt: Date | null;
  /** As frozen at month end; null when the month has not been frozen yet. */
  frozen: KpiValue[] | null;
  /** Today's recount of the same month. */
  current: KpiValue[];
}

type Sums = Map<string, { n: number; amount: number }>;

/**
 * Figures for the console and other systems, read only from the statistics tables (never a scan of
 * wq_case): the KPI board from subtree roll-ups, figures and counts by dimension from daily sums,
 * drill-downs from per-case rows — the last two through one WHERE (statWhere), so they agree.
 */
@Injectable()
export class StatisticsQueryService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async board(actor: Actor, unitId: number | null, from: string, to: string): Promise<KpiBoard> {
    checkStatPeriod(from, to, 'input');
    const units = await resolveStatUnits(this.ds.manager, actor, unitId);
    const names = await this.unitNames();
    const children: { id: number }[] = units.ownOnly
      ? []
      : await this.ds.query('SELECT id FROM org_unit WHERE parent_id = ? ORDER BY id', [units.rootId]);
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const [current, previous, lastYear] = await Promise.all([
      this.rollup(
        units,
        children.map((c) => Number(c.id)),
        from,
        to,
      ),
      this.rollup(units, [], addDays(from, -days - 1), addDays(from, -1)),
      this.rollup(units, [], addMonths(from, -12), addMonths(to, -12)),
    ]);
    const values = (s: MetricSums) => KPI_DEFINITIONS.map((k) => computeKpi(k, s));
    return {
      unitId: units.rootId,
      unitName: names.get(units.rootId) ?? '',
      from,
      to,
      total: { unitId: units.rootId, unitName: names.get(units.rootId) ?? '', values: values(current.root) },
      previous: values(previous.root),
      lastYear: values(lastYear.root),
      children: children.map((c) => ({
        unitId: Number(c.id),
        unitName: names.get(Number(c.id)) ?? '',
        values: values(current.children.get(Number(c.id)) ?? new Map()),
      })),
    };
  }

  /**
   * A month as frozen at its end (stat_month_snapshot) beside today's recount from the daily sums:
   * the report sent upward reads the same later, and what changed since (late records, reopened
   * rounds, cases moved between units) shows as the difference. `frozen` is null until the worker froze it.
   */
  async month(actor: Actor, unitId: number | null, month: string): Promise<KpiMonth> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw AppError.badInput('month', '月份格式应为 YYYY-MM');
    const from = `${month}-01`;
    const to = addDays(addMonths(from, 1), -1);
    const units = await resolveStatUnits(this.ds.manager, actor, unitId);
    const names = await this.unitNames();
    const roots = this.rootsParams(units);
    const [current, snap] = await Promise.all([
      this.rollup(units, [], from, to),
      this.ds.query(
        `SELECT root_unit_id, metric, n, amount, frozen_at FROM stat_month_snapshot
          WHERE month = ? AND root_unit_id IN (${roots.map(() => '?').join(',')})`,
        [month, ...roots],
      ) as Promise<{ root_unit_id: number; metric: string; n: string; amount: string; frozen_at: Date }[]>,
    ]);
    const [{ frozen: anyFrozen }] = await this.ds.query(
      'SELECT COUNT(*) > 0 frozen FROM stat_month_snapshot WHERE month = ? LIMIT 1',
      [month],
    );
    const frozen: Sums = new Map();
    for (const r of snap) add(frozen, r.metric, Number(r.root_unit_id) === units.rootId ? 1 : -1, r);
    const values = (s: MetricSums) => KPI_DEFINITIONS.map((k) => computeKpi(k, s));
    return {
      month,
      unitId: units.rootId,
      unitName: names.get(units.rootId) ?? '',
      // a frozen month without rows for this unit had nothing to count there: zeros, not "not frozen"
      frozenAt: Number(anyFrozen) ? (snap[0]?.frozen_at ?? null) : null,
      frozen: Number(anyFrozen) ? values(frozen) : null,
      current: values(current.root),
    };
  }

  /** One KPI per month (or day) over the period, for trends. */
  async trend(
    actor: Actor,
    unitId: number | null,
    from: string,
    to: string,
    byDay: boolean,
  ): Promise<{ period: string; values: KpiValue[] }[]> {
    checkStatPeriod(from, to, 'input');
    const units = await resolveStatUnits(this.ds.manager, actor, unitId);
    await this.unitNames(); // loads the parent links rootsParams reads
    const fmt = byDay ? '%Y-%m-%d' : '%Y-%m';
    // by month: whole months from the monthly roll-up (their day is the 1st), by day: the daily one
    const src = rollupSource(this.rootsParams(units), from, to, { byDay });
    const rows: { p: string; root_unit_id: number; metric: string; n: string; amount: string }[] = await this.ds.query(
      `SELECT DATE_FORMAT(day, '${fmt}') p, root_unit_id, metric, SUM(n) n, SUM(amount) amount FROM ${src.sql} r
        GROUP BY p, root_unit_id, metric`,
      src.params,
    );
    const byPeriod = new Map<string, Sums>();
    for (const r of rows) {
      const s = byPeriod.get(r.p) ?? new Map();
      byPeriod.set(r.p, s);
      add(s, r.metric, Number(r.root_unit_id) === units.rootId ? 1 : -1, r);
    }
    return [...byPeriod.keys()]
      .sort()
      .map((p) => ({ period: p, values: KPI_DEFINITIONS.map((k) => computeKpi(k, byPeriod.get(p)!)) }));
  }

  /** A figure: how many rows (and what amount) the filter selects. */
  async figure(actor: Actor, f: StatFilter): Promise<{ n: number; amount: number }> {
    checkStatPeriod(f.from, f.to);
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    return this.figureIn(units, f);
  }

  /** Counts and sums of a metric by one dimension, by unit, or by month. */
  async counts(actor: Actor, f: StatFilter, by: StatDimension | 'unit' | 'month'): Promise<StatCount[]> {
    checkStatPeriod(f.from, f.to);
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    const w = statWhere(f, units, 'stat_daily', 's');
    const key = by === 'unit' ? 's.unit_id' : by === 'month' ? "DATE_FORMAT(s.day, '%Y-%m')" : `s.${statColumn(by)}`;
    if (!(STAT_DIMENSIONS as readonly string[]).includes(by) && by !== 'unit' && by !== 'month') return [];
    const rows: { k: string; n: string; amount: string }[] = await this.ds.query(
      `SELECT ${key} k, SUM(s.n) n, SUM(s.amount) amount FROM stat_daily s WHERE ${w.sql} GROUP BY k HAVING SUM(s.n) <> 0 ORDER BY n DESC, k`,
      w.params,
    );
    return rows.map((r) => ({ key: String(r.k), n: Number(r.n), amount: Number(r.amount) }));
  }

  /** The rows behind a figure, newest first; `total` is the figure itself (the same filter). */
  async cases(
    actor: Actor,
    f: StatFilter,
    offset: number,
    limit: number,
    ascending = false,
  ): Promise<{ items: StatCaseRow[]; total: number }> {
    checkStatPeriod(f.from, f.to);
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    const [{ n }, rows] = await Promise.all([
      this.figureIn(units, f),
      this.drillRows(actor, units, f, { offset, limit, ascending }),
    ]);
    return { items: rows, total: n };
  }

  /** Streams every row behind a figure in pages (keyset: memory stays flat whatever the size). */
  async *eachCase(
    actor: Actor,
    f: StatFilter,
    unmask = false,
    page = 2000,
    ascending = false,
  ): AsyncGenerator<StatCaseRow[]> {
    checkStatPeriod(f.from, f.to);
    const units = await resolveStatUnits(this.ds.manager, actor, f.unitId);
    let after: { day: string; caseId: string; seq: number } | undefined;
    for (;;) {
      const rows = await this.drillRows(actor, units, f, { limit: page, after, ascending }, unmask);
      if (!rows.length) return;
      yield rows.map(({ seq: _seq, ...r }) => r);
      const last = rows[rows.length - 1]!;
      after = { day: last.day, caseId: last.caseId, seq: last.seq };
      if (rows.length < page) return;
    }
  }

  async total(actor: Actor, f: StatFilter): Promise<number> {
    return (await this.figure(actor, f)).n;
  }

  private async figureIn(units: StatUnits, f: StatFilter): Promise<{ n: number; amount: number }> {
    if (!units.ownOnly && STAT_DIMENSIONS.every((d) => f[d] == null)) {
      // A subtree without a dimension filter: the subtree root's roll-up (a row a month, a row a day at the
      // period's edges, kept with the same rows as stat_daily — the rebuild test holds them equal) instead of
      // summing every unit × dimension row of the period (≈ one per contribution: a million for a city's year).
      const src = rollupSource([units.rootId], f.from, f.to, { metric: f.metric });
      const [r] = await this.ds.query(
        `SELECT COALESCE(SUM(n), 0) n, COALESCE(SUM(amount), 0) amount FROM ${src.sql} r`,
        src.params,
      );
      return { n: Number(r.n), amount: Number(r.amount) };
    }
    const w = statWhere(f, units, 'stat_daily', 's');
    const [r] = await this.ds.query(
      `SELECT COALESCE(SUM(s.n), 0) n, COALESCE(SUM(s.amount), 0) amount FROM stat_daily s WHERE ${w.sql}`,
      w.params,
    );
    return { n: Number(r.n), amount: Number(r.amount) };
  }

  private async drillRows(
    actor: Actor,
    units: StatUnits,
    f: StatFilter,
    p: {
      offset?: number;
      limit: number;
      after?: { day: string; caseId: string; seq: number };
      /** Oldest first (登记簿: in time order); newest first otherwise. */
      ascending?: boolean;
    },
    unmask = false,
  ): Promise<(StatCaseRow & { seq: number })[]> {
    const w = statWhere(f, units, 'stat_contrib', 'c');
    let keyset = '';
    const params = [...w.params];
    const dir = p.ascending ? 'ASC' : 'DESC';
    if (p.after) {
      keyset = ` AND (c.day, c.case_id, c.seq) ${p.ascending ? '>' : '<'} (?, ?, ?)`;
      params.push(p.after.day, p.after.caseId, p.after.seq);
    }
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT c.case_id, c.seq, DATE_FORMAT(c.day, '%Y-%m-%d') day, c.unit_id, c.amount, w.case_no, w.kind, w.channel,
              w.state, w.received_at, w.respondent_name, w.consumer_name, w.consumer_phone, w.anonymous, w.category,
              w.outcome, w.owner_path, w.owner_unit_id, w.concluded_at, w.amount_recovered, pt.name problem_type_name
         FROM stat_contrib c JOIN wq_case w ON w.id = c.case_id
         LEFT JOIN problem_type pt ON pt.code = w.problem_type
        WHERE ${w.sql}${keyset}
        ORDER BY c.day ${dir}, c.case_id ${dir}, c.seq ${dir} LIMIT ? OFFSET ?`,
      [...params, p.limit, p.offset ?? 0],
    );
    const names = await this.unitNames();
    return rows.map((r) => {
      const visible = canSeeUnitPath(actor, r.owner_path as string, Number(r.owner_unit_id));
      const confidential = r.kind === 'REPORT' || Number(r.anonymous) === 1;
      const name = r.consumer_name as string | null;
      return {
        caseId: String(r.case_id),
        seq: Number(r.seq),
        visible,
        caseNo: visible ? (r.case_no as string) : null,
        kind: visible ? (r.kind as string) : null,
        channel: visible ? (r.channel as string) : null,
        state: visible ? (r.state as string) : null,
        receivedAt: visible ? (r.received_at as Date) : null,
        day: r.day as string,
        unitId: Number(r.unit_id),
        unitName: names.get(Number(r.unit_id)) ?? '',
        respondentName: visible ? (r.respondent_name as string | null) : null,
        // 保密: as on the case page — phone always masked, a reporter's or anonymous name masked whole
        // unmask: only the export, only for roles holding case.unmask (checked and audited by the caller)
        consumerName: visible && name ? (confidential && !unmask ? maskName(name) : name) : null,
        consumerPhone:
          visible && r.consumer_phone
            ? unmask
              ? String(r.consumer_phone)
              : maskPhone(r.consumer_phone as string)
            : null,
        category: visible ? (r.category as string | null) : null,
        outcome: visible ? (r.outcome as string | null) : null,
        amount: Number(r.amount),
        problemTypeName: visible ? (r.problem_type_name as string | null) : null,
        concludedAt: visible ? (r.concluded_at as Date | null) : null,
        amountRecovered: visible && r.amount_recovered != null ? Number(r.amount_recovered) : null,
      };
    });
  }

  /** Sums per metric of the root's figure and of each child's subtree over [from, to]. */
  private async rollup(
    units: StatUnits,
    childIds: number[],
    from: string,
    to: string,
  ): Promise<{ root: Sums; children: Map<number, Sums> }> {
    const ids = [...new Set([...this.rootsParams(units), ...childIds])];
    const src = rollupSource(ids, from, to);
    const rows: { root_unit_id: number; metric: string; n: string; amount: string }[] = await this.ds.query(
      `SELECT root_unit_id, metric, SUM(n) n, SUM(amount) amount FROM ${src.sql} r GROUP BY root_unit_id, metric`,
      src.params,
    );
    const root: Sums = new Map();
    const children = new Map<number, Sums>();
    const ownChildren = new Set(units.ownOnly ? this.rootsParams(units).slice(1) : []);
    for (const r of rows) {
      const id = Number(r.root_unit_id);
      if (id === units.rootId) add(root, r.metric, 1, r);
      // a user who sees only their unit: the unit's own figure = its subtree minus its sub-units' subtrees
      if (ownChildren.has(id)) add(root, r.metric, -1, r);
      if (childIds.includes(id)) {
        const s = children.get(id) ?? new Map();
        children.set(id, s);
        add(s, r.metric, 1, r);
      }
    }
    return { root, children };
  }

  private rootsParams(units: StatUnits): number[] {
    return units.ownOnly ? [units.rootId, ...(this.childIdsOf.get(units.rootId) ?? [])] : [units.rootId];
  }

  // Unit names and parent links, reloaded every 10 s (the tree is small and changes rarely).
  private namesAt = 0;
  private names = new Map<number, string>();
  private childIdsOf = new Map<number, number[]>();
  private async unitNames(): Promise<Map<number, string>> {
    if (Date.now() - this.namesAt > 10_000) {
      const rows: { id: number; name: string; parent_id: number | null }[] = await this.ds.query(
        'SELECT id, name, parent_id FROM org_unit',
      );
      this.names = new Map(rows.map((r) => [Number(r.id), r.name]));
      this.childIdsOf = new Map();
      for (const r of rows) {
        if (r.parent_id == null) continue;
        const l = this.childIdsOf.get(Number(r.parent_id)) ?? [];
        l.push(Number(r.id));
        this.childIdsOf.set(Number(r.parent_id), l);
      }
      this.namesAt = Date.now();
    }
    return this.names;
  }
}

function add(s: Sums, metric: string, sign: 1 | -1, r: { n: string; amount: string }): void {
  const v = s.get(metric) ?? { n: 0, amount: 0 };
  v.n += sign * Number(r.n);
  v.amount += sign * Number(r.amount);
  s.set(metric, v);
}
