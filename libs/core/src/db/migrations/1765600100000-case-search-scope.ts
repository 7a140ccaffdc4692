import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword search inside the engine (issue 18): the list's scope columns in case_search, so one Groonga
 * `select` (mroonga_command) matches the keyword, keeps the actor's subtree and the list's unit, sorts
 * newest first, cuts the page and counts the hits — no join of every hit with wq_case (see
 * CaseSearchService). Mroonga adds the columns in place; every case is queued again so the indexer
 * fills them. Needs Mroonga's `mroonga_command` function, which only the database root can create
 * (scripts/infra.sh and docker/ do: CREATE FUNCTION mroonga_command RETURNS STRING SONAME 'ha_mroonga.so').
 */
export class CaseSearchScope1765600100000 implements MigrationInterface {
  name = 'CaseSearchScope1765600100000';

  async up(q: QueryRunner): Promise<void> {
    try {
      await q.query("SELECT mroonga_command('status') AS s");
    } catch {
      throw new Error(
        "Mroonga's mroonga_command function is missing: as the database root, CREATE FUNCTION mroonga_command RETURNS STRING SONAME 'ha_mroonga.so' (scripts/infra.sh up does it)",
      );
    }
    await q.query(`ALTER TABLE case_search
      ADD COLUMN owner_path VARCHAR(255) NOT NULL DEFAULT '',
      ADD COLUMN is_open TINYINT NOT NULL DEFAULT 0`);
    await q.query('INSERT INTO case_search_pending (case_id) SELECT id FROM wq_case ORDER BY id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_search DROP COLUMN is_open, DROP COLUMN owner_path');
  }
}
