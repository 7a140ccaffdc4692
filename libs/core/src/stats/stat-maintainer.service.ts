import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { caseContributions, pathIds } from '@weiquan/shared';
import { Clock } from '../time/clock';
import { readStatCaseFacts } from './stat-case-reader';

/** A stored contribution row (stat_contrib). */
interface ContribRow {
  caseId: string;
  metric: string;
  day: string;
  unitId: number;
  unitPath: string;
  kind: string;
  channel: string;
  category: string;
  industry: string;
  outcome: string;
  problem_type: string;
  amount: number;
}

const DIM_COLS = ['kind', 'channel', 'category', 'industry', 'outcome', 'problem_type'] as const;
/** Rows per multi-row statement (sums, marks); per-case rows go in larger ones (13 values each, < 65,535 placeholders). */
const CHUNK = 500;
const ROW_CHUNK = 4000;

/**
 * Keeps the statistics tables equal to the GROUP BY of every case's contribution rows. For a case it
 * reads the facts (stat-case-reader), computes the rows (shared caseContributions), and in one
 * transaction replaces the case's stored rows and adds the difference to the sums — idempotent, so a
 * case processed twice, or by a drain and a rebuild at once, is still counted once.
 */
@Injectable()
export class StatMaintainer {
  private paths = new Map<number, string>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Processes up to `limit` marked cases; returns how many were taken. */
  async drain(limit = 500): Promise<number> {
    return (await this.exclusive(0, () => this.drainUnlocked(limit))) ?? 0;
  }

  private async drainUnlocked(limit: number): Promise<number> {
    const dirty: { case_id: string; seq: number }[] = await this.ds.query(
      'SELECT case_id, seq FROM stat_dirty_case ORDER BY marked_at, case_id LIMIT ?',
      [limit],
    );
    if (!dirty.length) return 0;
    await this.applyCases(dirty.map((d) => String(d.case_id)));
    // Only the version read: a case changed meanwhile has a higher seq and stays marked.
    for (let i = 0; i < dirty.length; i += CHUNK) {
      const part = dirty.slice(i, i + CHUNK);
      await this.ds.query(
        `DELETE FROM stat_dirty_case WHERE (case_id, seq) IN (${part.map(() => '(?, ?)').join(', ')})`,
        part.flatMap((d) => [d.case_id, d.seq]),
      );
    }
    return dirty.length;
  }

  /** Drains until nothing is marked or `budgetMs` has passed. */
  async drainAll(budgetMs = 4000, limit = 500): Promise<number> {
    const start = Date.now();
    let total = 0;
    for (;;) {
      const n = await this.drain(limit);
      total += n;
      if (n < limit || Date.now() - start > budgetMs) return total;
    }
  }

  /** Recomputes the given cases' rows and sums. */
  async applyCases(ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    const fresh = await this.rowsOf(ids);
    await this.ds.transaction((m) => this.replace(m, ids, fresh));
  }

  private async rowsOf(ids: readonly string[]): Promise<ContribRow[]> {
    const facts = await readStatCaseFacts(this.ds.manager, ids);
    const fresh: ContribRow[] = [];
    for (const f of facts) {
      const dims = {
        kind: f.kind,
        channel: f.channel,
        category: f.category ?? '',
        industry: f.industry ?? '',
        outcome: f.outcome ?? '',
        problem_type: f.problemType ?? '',
      };
      for (const r of caseContributions(f)) {
        fresh.push({ caseId: f.id, ...r, unitPath: await this.pathOf(r.unitId), ...dims });
      }
    }
    return fresh;
  }

  /**
   * Runs `work` holding the upkeep lock (a MariaDB named lock: drains and rebuilds never overlap, in
   * any process). Waits up to `waitSeconds`; returns undefined without running when it cannot have it.
   */
  private async exclusive<T>(waitSeconds: number, work: () => Promise<T>): Promise<T | undefined> {
    const runner = this.ds.createQueryRunner();
    try {
      const [{ got }] = await runner.query("SELECT GET_LOCK('wq_stat_upkeep', ?) AS got", [waitSeconds]);
      if (Number(got) !== 1) {
        if (waitSeconds > 0) throw new Error('statistics upkeep lock not obtained');
        return undefined;
      }
      try {
        return await work();
      } finally {
        await runner.query("SELECT RELEASE_LOCK('wq_stat_upkeep')");
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Empties the statistics and recomputes every case from the case tables: the per-case rows `batch`
   * cases at a time, then the sums set-based from them (GROUP BY; every subtree root through the
   * path). Holds the upkeep lock, so no drain runs meanwhile; cases changed during the rebuild stay
   * marked and the next drain brings them up to date (it replaces whatever rows the rebuild stored).
   */
  async rebuild(batch = 2000, onProgress?: (done: number) => void): Promise<number> {
    const cases = await this.exclusive(60, async () => {
      for (const t of ['stat_contrib', 'stat_daily', 'stat_rollup_day', 'stat_rollup_month'])
        await this.ds.query(`TRUNCATE TABLE ${t}`);
      let after = '0';
      let done = 0;
      for (;;) {
        const rows: { id: string }[] = await this.ds.query('SELECT id FROM wq_case WHERE id > ? ORDER BY id LIMIT ?', [
          after,
          batch,
        ]);
        if (!rows.length) break;
        await this.insertRows(await this.rowsOf(rows.map((r) => String(r.id))));
        after = String(rows[rows.length - 1]!.id);
        done += rows.length;
        onProgress?.(done);
      }
      await this.ds.query(`INSERT INTO stat_daily (metric, day, unit_id, ${DIM_COLS.join(', ')}, n, amount)
        SELECT metric, day, unit_id, ${DIM_COLS.join(', ')}, COUNT(*), SUM(amount) FROM stat_contrib
         GROUP BY metric, day, unit_id, ${DIM_COLS.join(', ')}`);
      await this.ds.query(`INSERT INTO stat_rollup_day (root_unit_id, metric, day, n, amount)
        SELECT a.id, d.metric, d.day, SUM(d.n), SUM(d.amount)
          FROM (SELECT metric, day, unit_id, SUM(n) n, SUM(amount) amount FROM stat_daily GROUP BY metric, day, unit_id) d
          JOIN org_unit u ON u.id = d.unit_id
          JOIN org_unit a ON u.path LIKE CONCAT(a.path, '%')
         GROUP BY a.id, d.metric, d.day`);
      await this.ds.query(`INSERT INTO stat_rollup_month (root_unit_id, metric, month, n, amount)
        SELECT root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01'), SUM(n), SUM(amount) FROM stat_rollup_day
         GROUP BY root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01')`);
      return done;
    });
    return cases ?? 0; // (never undefined: a wait that fails throws)
  }

  /**
   * Freezes a month's figures per subtree root (a report for March reads the same in June). Once
   * frozen a month is never rewritten; returns false when it already was.
   */
  async freezeMonth(month: string): Promise<boolean> {
    const [{ n }] = await this.ds.query('SELECT COUNT(*) AS n FROM stat_month_snapshot WHERE month = ?', [month]);
    if (Number(n) > 0) return false;
    const from = `${month}-01`;
    await this.ds.query(
      `INSERT IGNORE INTO stat_month_snapshot (month, root_unit_id, metric, n, amount, frozen_at)
       SELECT ?, root_unit_id, metric, n, amount, ? FROM stat_rollup_month
        WHERE month = ? AND (n <> 0 OR amount <> 0)`,
      [month, this.clock.now(), from],
    );
    return true;
  }

  private async replace(m: EntityManager, ids: readonly string[], fresh: ContribRow[]): Promise<void> {
    const list = ids.map(() => '?').join(',');
    const old: ContribRow[] = (
      await m.query(
        `SELECT case_id, metric, DATE_FORMAT(day, '%Y-%m-%d') AS day, unit_id, unit_path, kind, channel, category,
                industry, outcome, problem_type, amount
           FROM stat_contrib WHERE case_id IN (${list}) ORDER BY case_id, seq FOR UPDATE`,
        [...ids],
      )
    ).map((r: Record<string, unknown>) => ({
      caseId: String(r.case_id),
      metric: r.metric as string,
      day: r.day as string,
      unitId: Number(r.unit_id),
      unitPath: r.unit_path as string,
      kind: r.kind as string,
      channel: r.channel as string,
      category: r.category as string,
      industry: r.industry as string,
      outcome: r.outcome as string,
      problem_type: r.problem_type as string,
      amount: Number(r.amount),
    }));

    // Cases whose rows did not change are left alone (most steps change a few rows, many none).
    const sig = (rows: ContribRow[]) => {
      const by = new Map<string, string[]>();
      for (const r of rows) {
        const l = by.get(r.caseId) ?? [];
        l.push(JSON.stringify(r));
        by.set(r.caseId, l);
      }
      return new Map([...by].map(([k, v]) => [k, v.join('\n')]));
    };
    const oldSig = sig(old);
    const newSig = sig(fresh);
    const changed = new Set(ids.filter((id) => oldSig.get(id) !== newSig.get(id)));
    if (!changed.size) return;

    const daily = new Map<string, { n: number; amount: number }>();
    const rollup = new Map<string, { n: number; amount: number }>();
    const monthly = new Map<string, { n: number; amount: number }>();
    const bump = (r: ContribRow, sign: 1 | -1) => {
      const dk = JSON.stringify([r.metric, r.day, r.unitId, ...DIM_COLS.map((c) => r[c])]);
      add(daily, dk, sign, r.amount);
      for (const root of pathIds(r.unitPath)) {
        add(rollup, JSON.stringify([Number(root), r.metric, r.day]), sign, r.amount);
        add(monthly, JSON.stringify([Number(root), r.metric, `${r.day.slice(0, 7)}-01`]), sign, r.amount);
      }
    };
    for (const r of old) if (changed.has(r.caseId)) bump(r, -1);
    for (const r of fresh) if (changed.has(r.caseId)) bump(r, 1);

    // Keys in sorted order: two transactions touching the same sums lock them in the same order.
    const nonZero = (map: Map<string, { n: number; amount: number }>) =>
      [...map]
        .filter(([, v]) => v.n !== 0 || Math.abs(v.amount) > 0.0001)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const dailyRows = nonZero(daily);
    for (let i = 0; i < dailyRows.length; i += CHUNK) {
      const part = dailyRows.slice(i, i + CHUNK);
      await m.query(
        `INSERT INTO stat_daily (metric, day, unit_id, ${DIM_COLS.join(', ')}, n, amount)
         VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount)`,
        part.flatMap(([k, v]) => [...(JSON.parse(k) as unknown[]), v.n, round2(v.amount)]),
      );
    }
    for (const [table, period, sums] of [
      ['stat_rollup_day', 'day', rollup],
      ['stat_rollup_month', 'month', monthly],
    ] as const) {
      const rows = nonZero(sums);
      for (let i = 0; i < rows.length; i += CHUNK) {
        const part = rows.slice(i, i + CHUNK);
        await m.query(
          `INSERT INTO ${table} (root_unit_id, metric, ${period}, n, amount)
           VALUES ${part.map(() => '(?, ?, ?, ?, ?)').join(', ')}
           ON DUPLICATE KEY UPDATE n = n + VALUES(n), amount = amount + VALUES(amount)`,
          part.flatMap(([k, v]) => [...(JSON.parse(k) as unknown[]), v.n, round2(v.amount)]),
        );
      }
    }

    const ch = [...changed];
    await m.query(`DELETE FROM stat_contrib WHERE case_id IN (${ch.map(() => '?').join(',')})`, ch);
    await this.insertRows(
      fresh.filter((r) => changed.has(r.caseId)),
      m,
    );
  }

  /** Stores rows of cases that have none stored (seq numbers the rows of each case from 1). */
  private async insertRows(rows: ContribRow[], m: EntityManager = this.ds.manager): Promise<void> {
    const seqs = new Map<string, number>();
    for (let i = 0; i < rows.length; i += ROW_CHUNK) {
      const part = rows.slice(i, i + ROW_CHUNK);
      await m.query(
        `INSERT INTO stat_contrib (case_id, seq, metric, day, unit_id, unit_path, ${DIM_COLS.join(', ')}, amount)
         VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((r) => {
          const seq = (seqs.get(r.caseId) ?? 0) + 1;
          seqs.set(r.caseId, seq);
          return [r.caseId, seq, r.metric, r.day, r.unitId, r.unitPath, ...DIM_COLS.map((c) => r[c]), r.amount];
        }),
      );
    }
  }

  // A unit's path never changes once created (README: org tree), so it is kept for the process's life.
  private async pathOf(unitId: number): Promise<string> {
    let p = this.paths.get(unitId);
    if (p === undefined) {
      const rows: { id: number; path: string }[] = await this.ds.query('SELECT id, path FROM org_unit');
      this.paths = new Map(rows.map((r) => [Number(r.id), r.path]));
      p = this.paths.get(unitId) ?? `/${unitId}/`;
    }
    return p;
  }
}

function add(sums: Map<string, { n: number; amount: number }>, key: string, sign: 1 | -1, amount: number): void {
  const v = sums.get(key) ?? { n: 0, amount: 0 };
  v.n += sign;
  v.amount += sign * amount;
  sums.set(key, v);
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
