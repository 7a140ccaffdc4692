import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const SLOTS = 8;

// One counter key per case row: where it sits, whether it is open, its state and kind, and a slot
// (id % 8) that spreads concurrent writers of the same key over 8 rows.
const KEY = (r: 'NEW' | 'OLD') => `${r}.owner_unit_id, ${r}.is_open, ${r}.state, ${r}.kind, ${r}.id % ${SLOTS}`;
const WHERE = (r: 'NEW' | 'OLD') =>
  `owner_unit_id = ${r}.owner_unit_id AND is_open = ${r}.is_open AND state = ${r}.state AND kind = ${r}.kind AND slot = ${r}.id % ${SLOTS}`;
const INC = (r: 'NEW' | 'OLD') =>
  `INSERT INTO case_count (owner_unit_id, is_open, state, kind, slot, n) VALUES (${KEY(r)}, 1) ON DUPLICATE KEY UPDATE n = n + 1`;
const DEC = (r: 'NEW' | 'OLD') => `UPDATE case_count SET n = n - 1 WHERE ${WHERE(r)}`;

/**
 * Exact case totals without counting rows. case_count holds, per owning unit × open × state × kind,
 * how many cases there are; triggers on wq_case keep it in the same transaction as every insert,
 * update and delete, whoever writes (lifecycle, intake, next rounds, seeds, bulk loads). The console's
 * total for the whole city is then a sum over a few thousand counter rows instead of a scan of every
 * open case (see bench/README.md). Also: (owner_unit_id, is_open, received_at) for OWN_UNIT lists,
 * whose count otherwise reads every row the unit ever owned.
 */
export class CaseCounts1764000900000 implements MigrationInterface {
  name = 'CaseCounts1764000900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_count (
      owner_unit_id INT UNSIGNED NOT NULL,
      is_open TINYINT(1) NOT NULL,
      state VARCHAR(24) NOT NULL,
      kind VARCHAR(16) NOT NULL,
      slot TINYINT UNSIGNED NOT NULL,
      n INT NOT NULL,
      PRIMARY KEY (owner_unit_id, is_open, state, kind, slot)
    ) ${T}`);
    await q.query(`CREATE TRIGGER wq_case_count_insert AFTER INSERT ON wq_case FOR EACH ROW ${INC('NEW')}`);
    // Two counter rows change; they are always locked in key order so that two opposite moves
    // (e.g. suspend one case while another resumes) cannot deadlock on each other.
    await q.query(`CREATE TRIGGER wq_case_count_update AFTER UPDATE ON wq_case FOR EACH ROW
      BEGIN
        IF NOT (NEW.owner_unit_id <=> OLD.owner_unit_id AND NEW.is_open <=> OLD.is_open AND NEW.state <=> OLD.state
                AND NEW.kind <=> OLD.kind AND NEW.id <=> OLD.id) THEN
          IF (OLD.owner_unit_id, OLD.is_open, OLD.state, OLD.kind, OLD.id % ${SLOTS}) < (NEW.owner_unit_id, NEW.is_open, NEW.state, NEW.kind, NEW.id % ${SLOTS}) THEN
            ${DEC('OLD')};
            ${INC('NEW')};
          ELSE
            ${INC('NEW')};
            ${DEC('OLD')};
          END IF;
        END IF;
      END`);
    await q.query(`CREATE TRIGGER wq_case_count_delete AFTER DELETE ON wq_case FOR EACH ROW ${DEC('OLD')}`);
    await q.query(`INSERT INTO case_count (owner_unit_id, is_open, state, kind, slot, n)
      SELECT owner_unit_id, is_open, state, kind, id % ${SLOTS}, COUNT(*) FROM wq_case GROUP BY owner_unit_id, is_open, state, kind, id % ${SLOTS}`);
    await q.query('ALTER TABLE wq_case ADD KEY ix_case_owner_open_received (owner_unit_id, is_open, received_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE wq_case DROP KEY ix_case_owner_open_received');
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS wq_case_count_${t}`);
    await q.query('DROP TABLE case_count');
  }
}
