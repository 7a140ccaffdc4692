import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/** The categories of 消费者投诉处理情况表 (issue 14 item 3), in the table's order. */
const DEFAULTS: [string, string][] = [
  ['QUALITY', '质量'],
  ['SAFETY', '安全'],
  ['MEASUREMENT', '计量'],
  ['CONTRACT', '合同'],
  ['AFTER_SALES', '售后服务'],
  ['DIGNITY', '人格尊严'],
  ['ADVERTISING', '广告'],
  ['TRADEMARK', '商标'],
  ['PRICE', '价格'],
  ['COUNTERFEIT', '假冒'],
  ['FALSE_PROMOTION', '虚假宣传'],
  ['OTHER', '其他'],
];

/**
 * 投诉问题类别 (problem type): a dictionary administrators maintain (add, rename, disable; an entry
 * in use is never deleted), chosen at registration (wq_case.problem_type holds its code, so a rename
 * shows everywhere at once), and a dimension of the statistics (stat_contrib / stat_daily; '' = none).
 */
export class ProblemTypes1766900000000 implements MigrationInterface {
  name = 'ProblemTypes1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE problem_type (
      code VARCHAR(32) NOT NULL,
      name VARCHAR(50) NOT NULL,
      sort_order INT NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      version INT NOT NULL DEFAULT 1,
      PRIMARY KEY (code),
      UNIQUE KEY uq_problem_type_name (name)
    ) ${T}`);
    await q.query(
      `INSERT INTO problem_type (code, name, sort_order) VALUES ${DEFAULTS.map(() => '(?, ?, ?)').join(', ')}`,
      DEFAULTS.flatMap(([code, name], i) => [code, name, (i + 1) * 10]),
    );
    await q.query(
      'ALTER TABLE wq_case ADD COLUMN problem_type VARCHAR(32) NULL AFTER category, ADD KEY ix_case_problem_type (problem_type)',
    );
    await q.query(`ALTER TABLE stat_contrib ADD COLUMN problem_type VARCHAR(32) NOT NULL DEFAULT '' AFTER outcome`);
    await q.query(`ALTER TABLE stat_daily ADD COLUMN problem_type VARCHAR(32) NOT NULL DEFAULT '' AFTER outcome,
      DROP PRIMARY KEY, ADD PRIMARY KEY (metric, day, unit_id, kind, channel, category, industry, outcome, problem_type)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // sums split by problem type cannot be merged back in place: `pnpm stats:rebuild` after this
    await q.query('TRUNCATE TABLE stat_daily');
    await q.query(`ALTER TABLE stat_daily DROP PRIMARY KEY, DROP COLUMN problem_type,
      ADD PRIMARY KEY (metric, day, unit_id, kind, channel, category, industry, outcome)`);
    await q.query('ALTER TABLE stat_contrib DROP COLUMN problem_type');
    await q.query('ALTER TABLE wq_case DROP KEY ix_case_problem_type, DROP COLUMN problem_type');
    await q.query('DROP TABLE problem_type');
  }
}
