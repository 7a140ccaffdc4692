import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * Subtree roll-ups by month (issue 14): the KPI board of a year read 365 rows per subtree root and
 * metric from stat_rollup_day, for the root, each child and the two comparison periods. stat_rollup_month
 * holds the same sums per calendar month (`month` is its first day); the board reads whole months from it
 * and only the days around them from stat_rollup_day (libs/core/src/stats/stat-query.ts rollupSource).
 * StatMaintainer keeps both with the same contributions; filled here from the daily roll-up. Both are keyed
 * root, period, metric: a board reads a range of periods of all metrics for a few roots.
 */
export class StatRollupMonth1767400100000 implements MigrationInterface {
  name = 'StatRollupMonth1767400100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stat_rollup_month (
      root_unit_id INT UNSIGNED NOT NULL,
      metric VARCHAR(40) NOT NULL,
      month DATE NOT NULL,
      n INT NOT NULL,
      amount DECIMAL(16,2) NOT NULL,
      PRIMARY KEY (root_unit_id, month, metric)
    ) ${T}`);
    await q.query(`INSERT INTO stat_rollup_month (root_unit_id, metric, month, n, amount)
      SELECT root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01'), SUM(n), SUM(amount) FROM stat_rollup_day
       GROUP BY root_unit_id, metric, DATE_FORMAT(day, '%Y-%m-01')`);
    // The daily roll-up is now read by day ranges of all metrics (a period's edge days, a trend by day):
    // the period before the metric in its key, so a range of days is one index range (was: every day of the root).
    await q.query('ALTER TABLE stat_rollup_day DROP PRIMARY KEY, ADD PRIMARY KEY (root_unit_id, day, metric)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stat_rollup_day DROP PRIMARY KEY, ADD PRIMARY KEY (root_unit_id, metric, day)');
    await q.query('DROP TABLE stat_rollup_month');
  }
}
