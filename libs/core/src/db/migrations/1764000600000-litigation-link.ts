import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// 诉调对接工作室: court referrals, joint handling / transfer with departments (the agreed deadline
// runs as a case_deadline row of rule DEPARTMENT_AGREED), the expert roster and seminars, and
// linkage messages between centers and stations.
export class LitigationLink1764000600000 implements MigrationInterface {
  name = 'LitigationLink1764000600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE court_referral (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      type VARCHAR(24) NOT NULL,
      court_agency_id INT UNSIGNED NOT NULL,
      status VARCHAR(12) NOT NULL,
      matter TEXT NOT NULL,
      court_case_no VARCHAR(50) NULL,
      status_note TEXT NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      referred_by_id INT UNSIGNED NULL,
      sent_at DATETIME(3) NOT NULL,
      accepted_at DATETIME(3) NULL,
      mediated_at DATETIME(3) NULL,
      confirmed_at DATETIME(3) NULL,
      rejected_at DATETIME(3) NULL,
      withdrawn_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_court_referral_case (case_id),
      KEY ix_court_referral_unit (unit_id, status),
      CONSTRAINT fk_court_referral_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_court_referral_court FOREIGN KEY (court_agency_id) REFERENCES external_agency (id),
      CONSTRAINT fk_court_referral_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE department_handling (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      department_agency_id INT UNSIGNED NOT NULL,
      mode VARCHAR(12) NOT NULL,
      status VARCHAR(12) NOT NULL,
      matter TEXT NOT NULL,
      contact_person VARCHAR(50) NULL,
      contact_phone VARCHAR(40) NULL,
      agreed_deadline DATE NOT NULL,
      deadline_id BIGINT UNSIGNED NULL,
      result TEXT NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      started_by_id INT UNSIGNED NULL,
      started_at DATETIME(3) NOT NULL,
      closed_by_id INT UNSIGNED NULL,
      closed_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_department_handling_case (case_id),
      KEY ix_department_handling_unit (unit_id, status),
      CONSTRAINT fk_department_handling_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_department_handling_agency FOREIGN KEY (department_agency_id) REFERENCES external_agency (id),
      CONSTRAINT fk_department_handling_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_department_handling_deadline FOREIGN KEY (deadline_id) REFERENCES case_deadline (id)
    ) ${T}`);

    await q.query(`CREATE TABLE expert (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(50) NOT NULL,
      field VARCHAR(100) NOT NULL,
      organisation VARCHAR(100) NULL,
      phone VARCHAR(40) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_expert_unit_path (unit_path),
      CONSTRAINT fk_expert_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE expert_seminar (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      topic VARCHAR(200) NOT NULL,
      held_on DATE NOT NULL,
      minutes MEDIUMTEXT NULL,
      hot_issue_tags TEXT NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_expert_seminar_unit_path (unit_path, held_on),
      CONSTRAINT fk_expert_seminar_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE expert_seminar_expert (
      seminar_id BIGINT UNSIGNED NOT NULL,
      expert_id INT UNSIGNED NOT NULL,
      PRIMARY KEY (seminar_id, expert_id),
      KEY ix_expert_seminar_expert (expert_id),
      CONSTRAINT fk_seminar_expert_seminar FOREIGN KEY (seminar_id) REFERENCES expert_seminar (id),
      CONSTRAINT fk_seminar_expert_expert FOREIGN KEY (expert_id) REFERENCES expert (id)
    ) ${T}`);

    await q.query(`CREATE TABLE expert_seminar_case (
      seminar_id BIGINT UNSIGNED NOT NULL,
      case_id BIGINT UNSIGNED NOT NULL,
      PRIMARY KEY (seminar_id, case_id),
      KEY ix_expert_seminar_case (case_id),
      CONSTRAINT fk_seminar_case_seminar FOREIGN KEY (seminar_id) REFERENCES expert_seminar (id),
      CONSTRAINT fk_seminar_case_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE linkage_message (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      kind VARCHAR(12) NOT NULL,
      sender_unit_id INT UNSIGNED NOT NULL,
      sender_path VARCHAR(255) NOT NULL,
      target_unit_id INT UNSIGNED NOT NULL,
      target_path VARCHAR(255) NOT NULL,
      title VARCHAR(200) NOT NULL,
      content TEXT NOT NULL,
      due_at DATETIME(3) NULL,
      sent_by_id INT UNSIGNED NULL,
      sent_at DATETIME(3) NOT NULL,
      acknowledged_by_id INT UNSIGNED NULL,
      acknowledged_at DATETIME(3) NULL,
      ack_note TEXT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      KEY ix_linkage_target (target_unit_id, acknowledged_at),
      KEY ix_linkage_sender (sender_unit_id, sent_at),
      CONSTRAINT fk_linkage_sender FOREIGN KEY (sender_unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_linkage_target FOREIGN KEY (target_unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    // 联办、移交的商定时限: a commitment-layer rule, so the clock has a rule row like every other.
    // Its deadline rows are started by the litigation-link module, never by a lifecycle event; on a
    // fresh database the seed migration already inserted it from default-rules.ts (INSERT IGNORE).
    await q.query(
      `INSERT IGNORE INTO deadline_rule
         (rule_set_id, code, name, kinds, channels, start_event, start_condition, stop_events, pause_states, amount, unit, warn_fractions, hard_max_amount, per_hop, escalation)
       SELECT s.id, 'DEPARTMENT_AGREED', '联办、移交部门商定的办理时限', ?, NULL, 'agreeDepartmentDeadline', NULL, ?, '[]', 1, 'CALENDAR_DAYS', '[0.5,0.8]', NULL, 0, NULL
       FROM deadline_rule_set s WHERE s.code = 'COMMITMENT' AND s.version = 1`,
      [
        JSON.stringify(['CONSULTATION', 'COMPLAINT', 'REPORT', 'SUGGESTION']),
        JSON.stringify([
          'completeDepartmentHandling',
          'cancelDepartmentHandling',
          'concludeCase',
          'answerConsultation',
        ]),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      "DELETE r FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code = 'COMMITMENT' AND r.code = 'DEPARTMENT_AGREED' AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.rule_id = r.id)",
    );
    for (const t of [
      'linkage_message',
      'expert_seminar_case',
      'expert_seminar_expert',
      'expert_seminar',
      'expert',
      'department_handling',
      'court_referral',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
