import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The drill-down's page order (day, case, row — newest or oldest first) as an index: a page reads the
 * index in that order, checks the subtree on the path it carries, and stops after `limit` rows. With
 * only ix_stat_contrib_drill (metric, day, unit_path, case_id) every row of the period was sorted
 * first — a city's year of RECEIVED is a million rows (bench/README.md, `pnpm bench:stats`).
 */
export class StatDrillOrder1766900100000 implements MigrationInterface {
  name = 'StatDrillOrder1766900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stat_contrib ADD KEY ix_stat_contrib_order (metric, day, case_id, seq, unit_path)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE stat_contrib DROP KEY ix_stat_contrib_order');
  }
}
