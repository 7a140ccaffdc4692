import { MigrationInterface, QueryRunner } from 'typeorm';

/** Columns whose change puts a case back in the search queue (see case_search_pending). */
const INDEXED = [
  'case_no',
  'kind',
  'anonymous',
  'is_open',
  'received_at',
  'owner_path',
  'consumer_name',
  'consumer_phone',
  'consumer_id_number',
  'consumer_address',
  'respondent_name',
  'respondent_credit_code',
  'respondent_address',
  'summary',
];
const TOKENIZER = `COMMENT 'tokenizer "TokenBigramSplitSymbolAlphaDigit"'`;

/**
 * Keyword search (issue 18). `case_search` is a Mroonga (Groonga) table with bigram full-text indexes:
 * any substring of the text, Chinese or digits, is found through the index. Mroonga tables are not
 * transactional, so the case table never writes to it directly: triggers put the id of every case
 * inserted, or updated in an indexed column, into `case_search_pending` (InnoDB, in the writer's
 * transaction: a rolled-back registration leaves nothing), and CaseSearchIndexer copies those cases
 * into case_search after commit. Existing cases are queued here and indexed by the first indexer pass.
 * Needs the Mroonga plugin (scripts/infra.sh and docker/ install it).
 */
export class CaseSearch1765600000000 implements MigrationInterface {
  name = 'CaseSearch1765600000000';

  async up(q: QueryRunner): Promise<void> {
    const [mroonga] = await q.query(
      "SELECT 1 AS ok FROM information_schema.ENGINES WHERE ENGINE = 'Mroonga' AND SUPPORT IN ('YES', 'DEFAULT')",
    );
    if (!mroonga)
      throw new Error(
        "The Mroonga storage engine is missing: apt-get install mariadb-plugin-mroonga, then INSTALL SONAME 'ha_mroonga' (scripts/infra.sh up does both)",
      );
    // doc_open: what any reader of the case may match; doc_ident: the consumer's identity, matched only
    // for roles that may unmask it (see CaseSearchService).
    await q.query(`CREATE TABLE case_search (
      case_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
      received_at DATETIME(3) NOT NULL,
      doc_open TEXT NOT NULL,
      doc_ident TEXT NOT NULL,
      FULLTEXT INDEX ft_case_search_open (doc_open) ${TOKENIZER},
      FULLTEXT INDEX ft_case_search_all (doc_open, doc_ident) ${TOKENIZER}
    ) ENGINE=Mroonga DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE case_search_pending (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
      case_id BIGINT UNSIGNED NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(
      'CREATE TRIGGER wq_case_search_insert AFTER INSERT ON wq_case FOR EACH ROW INSERT INTO case_search_pending (case_id) VALUES (NEW.id)',
    );
    const changed = INDEXED.map((c) => `NOT (OLD.${c} <=> NEW.${c})`).join(' OR ');
    await q.query(
      `CREATE TRIGGER wq_case_search_update AFTER UPDATE ON wq_case FOR EACH ROW BEGIN IF ${changed} THEN INSERT INTO case_search_pending (case_id) VALUES (NEW.id); END IF; END`,
    );
    await q.query('INSERT INTO case_search_pending (case_id) SELECT id FROM wq_case ORDER BY id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS wq_case_search_update');
    await q.query('DROP TRIGGER IF EXISTS wq_case_search_insert');
    await q.query('DROP TABLE IF EXISTS case_search_pending');
    await q.query('DROP TABLE IF EXISTS case_search');
  }
}
