import { MigrationInterface, QueryRunner } from 'typeorm';

// Foundation: org tree, external agencies, users, refresh tokens, API clients, audit log.
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org_unit (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      code VARCHAR(32) NOT NULL,
      name VARCHAR(100) NOT NULL,
      type VARCHAR(24) NOT NULL,
      parent_id INT UNSIGNED NULL,
      path VARCHAR(255) NOT NULL,
      depth TINYINT UNSIGNED NOT NULL,
      workroom VARCHAR(24) NULL,
      phone VARCHAR(40) NULL,
      address VARCHAR(200) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_org_unit_code (code),
      KEY ix_org_unit_path (path),
      KEY ix_org_unit_parent (parent_id),
      CONSTRAINT fk_org_unit_parent FOREIGN KEY (parent_id) REFERENCES org_unit (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE external_agency (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(100) NOT NULL,
      kind VARCHAR(24) NOT NULL,
      phone VARCHAR(40) NULL,
      address VARCHAR(200) NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      PRIMARY KEY (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE app_user (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      username VARCHAR(64) NOT NULL,
      display_name VARCHAR(50) NOT NULL,
      phone VARCHAR(20) NULL,
      password_hash VARCHAR(255) NOT NULL,
      roles TEXT NOT NULL,
      data_scope VARCHAR(10) NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      unit_path VARCHAR(255) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      failed_logins INT NOT NULL DEFAULT 0,
      locked_until DATETIME(3) NULL,
      last_login_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      version INT NOT NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_app_user_username (username),
      KEY ix_app_user_unit_path (unit_path),
      CONSTRAINT fk_app_user_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE refresh_token (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      user_id INT UNSIGNED NOT NULL,
      family_id VARCHAR(36) NOT NULL,
      token_hash CHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_refresh_token_hash (token_hash),
      KEY ix_refresh_token_user (user_id),
      KEY ix_refresh_token_family (family_id),
      CONSTRAINT fk_refresh_token_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE api_client (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      name VARCHAR(100) NOT NULL,
      key_prefix VARCHAR(16) NOT NULL,
      key_hash CHAR(64) NOT NULL,
      roles TEXT NOT NULL,
      unit_id INT UNSIGNED NOT NULL,
      data_scope VARCHAR(10) NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      last_used_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      UNIQUE KEY uq_api_client_prefix (key_prefix),
      CONSTRAINT fk_api_client_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id) ON DELETE RESTRICT
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);

    await q.query(`CREATE TABLE audit_event (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      actor_user_id INT UNSIGNED NULL,
      actor_client_id INT UNSIGNED NULL,
      action VARCHAR(64) NOT NULL,
      target_type VARCHAR(32) NOT NULL,
      target_id VARCHAR(64) NOT NULL,
      detail TEXT NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_audit_event_target (target_type, target_id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['audit_event', 'api_client', 'refresh_token', 'app_user', 'external_agency', 'org_unit']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
