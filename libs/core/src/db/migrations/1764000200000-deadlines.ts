import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// The deadline engine: calendar overrides, versioned rule sets, deadlines as rows (the truth),
// an idempotency ledger of effects, violations (违诺), notifications and the SMS outbox.
export class Deadlines1764000200000 implements MigrationInterface {
  name = 'Deadlines1764000200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_override (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      date DATE NOT NULL,
      kind VARCHAR(10) NOT NULL,
      name VARCHAR(50) NOT NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_calendar_override_date (date)
    ) ${T}`);
    await q.query(`CREATE TABLE calendar_arrangement (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      year SMALLINT UNSIGNED NOT NULL,
      source VARCHAR(200) NULL,
      days MEDIUMTEXT NOT NULL,
      imported_by_id INT UNSIGNED NULL,
      imported_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_calendar_arrangement_year (year)
    ) ${T}`);

    await q.query(`CREATE TABLE deadline_rule_set (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      code VARCHAR(40) NOT NULL,
      name VARCHAR(100) NOT NULL,
      layer VARCHAR(16) NOT NULL,
      effective_from DATE NOT NULL,
      version INT UNSIGNED NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_rule_set_version (code, version),
      KEY ix_rule_set_layer (layer, effective_from)
    ) ${T}`);
    await q.query(`CREATE TABLE deadline_rule (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      rule_set_id INT UNSIGNED NOT NULL,
      code VARCHAR(40) NOT NULL,
      name VARCHAR(100) NOT NULL,
      kinds TEXT NOT NULL,
      channels TEXT NULL,
      start_event VARCHAR(40) NOT NULL,
      start_condition VARCHAR(40) NULL,
      stop_events TEXT NOT NULL,
      pause_states TEXT NOT NULL,
      amount INT UNSIGNED NOT NULL,
      unit VARCHAR(16) NOT NULL,
      warn_fractions TEXT NOT NULL,
      hard_max_amount INT UNSIGNED NULL,
      per_hop TINYINT(1) NOT NULL DEFAULT 0,
      escalation TEXT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_rule_code (rule_set_id, code),
      CONSTRAINT fk_rule_set FOREIGN KEY (rule_set_id) REFERENCES deadline_rule_set (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_deadline (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      rule_id INT UNSIGNED NOT NULL,
      rule_code VARCHAR(40) NOT NULL,
      rule_set_code VARCHAR(40) NOT NULL,
      rule_set_version INT UNSIGNED NOT NULL,
      layer VARCHAR(16) NOT NULL,
      round_key VARCHAR(40) NOT NULL,
      status VARCHAR(12) NOT NULL,
      trigger_event VARCHAR(40) NOT NULL,
      started_at DATETIME(3) NOT NULL,
      due_at DATETIME(3) NULL,
      amount INT UNSIGNED NOT NULL,
      unit VARCHAR(16) NOT NULL,
      extended_amount INT UNSIGNED NOT NULL DEFAULT 0,
      pauses TEXT NULL,
      paused_at DATETIME(3) NULL,
      warn_fractions TEXT NOT NULL,
      responsible_unit_id INT UNSIGNED NOT NULL,
      responsible_user_id INT UNSIGNED NULL,
      calendar_version VARCHAR(120) NOT NULL,
      stopped_at DATETIME(3) NULL,
      breached_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_case_deadline_round (case_id, rule_code, round_key),
      KEY ix_case_deadline_running (status, due_at),
      KEY ix_case_deadline_unit (responsible_unit_id, status),
      CONSTRAINT fk_case_deadline_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);
    // Exactly-once ledger: an effect (warning at a fraction, breach, escalation step) is applied only
    // by the transaction that inserts its row.
    await q.query(`CREATE TABLE deadline_effect (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      deadline_id BIGINT UNSIGNED NOT NULL,
      effect VARCHAR(40) NOT NULL,
      applied_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_deadline_effect (deadline_id, effect),
      CONSTRAINT fk_deadline_effect FOREIGN KEY (deadline_id) REFERENCES case_deadline (id)
    ) ${T}`);
    await q.query(`CREATE TABLE violation (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      deadline_id BIGINT UNSIGNED NOT NULL,
      case_id BIGINT UNSIGNED NOT NULL,
      rule_code VARCHAR(40) NOT NULL,
      user_id INT UNSIGNED NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      occurred_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_violation_deadline (deadline_id),
      KEY ix_violation_user_year (user_id, year),
      KEY ix_violation_unit (unit_path, year)
    ) ${T}`);

    await q.query(`CREATE TABLE notification (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      user_id INT UNSIGNED NOT NULL,
      kind VARCHAR(32) NOT NULL,
      title VARCHAR(200) NOT NULL,
      body TEXT NULL,
      case_id BIGINT UNSIGNED NULL,
      dedupe_key VARCHAR(120) NULL,
      read_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_notification_dedupe (dedupe_key),
      KEY ix_notification_user (user_id, read_at, id)
    ) ${T}`);
    await q.query(`CREATE TABLE sms_outbox (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      phone VARCHAR(20) NOT NULL,
      content VARCHAR(500) NOT NULL,
      case_id BIGINT UNSIGNED NULL,
      dedupe_key VARCHAR(120) NULL,
      status VARCHAR(12) NOT NULL,
      attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      not_before DATETIME(3) NOT NULL,
      sent_at DATETIME(3) NULL,
      provider_ref VARCHAR(100) NULL,
      last_error VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_sms_dedupe (dedupe_key),
      KEY ix_sms_pending (status, not_before)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'sms_outbox',
      'notification',
      'violation',
      'deadline_effect',
      'case_deadline',
      'deadline_rule',
      'deadline_rule_set',
      'calendar_arrangement',
      'calendar_override',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
