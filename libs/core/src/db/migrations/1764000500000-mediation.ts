import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// 维权服务工作室: mediation sessions, on-site investigations, testing commissions, agreements.
// Every row hangs off a case; who may see it is decided by the case (owner_path).
export class Mediation1764000500000 implements MigrationInterface {
  name = 'Mediation1764000500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE mediation_session (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      mode VARCHAR(16) NOT NULL,
      held_at DATETIME(3) NOT NULL,
      place VARCHAR(200) NULL,
      simple TINYINT(1) NOT NULL DEFAULT 0,
      parties_consented TINYINT(1) NOT NULL,
      parties TEXT NOT NULL,
      record TEXT NOT NULL,
      result VARCHAR(16) NOT NULL,
      result_note TEXT NULL,
      recorded_by_id INT UNSIGNED NULL,
      recorded_at DATETIME(3) NOT NULL,
      updated_by_id INT UNSIGNED NULL,
      updated_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_mediation_session_case (case_id, held_at),
      KEY ix_mediation_session_unit (unit_id, held_at),
      CONSTRAINT fk_mediation_session_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_mediation_session_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE mediation_session_staff (
      session_id BIGINT UNSIGNED NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (session_id, user_id),
      KEY ix_mediation_session_staff_user (user_id),
      CONSTRAINT fk_mediation_session_staff_session FOREIGN KEY (session_id) REFERENCES mediation_session (id) ON DELETE CASCADE,
      CONSTRAINT fk_mediation_session_staff_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ) ${T}`);

    await q.query(`CREATE TABLE site_investigation (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      investigated_at DATETIME(3) NOT NULL,
      place VARCHAR(200) NOT NULL,
      findings TEXT NOT NULL,
      evidence_note TEXT NULL,
      evidence_ids TEXT NULL,
      recorded_by_id INT UNSIGNED NULL,
      recorded_at DATETIME(3) NOT NULL,
      updated_by_id INT UNSIGNED NULL,
      updated_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_site_investigation_case (case_id, investigated_at),
      CONSTRAINT fk_site_investigation_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_site_investigation_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE site_investigation_staff (
      investigation_id BIGINT UNSIGNED NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (investigation_id, user_id),
      KEY ix_site_investigation_staff_user (user_id),
      CONSTRAINT fk_site_investigation_staff_inv FOREIGN KEY (investigation_id) REFERENCES site_investigation (id) ON DELETE CASCADE,
      CONSTRAINT fk_site_investigation_staff_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ) ${T}`);

    await q.query(`CREATE TABLE testing_commission (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      agency_name VARCHAR(100) NOT NULL,
      agency_qualification VARCHAR(200) NOT NULL,
      items TEXT NOT NULL,
      cost_advanced_by VARCHAR(16) NOT NULL,
      estimated_cost DECIMAL(14,2) NULL,
      commissioned_at DATETIME(3) NOT NULL,
      status VARCHAR(12) NOT NULL,
      suspended_case TINYINT(1) NOT NULL DEFAULT 0,
      result TEXT NULL,
      actual_cost DECIMAL(14,2) NULL,
      cost_borne_by VARCHAR(16) NULL,
      result_at DATETIME(3) NULL,
      result_by_id INT UNSIGNED NULL,
      recorded_by_id INT UNSIGNED NULL,
      recorded_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_testing_commission_case (case_id, status),
      CONSTRAINT fk_testing_commission_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_testing_commission_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE mediation_agreement (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      session_id BIGINT UNSIGNED NULL,
      terms TEXT NOT NULL,
      amount DECIMAL(14,2) NULL,
      signed_at DATETIME(3) NOT NULL,
      performance_due_at DATETIME(3) NULL,
      performance VARCHAR(12) NOT NULL DEFAULT 'PENDING',
      performance_note TEXT NULL,
      performance_recorded_at DATETIME(3) NULL,
      performance_recorded_by_id INT UNSIGNED NULL,
      supervision_id BIGINT UNSIGNED NULL,
      recorded_by_id INT UNSIGNED NULL,
      recorded_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_mediation_agreement_case (case_id, performance),
      CONSTRAINT fk_mediation_agreement_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_mediation_agreement_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_mediation_agreement_session FOREIGN KEY (session_id) REFERENCES mediation_session (id),
      CONSTRAINT fk_mediation_agreement_supervision FOREIGN KEY (supervision_id) REFERENCES supervision (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'mediation_agreement',
      'testing_commission',
      'site_investigation_staff',
      'site_investigation',
      'mediation_session_staff',
      'mediation_session',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
