import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
// Bumping seq (rather than INSERT IGNORE) lets the worker delete exactly the version it processed:
// a change that lands while it computes leaves the row behind for the next pass.
const MARK = (caseId: string) =>
  `INSERT INTO stat_dirty_case (case_id, seq) VALUES (${caseId}, 1) ON DUPLICATE KEY UPDATE seq = seq + 1`;
const DIMS = `kind VARCHAR(16) NOT NULL,
      channel VARCHAR(24) NOT NULL,
      category VARCHAR(50) NOT NULL,
      industry VARCHAR(50) NOT NULL,
      outcome VARCHAR(24) NOT NULL`;

/**
 * Statistics (issue 14). Figures never read the case table: every case's contribution rows
 * (stat_contrib, the drill-down source) and their sums (stat_daily by unit × day × dimensions,
 * stat_rollup_day by subtree root × day for the KPI board) are kept by the worker. Triggers on the
 * append-only case_event (written in every step's transaction), on case_deadline (breaches, which
 * write no event) and on violation mark the case in stat_dirty_case, in the writer's transaction;
 * the worker drains it. stat_month_snapshot holds frozen month figures.
 */
export class Statistics1765300000000 implements MigrationInterface {
  name = 'Statistics1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stat_dirty_case (
      case_id BIGINT UNSIGNED NOT NULL,
      seq INT UNSIGNED NOT NULL,
      marked_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (case_id),
      KEY ix_stat_dirty_marked (marked_at)
    ) ${T}`);
    await q.query(`CREATE TABLE stat_contrib (
      case_id BIGINT UNSIGNED NOT NULL,
      seq SMALLINT UNSIGNED NOT NULL,
      metric VARCHAR(40) NOT NULL,
      day DATE NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      ${DIMS},
      amount DECIMAL(14,2) NOT NULL,
      PRIMARY KEY (case_id, seq),
      KEY ix_stat_contrib_drill (metric, day, unit_path, case_id)
    ) ${T}`);
    await q.query(`CREATE TABLE stat_daily (
      metric VARCHAR(40) NOT NULL,
      day DATE NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      ${DIMS},
      n INT NOT NULL,
      amount DECIMAL(16,2) NOT NULL,
      PRIMARY KEY (metric, day, unit_id, kind, channel, category, industry, outcome)
    ) ${T}`);
    await q.query(`CREATE TABLE stat_rollup_day (
      root_unit_id INT UNSIGNED NOT NULL,
      metric VARCHAR(40) NOT NULL,
      day DATE NOT NULL,
      n INT NOT NULL,
      amount DECIMAL(16,2) NOT NULL,
      PRIMARY KEY (root_unit_id, metric, day)
    ) ${T}`);
    await q.query(`CREATE TABLE stat_month_snapshot (
      month CHAR(7) NOT NULL,
      root_unit_id INT UNSIGNED NOT NULL,
      metric VARCHAR(40) NOT NULL,
      n INT NOT NULL,
      amount DECIMAL(16,2) NOT NULL,
      frozen_at DATETIME(3) NOT NULL,
      PRIMARY KEY (month, root_unit_id, metric)
    ) ${T}`);
    await q.query(`CREATE TRIGGER stat_case_event_mark AFTER INSERT ON case_event FOR EACH ROW ${MARK('NEW.case_id')}`);
    await q.query(
      `CREATE TRIGGER stat_deadline_mark_insert AFTER INSERT ON case_deadline FOR EACH ROW ${MARK('NEW.case_id')}`,
    );
    await q.query(`CREATE TRIGGER stat_deadline_mark_update AFTER UPDATE ON case_deadline FOR EACH ROW
      BEGIN
        IF NOT (NEW.status <=> OLD.status AND NEW.due_at <=> OLD.due_at AND NEW.stopped_at <=> OLD.stopped_at
                AND NEW.responsible_unit_id <=> OLD.responsible_unit_id) THEN
          ${MARK('NEW.case_id')};
        END IF;
      END`);
    await q.query(`CREATE TRIGGER stat_violation_mark AFTER INSERT ON violation FOR EACH ROW ${MARK('NEW.case_id')}`);
    // A case row written without a timeline entry (bulk loads, imports, test factories) is counted too.
    await q.query(`CREATE TRIGGER stat_case_mark_insert AFTER INSERT ON wq_case FOR EACH ROW ${MARK('NEW.id')}`);
    // Cases that exist already are computed by the worker's first pass.
    await q.query('INSERT INTO stat_dirty_case (case_id, seq) SELECT id, 1 FROM wq_case');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'stat_case_event_mark',
      'stat_deadline_mark_insert',
      'stat_deadline_mark_update',
      'stat_violation_mark',
      'stat_case_mark_insert',
    ]) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}`);
    }
    for (const t of ['stat_month_snapshot', 'stat_rollup_day', 'stat_daily', 'stat_contrib', 'stat_dirty_case']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
