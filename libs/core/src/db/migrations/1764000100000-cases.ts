import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// Cases (诉求) and everything recorded on them. case_event is append-only (triggers below).
export class Cases1764000100000 implements MigrationInterface {
  name = 'Cases1764000100000';

  async up(q: QueryRunner): Promise<void> {
    // Per center and year: INSERT … ON DUPLICATE KEY UPDATE last_value = LAST_INSERT_ID(last_value + 1)
    // hands out numbers atomically under concurrency.
    await q.query(`CREATE TABLE case_no_sequence (
      center_id INT UNSIGNED NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      last_value INT UNSIGNED NOT NULL,
      PRIMARY KEY (center_id, year)
    ) ${T}`);

    await q.query(`CREATE TABLE wq_case (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_no VARCHAR(32) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      channel VARCHAR(24) NOT NULL,
      state VARCHAR(24) NOT NULL,
      is_open TINYINT(1) NOT NULL DEFAULT 1,
      round SMALLINT UNSIGNED NOT NULL DEFAULT 1,
      previous_round_id BIGINT UNSIGNED NULL,
      received_at DATETIME(3) NOT NULL,
      registered_at DATETIME(3) NOT NULL,
      registered_by_id INT UNSIGNED NULL,
      registered_by_client_id INT UNSIGNED NULL,
      intake_unit_id INT UNSIGNED NOT NULL,
      owner_unit_id INT UNSIGNED NOT NULL,
      owner_path VARCHAR(255) NOT NULL,
      handler_id INT UNSIGNED NULL,
      consumer_name VARCHAR(50) NULL,
      consumer_phone VARCHAR(20) NULL,
      consumer_id_number VARCHAR(18) NULL,
      consumer_address VARCHAR(200) NULL,
      anonymous TINYINT(1) NOT NULL DEFAULT 0,
      respondent_name VARCHAR(100) NULL,
      respondent_credit_code CHAR(18) NULL,
      respondent_address VARCHAR(200) NULL,
      respondent_region VARCHAR(50) NULL,
      respondent_industry VARCHAR(50) NULL,
      occurred_at DATETIME(3) NULL,
      occurred_place VARCHAR(200) NULL,
      category VARCHAR(50) NULL,
      amount_involved DECIMAL(14,2) NULL,
      summary TEXT NOT NULL,
      demand TEXT NULL,
      major_urgent TINYINT(1) NOT NULL DEFAULT 0,
      group_complaint TINYINT(1) NOT NULL DEFAULT 0,
      media_attention TINYINT(1) NOT NULL DEFAULT 0,
      consent_publication TINYINT(1) NOT NULL DEFAULT 0,
      consent_entrusted_mediation TINYINT(1) NOT NULL DEFAULT 0,
      repeat_of_id BIGINT UNSIGNED NULL,
      merged_into_id BIGINT UNSIGNED NULL,
      missing_items TEXT NULL,
      materials_request_count SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      reject_ground VARCHAR(40) NULL,
      referral_authority VARCHAR(100) NULL,
      referral_phone VARCHAR(40) NULL,
      filed TINYINT(1) NULL,
      dispatch_target_type VARCHAR(16) NULL,
      dispatch_mode VARCHAR(16) NULL,
      dispatch_workroom VARCHAR(24) NULL,
      external_agency_id INT UNSIGNED NULL,
      assigned_unit_id INT UNSIGNED NULL,
      suspend_reason VARCHAR(24) NULL,
      pending_extension TINYINT(1) NOT NULL DEFAULT 0,
      extension_granted TINYINT(1) NOT NULL DEFAULT 0,
      outcome VARCHAR(24) NULL,
      termination_ground VARCHAR(40) NULL,
      agreement_text TEXT NULL,
      amount_recovered DECIMAL(14,2) NULL,
      concluded_at DATETIME(3) NULL,
      reply_content TEXT NULL,
      replied_at DATETIME(3) NULL,
      follow_up_attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      follow_up_done TINYINT(1) NOT NULL DEFAULT 0,
      satisfaction VARCHAR(16) NULL,
      next_round_id BIGINT UNSIGNED NULL,
      overdue TINYINT(1) NOT NULL DEFAULT 0,
      due_at DATETIME(3) NULL,
      archived_at DATETIME(3) NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_case_no (case_no),
      KEY ix_case_scope_open_received (owner_path, is_open, received_at),
      KEY ix_case_open_received (is_open, received_at),
      KEY ix_case_received (received_at),
      KEY ix_case_state (state, owner_path),
      KEY ix_case_handler (handler_id, is_open),
      KEY ix_case_registered_by (registered_by_id, is_open),
      KEY ix_case_consumer_phone (consumer_phone),
      KEY ix_case_consumer_address (consumer_address(64)),
      KEY ix_case_consumer_name (consumer_name),
      KEY ix_case_respondent_code (respondent_credit_code),
      KEY ix_case_respondent_name (respondent_name),
      KEY ix_case_overdue (overdue, owner_path),
      CONSTRAINT fk_case_intake_unit FOREIGN KEY (intake_unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_case_owner_unit FOREIGN KEY (owner_unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_event (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      action VARCHAR(32) NOT NULL,
      from_state VARCHAR(24) NULL,
      to_state VARCHAR(24) NULL,
      actor_kind VARCHAR(12) NOT NULL,
      actor_id INT UNSIGNED NULL,
      actor_name VARCHAR(100) NOT NULL,
      actor_unit_id INT UNSIGNED NULL,
      at DATETIME(3) NOT NULL,
      note TEXT NULL,
      detail TEXT NULL,
      PRIMARY KEY (id),
      KEY ix_case_event_case (case_id, id),
      CONSTRAINT fk_case_event_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);
    // 件件有登记: the log can be appended to, never edited or deleted.
    await q.query(`CREATE TRIGGER case_event_no_update BEFORE UPDATE ON case_event FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_event is append-only'`);
    await q.query(`CREATE TRIGGER case_event_no_delete BEFORE DELETE ON case_event FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_event is append-only'`);

    await q.query(`CREATE TABLE case_dispatch (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      hop SMALLINT UNSIGNED NOT NULL,
      from_unit_id INT UNSIGNED NOT NULL,
      target_type VARCHAR(16) NOT NULL,
      to_unit_id INT UNSIGNED NULL,
      workroom VARCHAR(24) NULL,
      external_agency_id INT UNSIGNED NULL,
      mode VARCHAR(16) NOT NULL,
      instructions TEXT NULL,
      dispatched_by_id INT UNSIGNED NULL,
      dispatched_at DATETIME(3) NOT NULL,
      received_at DATETIME(3) NULL,
      returned_at DATETIME(3) NULL,
      return_reason TEXT NULL,
      concluded_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_case_dispatch_hop (case_id, hop),
      KEY ix_case_dispatch_to_unit (to_unit_id, received_at),
      CONSTRAINT fk_case_dispatch_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_extension (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      requested_by_id INT UNSIGNED NOT NULL,
      requested_at DATETIME(3) NOT NULL,
      reason TEXT NOT NULL,
      days SMALLINT UNSIGNED NOT NULL,
      status VARCHAR(12) NOT NULL,
      decided_by_id INT UNSIGNED NULL,
      decided_at DATETIME(3) NULL,
      decision_note TEXT NULL,
      PRIMARY KEY (id),
      KEY ix_case_extension_case (case_id),
      CONSTRAINT fk_case_extension_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_follow_up (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      attempt SMALLINT UNSIGNED NOT NULL,
      at DATETIME(3) NOT NULL,
      by_user_id INT UNSIGNED NULL,
      result VARCHAR(16) NOT NULL,
      satisfaction VARCHAR(16) NULL,
      note TEXT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_case_follow_up_attempt (case_id, attempt),
      CONSTRAINT fk_case_follow_up_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_recusal (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      user_id INT UNSIGNED NOT NULL,
      reason TEXT NOT NULL,
      declared_by_id INT UNSIGNED NULL,
      declared_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_case_recusal (case_id, user_id),
      CONSTRAINT fk_case_recusal_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE supervision (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NULL,
      level VARCHAR(16) NOT NULL,
      issuing_unit_id INT UNSIGNED NOT NULL,
      issued_by_id INT UNSIGNED NULL,
      target_unit_id INT UNSIGNED NOT NULL,
      target_path VARCHAR(255) NOT NULL,
      content TEXT NOT NULL,
      response_due_at DATETIME(3) NOT NULL,
      status VARCHAR(16) NOT NULL,
      automatic TINYINT(1) NOT NULL DEFAULT 0,
      source_key VARCHAR(100) NULL,
      escalated_from_id BIGINT UNSIGNED NULL,
      response TEXT NULL,
      responded_by_id INT UNSIGNED NULL,
      responded_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (id),
      UNIQUE KEY uq_supervision_source (source_key),
      KEY ix_supervision_target (target_path, status),
      KEY ix_supervision_case (case_id),
      CONSTRAINT fk_supervision_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_supervision_target FOREIGN KEY (target_unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_evidence (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      file_name VARCHAR(200) NOT NULL,
      content_type VARCHAR(100) NOT NULL,
      size_bytes INT UNSIGNED NOT NULL,
      sha256 CHAR(64) NOT NULL,
      storage_key VARCHAR(200) NOT NULL,
      description VARCHAR(200) NULL,
      uploaded_by_id INT UNSIGNED NULL,
      uploaded_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_case_evidence_case (case_id),
      CONSTRAINT fk_case_evidence_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS case_event_no_update');
    await q.query('DROP TRIGGER IF EXISTS case_event_no_delete');
    for (const t of [
      'case_evidence',
      'supervision',
      'case_recusal',
      'case_follow_up',
      'case_extension',
      'case_dispatch',
      'case_event',
      'wq_case',
      'case_no_sequence',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
