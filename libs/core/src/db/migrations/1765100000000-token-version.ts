import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A per-user token version, copied into every access token (`tv`) and compared on each request:
 * logout, a password reset, disabling the account and a reused refresh token bump it, so every
 * access token issued before stops working at once instead of at its expiry (up to 15 minutes later).
 */
export class TokenVersion1765100000000 implements MigrationInterface {
  name = 'TokenVersion1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN token_version INT UNSIGNED NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN token_version`);
  }
}
