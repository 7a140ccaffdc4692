import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RULE_SETS, dutyOf } from '../../deadline/default-rules';

/**
 * Accountability: who a late duty is charged to.
 * - violation: the duty measured, the layer, a reason (逾期登记), a link from a statutory breach to the
 *   commitment 违诺 of the same duty, and a unique key per case × duty × person (one late duty, one 违诺).
 * - case_deadline: why a clock is the unit's only (charge_note) and a note for its explanation (并案).
 * - The default rules' corrections (first contact stops at any real contact and at conclusion; the
 *   statutory acceptance clock waits for completed materials) applied to existing version-1 rows.
 */
export class Accountability1765000000000 implements MigrationInterface {
  name = 'Accountability1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE violation
      ADD COLUMN duty VARCHAR(40) NOT NULL DEFAULT '',
      ADD COLUMN layer VARCHAR(16) NOT NULL DEFAULT 'COMMITMENT',
      ADD COLUMN reason VARCHAR(30) NULL,
      ADD COLUMN linked_violation_id BIGINT UNSIGNED NULL,
      ADD COLUMN personal_key VARCHAR(100) AS (IF(user_id IS NULL, NULL, CONCAT(case_id, '/', duty, '/', user_id))) PERSISTENT`);
    const codes = [...new Set(DEFAULT_RULE_SETS.flatMap((s) => s.rules.map((r) => r.code)))];
    for (const code of codes) await q.query('UPDATE violation SET duty = ? WHERE rule_code = ?', [dutyOf(code), code]);
    await q.query(`UPDATE violation SET duty = rule_code WHERE duty = ''`);
    await q.query(`UPDATE violation v JOIN case_deadline d ON d.id = v.deadline_id SET v.layer = d.layer`);
    // Earlier data may hold several 违诺 of one person for one duty: keep the first, unit-level for the rest.
    await q.query(`UPDATE violation v JOIN violation w
        ON w.case_id = v.case_id AND w.duty = v.duty AND w.user_id = v.user_id AND w.id < v.id
      SET v.user_id = NULL`);
    await q.query(`UPDATE violation SET user_id = NULL WHERE layer = 'STATUTORY'`);
    await q.query('ALTER TABLE violation ADD UNIQUE KEY uq_violation_personal (personal_key)');
    await q.query('ALTER TABLE violation ADD KEY ix_violation_case_duty (case_id, duty)');
    await q.query(`ALTER TABLE case_deadline
      ADD COLUMN charge_note VARCHAR(30) NULL,
      ADD COLUMN note VARCHAR(255) NULL`);
    // The audit log is append-only like the case log, and searchable by who, what and when.
    await q.query(`CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'`);
    await q.query(`CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event FOR EACH ROW
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_event is append-only'`);
    await q.query(
      'ALTER TABLE audit_event ADD KEY ix_audit_event_actor (actor_user_id, created_at), ADD KEY ix_audit_event_time (created_at)',
    );
    // 督办 closes: accepted by the issuer, or closed with its archived case.
    await q.query(`ALTER TABLE supervision
      ADD COLUMN closed_reason VARCHAR(30) NULL,
      ADD COLUMN closed_at DATETIME(3) NULL,
      ADD COLUMN closed_by_id INT UNSIGNED NULL,
      ADD COLUMN review_note TEXT NULL`);
    for (const set of DEFAULT_RULE_SETS)
      for (const r of set.rules)
        await q.query(
          `UPDATE deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id
              SET r.stop_events = ?, r.pause_states = ?
            WHERE s.code = ? AND s.version = 1 AND r.code = ?`,
          [JSON.stringify(r.stopEvents), JSON.stringify(r.pauseStates), set.code, r.code],
        );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS audit_event_no_update');
    await q.query('DROP TRIGGER IF EXISTS audit_event_no_delete');
    await q.query('ALTER TABLE audit_event DROP KEY ix_audit_event_actor, DROP KEY ix_audit_event_time');
    await q.query(
      'ALTER TABLE supervision DROP COLUMN closed_reason, DROP COLUMN closed_at, DROP COLUMN closed_by_id, DROP COLUMN review_note',
    );
    await q.query('ALTER TABLE case_deadline DROP COLUMN charge_note, DROP COLUMN note');
    await q.query(`ALTER TABLE violation DROP KEY uq_violation_personal, DROP KEY ix_violation_case_duty,
      DROP COLUMN personal_key, DROP COLUMN linked_violation_id, DROP COLUMN reason, DROP COLUMN layer, DROP COLUMN duty`);
  }
}
