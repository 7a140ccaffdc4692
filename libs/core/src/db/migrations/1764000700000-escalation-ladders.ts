import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_LADDER } from '../../deadline/default-rules';

// Gives the default conclusion rules of the first commitment set their escalation ladder, where a
// database was seeded before ladders existed. Sets an administrator revised are left alone.
export class EscalationLadders1764000700000 implements MigrationInterface {
  name = 'EscalationLadders1764000700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id
          SET r.escalation = ?
        WHERE s.code = 'COMMITMENT' AND s.version = 1 AND r.escalation IS NULL
          AND r.code IN ('COMPLAINT_CONCLUDE', 'REPORT_CONCLUDE', 'STATION_CONCLUDE', 'HOP_CONCLUDE')`,
      [JSON.stringify(DEFAULT_LADDER)],
    );
  }

  async down(): Promise<void> {
    // data only; nothing to undo structurally
  }
}
