import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// The public side (#16), 典型案例: typical cases written by staff of a unit (its scope owns them), published
// on the public site by a random ref and withdrawn with a reason. The optional source case is a pointer
// for the staff only; no text of the case is copied.
export class TypicalCase1767100000000 implements MigrationInterface {
  name = 'TypicalCase1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE typical_case (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      ref CHAR(16) NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      title VARCHAR(100) NOT NULL,
      category VARCHAR(50) NULL,
      problem_type VARCHAR(32) NULL,
      facts TEXT NOT NULL,
      handling TEXT NOT NULL,
      lesson TEXT NOT NULL,
      source_case_id BIGINT UNSIGNED NULL,
      status VARCHAR(16) NOT NULL,
      published_at DATETIME(3) NULL,
      withdrawn_at DATETIME(3) NULL,
      withdraw_reason VARCHAR(500) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      created_by_id INT UNSIGNED NOT NULL,
      updated_by_id INT UNSIGNED NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_typical_case_ref (ref),
      KEY ix_typical_case_status (status, published_at),
      KEY ix_typical_case_unit (unit_id, updated_at),
      CONSTRAINT fk_typical_case_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_typical_case_problem_type FOREIGN KEY (problem_type) REFERENCES problem_type (code),
      CONSTRAINT fk_typical_case_source FOREIGN KEY (source_case_id) REFERENCES wq_case (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE typical_case');
  }
}
