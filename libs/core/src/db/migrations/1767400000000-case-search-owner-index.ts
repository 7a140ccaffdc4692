import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keyword search's scope condition through an index (issue 18): a county's search box asks the engine
 * for `owner_path @^ "/1/7/"` beside the keyword. Without an index Groonga tests the prefix on every hit
 * of the keyword — for an address word with tens of thousands of hits across the city that doubled the
 * county's time (滨江路: 150 ms against 60 ms for the city, 1M cases); with it the county's subtree is a
 * prefix search of the index, as cheap as the city's (bench/README, `pnpm bench:search`).
 */
export class CaseSearchOwnerIndex1767400000000 implements MigrationInterface {
  name = 'CaseSearchOwnerIndex1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_search ADD INDEX ix_case_search_owner (owner_path)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE case_search DROP INDEX ix_case_search_owner');
  }
}
