import { DataSource } from 'typeorm';
import { prepareTestDatabase, testConfig } from '@weiquan/testing';
import { seedDemoCases } from '../seed/seed-demo-cases';
import { SystemClock } from '../time/clock';
import { StatMaintainer } from './stat-maintainer.service';

// The aggregates must always equal the GROUP BY of the per-case rows, and incremental upkeep (triggers
// mark, the worker drains) must end where a rebuild from the case tables ends.
describe(StatMaintainer.name, () => {
  let ds: DataSource;
  let stats: StatMaintainer;
  let seeded: string[];

  beforeAll(async () => {
    ds = await prepareTestDatabase(testConfig());
    stats = new StatMaintainer(ds, new SystemClock());
    seeded = (await seedDemoCases(ds, { count: 250, now: new Date('2026-06-30T04:00:00Z') })).ids.map(String);
  }, 120_000);
  afterAll(() => ds?.destroy());

  const daily = () =>
    ds.query(`SELECT metric, DATE_FORMAT(day, '%Y-%m-%d') d, unit_id, kind, channel, category, industry, outcome, n, amount
      FROM stat_daily WHERE n <> 0 OR amount <> 0 ORDER BY metric, d, unit_id, kind, channel, category, industry, outcome`);
  const rollup = () =>
    ds.query(`SELECT root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-%d') d, n, amount FROM stat_rollup_day
      WHERE n <> 0 OR amount <> 0 ORDER BY root_unit_id, metric, d`);
  const monthly = () =>
    ds.query(`SELECT root_unit_id, metric, DATE_FORMAT(month, '%Y-%m-%d') m, n, amount FROM stat_rollup_month
      WHERE n <> 0 OR amount <> 0 ORDER BY root_unit_id, metric, m`);
  const contrib = () =>
    ds.query(`SELECT case_id, seq, metric, DATE_FORMAT(day, '%Y-%m-%d') d, unit_id, unit_path, kind, channel, category,
      industry, outcome, amount FROM stat_contrib ORDER BY case_id, seq`);

  it('marks every case the seed wrote, in the writers’ transactions, and the drain empties the marks', async () => {
    const [{ n: marked }] = await ds.query('SELECT COUNT(*) n FROM stat_dirty_case');
    expect(Number(marked)).toBeGreaterThanOrEqual(250);
    while ((await stats.drain(100)) > 0);
    const [{ n: left }] = await ds.query('SELECT COUNT(*) n FROM stat_dirty_case');
    expect(Number(left)).toBe(0);
    const [{ n: cases }] = await ds.query('SELECT COUNT(*) n FROM wq_case');
    const [{ n: received }] = await ds.query("SELECT SUM(n) n FROM stat_daily WHERE metric = 'RECEIVED'");
    expect(Number(received)).toBe(Number(cases));
  });

  it('after later changes (breaches, violations, moves, conclusions) incremental upkeep equals a rebuild', async () => {
    // One running clock per case, of this file's cases (the database also holds other suites' cases).
    const running: { id: string; case_id: string }[] = await ds.query(
      `SELECT MIN(id) id, case_id FROM case_deadline
        WHERE status = 'RUNNING' AND due_at IS NOT NULL AND case_id IN (?)
        GROUP BY case_id ORDER BY case_id LIMIT 12`,
      [seeded],
    );
    expect(running.length).toBeGreaterThan(5);
    const units: { id: number; path: string }[] = await ds.query('SELECT id, path FROM org_unit ORDER BY id');
    for (const [i, d] of running.entries()) {
      // a breach writes no case_event: the case_deadline trigger must mark it
      await ds.query("UPDATE case_deadline SET status = 'BREACHED', breached_at = due_at WHERE id = ?", [d.id]);
      if (i % 3 === 0) {
        await ds.query(
          `INSERT INTO violation (deadline_id, case_id, rule_code, duty, user_id, unit_id, unit_path, year, occurred_at)
           SELECT d.id, d.case_id, d.rule_code, d.rule_code, d.responsible_user_id, d.responsible_unit_id, u.path, YEAR(d.due_at), d.due_at
             FROM case_deadline d JOIN org_unit u ON u.id = d.responsible_unit_id WHERE d.id = ?`,
          [d.id],
        );
      }
      if (i % 3 === 1) {
        // moved to another unit, recorded as a step
        const u = units[(i * 7) % units.length]!;
        await ds.query('UPDATE wq_case SET owner_unit_id = ?, owner_path = ? WHERE id = ?', [u.id, u.path, d.case_id]);
        await ds.query(
          `INSERT INTO case_event (case_id, action, actor_kind, actor_name, at) VALUES (?, 'dispatchCase', 'SYSTEM', '测试', NOW(3))`,
          [d.case_id],
        );
      }
      if (i % 3 === 2) {
        await ds.query(
          "UPDATE wq_case SET outcome = 'MEDIATED', amount_recovered = 123.45, concluded_at = NOW(3) WHERE id = ?",
          [d.case_id],
        );
        await ds.query(
          `INSERT INTO case_event (case_id, action, actor_kind, actor_name, at) VALUES (?, 'concludeCase', 'SYSTEM', '测试', NOW(3))`,
          [d.case_id],
        );
      }
    }
    await stats.drainAll();
    // draining the same cases again changes nothing
    await stats.applyCases(running.map((d) => d.case_id));
    const incremental = {
      daily: await daily(),
      rollup: await rollup(),
      monthly: await monthly(),
      contrib: await contrib(),
    };
    expect(incremental.daily.some((r: { metric: string }) => r.metric.startsWith('DUE:'))).toBe(true);

    await stats.rebuild(97);
    expect(await daily()).toEqual(incremental.daily);
    expect(await rollup()).toEqual(incremental.rollup);
    expect(await monthly()).toEqual(incremental.monthly);
    expect(await contrib()).toEqual(incremental.contrib);
  }, 120_000);

  it('the sums are exactly the GROUP BY of the per-case rows (what drill-downs list)', async () => {
    const diff = await ds.query(`SELECT * FROM (
        SELECT metric, day, unit_id, kind, channel, category, industry, outcome, problem_type, COUNT(*) n, SUM(amount) a
          FROM stat_contrib GROUP BY metric, day, unit_id, kind, channel, category, industry, outcome, problem_type) c
      RIGHT JOIN stat_daily s USING (metric, day, unit_id, kind, channel, category, industry, outcome, problem_type)
      WHERE COALESCE(c.n, 0) <> s.n OR COALESCE(c.a, 0) <> s.amount`);
    expect(diff).toEqual([]);
    const [{ n: contribCount }] = await ds.query('SELECT COUNT(*) n FROM stat_contrib');
    const [{ n: dailyCount }] = await ds.query('SELECT SUM(n) n FROM stat_daily');
    expect(Number(dailyCount)).toBe(Number(contribCount));
    // the monthly roll-up is the daily one summed by calendar month, in both directions
    const months = await ds.query(`SELECT * FROM (
        SELECT root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01') month, SUM(n) n, SUM(amount) a
          FROM stat_rollup_day GROUP BY root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01')) d
      LEFT JOIN stat_rollup_month m USING (root_unit_id, metric, month)
      WHERE COALESCE(m.n, 0) <> d.n OR COALESCE(m.amount, 0) <> d.a
      UNION ALL
      SELECT m.root_unit_id, m.metric, m.month, 0, 0, m.n, m.amount FROM stat_rollup_month m
      WHERE (m.n <> 0 OR m.amount <> 0) AND NOT EXISTS (SELECT 1 FROM stat_rollup_day d
        WHERE d.root_unit_id = m.root_unit_id AND d.metric = m.metric AND d.day >= m.month AND d.day < m.month + INTERVAL 1 MONTH)`);
    expect(months).toEqual([]);
    const [{ n: monthRows }] = await ds.query('SELECT COUNT(*) n FROM stat_rollup_month WHERE n > 0');
    expect(Number(monthRows)).toBeGreaterThan(0);
  });

  it('a frozen month keeps its figures when cases of that month change later', async () => {
    const [{ m }] = await ds.query(
      "SELECT DATE_FORMAT(MIN(day), '%Y-%m') m FROM stat_rollup_day WHERE metric = 'RECEIVED' AND n > 0",
    );
    await ds.query('DELETE FROM stat_month_snapshot WHERE month = ?', [m]); // a rerun on the same database
    expect(await stats.freezeMonth(m)).toBe(true);
    const frozen = await ds.query(
      'SELECT root_unit_id, metric, n, amount FROM stat_month_snapshot WHERE month = ? ORDER BY 1, 2',
      [m],
    );
    expect(frozen.length).toBeGreaterThan(0);
    const [c] = await ds.query(
      "SELECT id FROM wq_case WHERE DATE_FORMAT(CONVERT_TZ(received_at, '+00:00', '+08:00'), '%Y-%m') = ? LIMIT 1",
      [m],
    );
    await ds.query(
      "UPDATE wq_case SET outcome = 'MEDIATED', amount_recovered = 99, concluded_at = NOW(3) WHERE id = ?",
      [c.id],
    );
    await ds.query(
      `INSERT INTO case_event (case_id, action, actor_kind, actor_name, at) VALUES (?, 'concludeCase', 'SYSTEM', '测试', NOW(3))`,
      [c.id],
    );
    await stats.drainAll();
    expect(await stats.freezeMonth(m)).toBe(false);
    expect(
      await ds.query('SELECT root_unit_id, metric, n, amount FROM stat_month_snapshot WHERE month = ? ORDER BY 1, 2', [
        m,
      ]),
    ).toEqual(frozen);
  });
});
