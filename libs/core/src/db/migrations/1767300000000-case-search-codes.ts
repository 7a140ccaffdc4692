import { MigrationInterface, QueryRunner } from 'typeorm';

const TOKENIZER = `COMMENT 'tokenizer "TokenDelimit"'`;

/**
 * Letter/digit fragments in the keyword search (issue 18): case_search gets codes_open / codes_ident,
 * the 5-grams of every run of letters and digits of doc_open / doc_ident (libs/core/src/search/case-codes.ts),
 * indexed one token per gram. A phone or code fragment becomes a phrase of a few rare grams instead of
 * one of digit bigrams that each occur in a third of all cases. Every case is queued again so the
 * indexer fills the columns; until it has, a code fragment misses the cases not yet re-indexed.
 */
export class CaseSearchCodes1767300000000 implements MigrationInterface {
  name = 'CaseSearchCodes1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_search
      ADD COLUMN codes_open TEXT NOT NULL,
      ADD COLUMN codes_ident TEXT NOT NULL,
      ADD FULLTEXT INDEX ft_case_search_codes_open (codes_open) ${TOKENIZER},
      ADD FULLTEXT INDEX ft_case_search_codes_all (codes_open, codes_ident) ${TOKENIZER}`);
    await q.query('INSERT INTO case_search_pending (case_id) SELECT id FROM wq_case ORDER BY id');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_search
      DROP INDEX ft_case_search_codes_all, DROP INDEX ft_case_search_codes_open,
      DROP COLUMN codes_ident, DROP COLUMN codes_open`);
  }
}
