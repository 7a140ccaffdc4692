import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// 法律服务工作室: consultations, litigation support, volunteers and their trainings, the duty
// roster. Each row carries its unit's id and path so the org scope filters it like a case.
export class Legal1764000400000 implements MigrationInterface {
  name = 'Legal1764000400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE legal_consultation (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      case_id BIGINT UNSIGNED NULL,
      asker_name VARCHAR(50) NULL,
      asker_phone VARCHAR(20) NULL,
      question TEXT NOT NULL,
      answer TEXT NULL,
      laws_cited TEXT NULL,
      asked_at DATETIME(3) NOT NULL,
      answered_at DATETIME(3) NULL,
      answered_by_id INT UNSIGNED NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_legal_consultation_scope (unit_path, asked_at),
      KEY ix_legal_consultation_unit_open (unit_id, answered_at),
      KEY ix_legal_consultation_case (case_id),
      CONSTRAINT fk_legal_consultation_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_legal_consultation_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE legal_litigation_support (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      case_id BIGINT UNSIGNED NOT NULL,
      request TEXT NOT NULL,
      status VARCHAR(24) NOT NULL,
      documents TEXT NULL,
      court VARCHAR(100) NULL,
      filed_at DATETIME(3) NULL,
      outcome TEXT NULL,
      closed_at DATETIME(3) NULL,
      document_generated_at DATETIME(3) NULL,
      requested_by_id INT UNSIGNED NULL,
      requested_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_legal_litigation_scope (unit_path, requested_at),
      KEY ix_legal_litigation_unit_status (unit_id, status),
      KEY ix_legal_litigation_case (case_id),
      CONSTRAINT fk_legal_litigation_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_legal_litigation_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE legal_volunteer (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      name VARCHAR(50) NOT NULL,
      phone VARCHAR(20) NULL,
      organization VARCHAR(100) NULL,
      specialities TEXT NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      note TEXT NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_legal_volunteer_scope (unit_path, active),
      KEY ix_legal_volunteer_unit (unit_id, active),
      CONSTRAINT fk_legal_volunteer_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE legal_training (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      topic VARCHAR(200) NOT NULL,
      held_on DATE NOT NULL,
      location VARCHAR(200) NULL,
      trainer VARCHAR(100) NULL,
      note TEXT NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_legal_training_scope (unit_path, held_on),
      CONSTRAINT fk_legal_training_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE legal_training_attendee (
      training_id INT UNSIGNED NOT NULL,
      volunteer_id INT UNSIGNED NOT NULL,
      attended TINYINT(1) NULL,
      recorded_at DATETIME(3) NULL,
      PRIMARY KEY (training_id, volunteer_id),
      KEY ix_legal_training_attendee_volunteer (volunteer_id),
      CONSTRAINT fk_legal_training_attendee_training FOREIGN KEY (training_id) REFERENCES legal_training (id) ON DELETE CASCADE,
      CONSTRAINT fk_legal_training_attendee_volunteer FOREIGN KEY (volunteer_id) REFERENCES legal_volunteer (id)
    ) ${T}`);

    await q.query(`CREATE TABLE legal_duty (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      duty_date DATE NOT NULL,
      shift VARCHAR(16) NOT NULL,
      user_id INT UNSIGNED NULL,
      volunteer_id INT UNSIGNED NULL,
      person_key VARCHAR(24) NOT NULL,
      note VARCHAR(200) NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      UNIQUE KEY uq_legal_duty_person (unit_id, duty_date, shift, person_key),
      KEY ix_legal_duty_scope (unit_path, duty_date),
      CONSTRAINT ck_legal_duty_one_person CHECK ((user_id IS NULL) <> (volunteer_id IS NULL)),
      CONSTRAINT fk_legal_duty_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_legal_duty_user FOREIGN KEY (user_id) REFERENCES app_user (id),
      CONSTRAINT fk_legal_duty_volunteer FOREIGN KEY (volunteer_id) REFERENCES legal_volunteer (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'legal_duty',
      'legal_training_attendee',
      'legal_training',
      'legal_volunteer',
      'legal_litigation_support',
      'legal_consultation',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
