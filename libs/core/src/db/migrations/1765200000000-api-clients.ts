import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

/**
 * API clients as records: granted operations (least privilege), a forced channel, allowed source
 * addresses, a rate limit; keys in their own table (several per client, revocable, last used). The data
 * scope is always the owning unit's subtree, so `data_scope` and `roles` go. An existing client keeps its
 * key but is narrowed to transfer-in and reading back its own transfers (it used to read the whole city).
 * Cases carry the sender's reference and idempotency key, unique per sending client: a resent transfer
 * cannot make a second case, whatever races.
 */
export class ApiClients1765200000000 implements MigrationInterface {
  name = 'ApiClients1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE api_client_key (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      client_id INT UNSIGNED NOT NULL,
      prefix VARCHAR(16) NOT NULL,
      key_hash CHAR(64) NOT NULL,
      label VARCHAR(50) NULL,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      last_used_at DATETIME(3) NULL,
      revoked_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_api_client_key_prefix (prefix),
      KEY ix_api_client_key_client (client_id),
      CONSTRAINT fk_api_client_key_client FOREIGN KEY (client_id) REFERENCES api_client (id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`INSERT INTO api_client_key (client_id, prefix, key_hash, label, created_at, last_used_at)
      SELECT id, key_prefix, key_hash, '迁移前的密钥', created_at, last_used_at FROM api_client`);
    await q.query(`ALTER TABLE api_client
      ADD COLUMN operations TEXT NULL AFTER unit_id,
      ADD COLUMN channel VARCHAR(24) NOT NULL DEFAULT 'TRANSFER_DEPARTMENT' AFTER operations,
      ADD COLUMN allowed_sources TEXT NULL AFTER channel,
      ADD COLUMN rate_limit_per_min INT UNSIGNED NULL AFTER allowed_sources,
      ADD COLUMN note VARCHAR(200) NULL AFTER active,
      ADD COLUMN version INT NOT NULL DEFAULT 1,
      ADD COLUMN updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      DROP KEY uq_api_client_prefix,
      DROP COLUMN key_prefix,
      DROP COLUMN key_hash,
      DROP COLUMN roles,
      DROP COLUMN data_scope,
      DROP COLUMN last_used_at`);
    await q.query(`UPDATE api_client SET operations = '["TRANSFER_IN","TRANSFER_READ"]', allowed_sources = '[]',
      channel = CASE WHEN name LIKE '%12345%' THEN 'TRANSFER_12345' WHEN name LIKE '%12315%' THEN 'TRANSFER_UPPER'
                     ELSE 'TRANSFER_DEPARTMENT' END`);
    await q.query('ALTER TABLE api_client MODIFY operations TEXT NOT NULL, MODIFY allowed_sources TEXT NOT NULL');
    await q.query('ALTER TABLE api_client ALTER COLUMN channel DROP DEFAULT');
    await q.query(`ALTER TABLE wq_case
      ADD COLUMN external_ref VARCHAR(64) NULL AFTER registered_by_client_id,
      ADD COLUMN idempotency_key VARCHAR(100) NULL AFTER external_ref,
      ADD UNIQUE KEY uq_case_client_external_ref (registered_by_client_id, external_ref),
      ADD UNIQUE KEY uq_case_client_idempotency (registered_by_client_id, idempotency_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wq_case DROP KEY uq_case_client_external_ref, DROP KEY uq_case_client_idempotency,
      DROP COLUMN external_ref, DROP COLUMN idempotency_key`);
    await q.query(`ALTER TABLE api_client
      ADD COLUMN key_prefix VARCHAR(16) NULL, ADD COLUMN key_hash CHAR(64) NULL,
      ADD COLUMN roles TEXT NULL, ADD COLUMN data_scope VARCHAR(10) NOT NULL DEFAULT 'SUBTREE',
      ADD COLUMN last_used_at DATETIME(3) NULL`);
    // The oldest live key of each client comes back; a client without one keeps no key.
    await q.query(`UPDATE api_client c JOIN api_client_key k ON k.id = (
        SELECT MIN(k2.id) FROM api_client_key k2 WHERE k2.client_id = c.id AND k2.revoked_at IS NULL)
      SET c.key_prefix = k.prefix, c.key_hash = k.key_hash, c.last_used_at = k.last_used_at`);
    await q.query(`DELETE FROM api_client WHERE key_prefix IS NULL`);
    await q.query(`UPDATE api_client SET roles = '["API_CLIENT"]'`);
    await q.query(`ALTER TABLE api_client MODIFY key_prefix VARCHAR(16) NOT NULL, MODIFY key_hash CHAR(64) NOT NULL,
      MODIFY roles TEXT NOT NULL, ADD UNIQUE KEY uq_api_client_prefix (key_prefix),
      DROP COLUMN operations, DROP COLUMN channel, DROP COLUMN allowed_sources, DROP COLUMN rate_limit_per_min,
      DROP COLUMN note, DROP COLUMN version, DROP COLUMN updated_at`);
    await q.query('DROP TABLE api_client_key');
  }
}
