import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 暂定 clocks: a clock whose counting enters a year without an imported arrangement is provisional
 * (the engine sets the flag with every due it computes). Importing that year's arrangement lists them
 * (index) for the previewed, audited recalculation.
 */
export class ProvisionalDeadlines1766000000000 implements MigrationInterface {
  name = 'ProvisionalDeadlines1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE case_deadline ADD COLUMN provisional TINYINT(1) NOT NULL DEFAULT 0 AFTER due_at,
         ADD INDEX ix_deadline_provisional (provisional, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_deadline DROP INDEX ix_deadline_provisional, DROP COLUMN provisional`);
  }
}
