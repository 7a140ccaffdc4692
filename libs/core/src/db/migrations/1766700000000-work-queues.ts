import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the work queues (我的待办): each queue asks for the cases waiting at a handful of units in
 * one or two states (待签收 by the assigned unit, 待回复/待回访/立案决定 by the intake unit, 待审批 by the
 * pending-extension flag), and for the supervision items of a unit by status (to answer as the target,
 * to review as the issuer). Without them every count in the menu scans the open cases of the city.
 */
export class WorkQueues1766700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE wq_case ADD KEY ix_case_assigned_state (assigned_unit_id, state),
        ADD KEY ix_case_intake_state (intake_unit_id, state),
        ADD KEY ix_case_pending_extension (pending_extension, assigned_unit_id)`,
    );
    await q.query(
      `ALTER TABLE supervision ADD KEY ix_supervision_target_unit_status (target_unit_id, status),
        ADD KEY ix_supervision_issuing_status (issuing_unit_id, status)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'ALTER TABLE supervision DROP KEY ix_supervision_target_unit_status, DROP KEY ix_supervision_issuing_status',
    );
    await q.query(
      'ALTER TABLE wq_case DROP KEY ix_case_assigned_state, DROP KEY ix_case_intake_state, DROP KEY ix_case_pending_extension',
    );
  }
}
