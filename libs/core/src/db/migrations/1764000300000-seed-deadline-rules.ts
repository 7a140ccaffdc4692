import { MigrationInterface, QueryRunner } from 'typeorm';
import { DeadlineRulesService } from '../../deadline/deadline-rules.service';

// Seeds the default rule sets of the domain page (commitments; Order 20; Order 121 from 2026-04-15).
// Idempotent: sets that exist are left alone, administrators' later versions included.
export class SeedDeadlineRules1764000300000 implements MigrationInterface {
  name = 'SeedDeadlineRules1764000300000';

  async up(q: QueryRunner): Promise<void> {
    await new DeadlineRulesService().seedDefaults(q.manager);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      "DELETE r FROM deadline_rule r JOIN deadline_rule_set s ON s.id = r.rule_set_id WHERE s.code IN ('COMMITMENT','ORDER_20','ORDER_121') AND s.version = 1",
    );
    await q.query("DELETE FROM deadline_rule_set WHERE code IN ('COMMITMENT','ORDER_20','ORDER_121') AND version = 1");
  }
}
