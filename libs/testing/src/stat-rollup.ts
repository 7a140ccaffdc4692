import { DataSource } from 'typeorm';

/**
 * Adds `delta` to a subtree root's roll-up of one metric on one day, in the daily and the monthly
 * table alike (as StatMaintainer keeps them) — a late record simulated without going through a case.
 * Tests undo it with the opposite delta: the statistics tables are shared by every suite, and a
 * rebuild must agree with them.
 */
export async function shiftRollup(ds: DataSource, rootUnitId: number, metric: string, day: string, delta: number) {
  await ds.query(
    `INSERT INTO stat_rollup_day (root_unit_id, metric, day, n, amount) VALUES (?, ?, ?, ?, 0)
     ON DUPLICATE KEY UPDATE n = n + VALUES(n)`,
    [rootUnitId, metric, day, delta],
  );
  await ds.query(
    `INSERT INTO stat_rollup_month (root_unit_id, metric, month, n, amount) VALUES (?, ?, ?, ?, 0)
     ON DUPLICATE KEY UPDATE n = n + VALUES(n)`,
    [rootUnitId, metric, `${day.slice(0, 7)}-01`, delta],
  );
}
