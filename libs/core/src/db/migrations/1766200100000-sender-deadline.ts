import { MigrationInterface, QueryRunner } from 'typeorm';

// The sender's deadline (办理时限) of a transfer-in, kept on the case, and the commitment-layer rule whose
// clock the deadline engine starts from it at registration (default-rules.ts SENDER_DUE). On a fresh
// database the seed migration already inserted the rule from default-rules.ts (INSERT IGNORE).
export class SenderDeadline1766200100000 implements MigrationInterface {
  name = 'SenderDeadline1766200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE wq_case ADD COLUMN sender_due_at DATETIME(3) NULL AFTER external_ref`);
    await q.query(
      `INSERT IGNORE INTO deadline_rule
         (rule_set_id, code, name, kinds, channels, start_event, start_condition, stop_events, pause_states, amount, unit, warn_fractions, hard_max_amount, per_hop, escalation)
       SELECT s.id, 'SENDER_DUE', '转办来源（12345、上级）规定的办理时限', ?, NULL, 'registerCase', 'sender:due', ?, '[]', 1, 'HOURS', '[0.5,0.8]', NULL, 0, NULL
       FROM deadline_rule_set s WHERE s.code = 'COMMITMENT' AND s.version = 1`,
      [
        JSON.stringify(['CONSULTATION', 'COMPLAINT', 'REPORT', 'SUGGESTION']),
        JSON.stringify(['rejectCase', 'concludeCase', 'answerConsultation']),
      ],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      "DELETE r FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code = 'COMMITMENT' AND r.code = 'SENDER_DUE' AND NOT EXISTS (SELECT 1 FROM case_deadline d WHERE d.rule_id = r.id)",
    );
    await q.query(`ALTER TABLE wq_case DROP COLUMN sender_due_at`);
  }
}
