import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const IMMUTABLE = ['case_document', 'case_document_file'];

// Documents (文书) and case files (卷宗): a gap-free counter per unit × type × year, the immutable
// registry and its rendered files, the unit's document settings, deliveries (one-time links, prints).
export class Documents1765400000000 implements MigrationInterface {
  name = 'Documents1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE document_no_sequence (
      unit_id INT UNSIGNED NOT NULL,
      doc_type VARCHAR(40) NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      last_value INT UNSIGNED NOT NULL,
      PRIMARY KEY (unit_id, doc_type, year)
    ) ${T}`);

    await q.query(`CREATE TABLE case_document (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      case_id BIGINT UNSIGNED NOT NULL,
      round SMALLINT UNSIGNED NOT NULL,
      doc_type VARCHAR(40) NOT NULL,
      issuing_unit_id INT UNSIGNED NOT NULL,
      year SMALLINT UNSIGNED NOT NULL,
      seq INT UNSIGNED NULL,
      doc_no VARCHAR(80) NULL,
      title VARCHAR(100) NOT NULL,
      template_key VARCHAR(40) NOT NULL,
      template_version SMALLINT UNSIGNED NOT NULL,
      format VARCHAR(8) NOT NULL,
      data MEDIUMTEXT NOT NULL,
      issued_by_action VARCHAR(32) NULL,
      issued_by_id INT UNSIGNED NULL,
      issued_by_name VARCHAR(100) NOT NULL,
      issued_at DATETIME(3) NOT NULL,
      supersedes_id BIGINT UNSIGNED NULL,
      correction_reason VARCHAR(500) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_case_document_number (issuing_unit_id, doc_type, year, seq),
      UNIQUE KEY ux_case_document_supersedes (supersedes_id),
      KEY ix_case_document_case (case_id, issued_at),
      CONSTRAINT fk_case_document_case FOREIGN KEY (case_id) REFERENCES wq_case (id),
      CONSTRAINT fk_case_document_unit FOREIGN KEY (issuing_unit_id) REFERENCES org_unit (id),
      CONSTRAINT fk_case_document_supersedes FOREIGN KEY (supersedes_id) REFERENCES case_document (id)
    ) ${T}`);

    await q.query(`CREATE TABLE case_document_file (
      document_id BIGINT UNSIGNED NOT NULL,
      variant VARCHAR(8) NOT NULL,
      storage_key VARCHAR(200) NOT NULL,
      content_type VARCHAR(100) NOT NULL,
      file_name VARCHAR(200) NOT NULL,
      sha256 CHAR(64) NOT NULL,
      size_bytes INT UNSIGNED NOT NULL,
      page_count SMALLINT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (document_id, variant),
      CONSTRAINT fk_case_document_file_doc FOREIGN KEY (document_id) REFERENCES case_document (id)
    ) ${T}`);

    for (const t of IMMUTABLE) {
      await q.query(`CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t} FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${t} is immutable'`);
      await q.query(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t} FOR EACH ROW
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${t} is immutable'`);
    }

    await q.query(`CREATE TABLE document_unit_setting (
      unit_id INT UNSIGNED NOT NULL,
      header VARCHAR(100) NOT NULL,
      number_prefix VARCHAR(40) NOT NULL,
      number_format VARCHAR(80) NOT NULL,
      seal_name VARCHAR(100) NOT NULL,
      red_head TINYINT(1) NOT NULL,
      phone VARCHAR(40) NULL,
      updated_by_id INT UNSIGNED NULL,
      updated_at DATETIME(3) NOT NULL,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      PRIMARY KEY (unit_id),
      CONSTRAINT fk_document_unit_setting_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);

    await q.query(`CREATE TABLE document_delivery (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      document_id BIGINT UNSIGNED NOT NULL,
      case_id BIGINT UNSIGNED NOT NULL,
      channel VARCHAR(12) NOT NULL,
      token_hash CHAR(64) NULL,
      expires_at DATETIME(3) NULL,
      used_at DATETIME(3) NULL,
      sms_id BIGINT UNSIGNED NULL,
      recipient VARCHAR(100) NULL,
      created_by_id INT UNSIGNED NULL,
      created_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY ux_document_delivery_token (token_hash),
      KEY ix_document_delivery_document (document_id),
      CONSTRAINT fk_document_delivery_doc FOREIGN KEY (document_id) REFERENCES case_document (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS document_delivery');
    await q.query('DROP TABLE IF EXISTS document_unit_setting');
    for (const t of IMMUTABLE) {
      await q.query(`DROP TRIGGER IF EXISTS ${t}_no_update`);
      await q.query(`DROP TRIGGER IF EXISTS ${t}_no_delete`);
    }
    await q.query('DROP TABLE IF EXISTS case_document_file');
    await q.query('DROP TABLE IF EXISTS case_document');
    await q.query('DROP TABLE IF EXISTS document_no_sequence');
  }
}
