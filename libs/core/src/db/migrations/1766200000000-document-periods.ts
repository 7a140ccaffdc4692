import { MigrationInterface, QueryRunner } from 'typeorm';

// The periods printed on a unit's documents, until now constants in code: the days the consumer has to
// supply missing materials (7), the recusal window on the mediation notice (3), the case file's
// retention period in years (10). An administrator sets them per issuing unit (audited).
export class DocumentPeriods1766200000000 implements MigrationInterface {
  name = 'DocumentPeriods1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_unit_setting
      ADD COLUMN materials_days SMALLINT UNSIGNED NOT NULL DEFAULT 7,
      ADD COLUMN recusal_days SMALLINT UNSIGNED NOT NULL DEFAULT 3,
      ADD COLUMN retention_years SMALLINT UNSIGNED NOT NULL DEFAULT 10`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE document_unit_setting
      DROP COLUMN materials_days, DROP COLUMN recusal_days, DROP COLUMN retention_years`);
  }
}
