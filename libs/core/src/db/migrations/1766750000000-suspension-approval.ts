import { MigrationInterface, QueryRunner } from 'typeorm';

// The status-callback trigger of 1765200100000 with one more row: a director's approval of an
// investigation suspension (decideSuspension ending in SUSPENDED) is a suspension for the sender, like
// suspendCase; a refusal sends nothing. The other rows are the frozen list of that migration.
const EVENT_OF_ACTION: [string, string][] = [
  ['registerCase', 'case.registered'],
  ['acceptCase', 'case.accepted'],
  ['rejectCase', 'case.rejected'],
  ['dispatchCase', 'case.dispatched'],
  ['suspendCase', 'case.suspended'],
  ['resumeCase', 'case.resumed'],
  ['decideExtension', 'case.extension_decided'],
  ['concludeCase', 'case.concluded'],
  ['answerConsultation', 'case.concluded'],
  ['replyCase', 'case.replied'],
  ['recordFollowUp', 'case.followed_up'],
  ['archiveCase', 'case.archived'],
  ['deadlineBreached', 'case.overdue'],
];

function trigger(extra: string): string {
  const cases = EVENT_OF_ACTION.map(([a, e]) => `WHEN '${a}' THEN '${e}'`).join(' ');
  return `CREATE TRIGGER case_event_webhooks AFTER INSERT ON case_event FOR EACH ROW
      BEGIN
        DECLARE et VARCHAR(40) DEFAULT (CASE NEW.action ${cases} ${extra} ELSE NULL END);
        IF et IS NOT NULL THEN
          INSERT INTO webhook_delivery (endpoint_id, case_event_id, case_id, event_type, event_at, status)
          SELECT e.id, NEW.id, NEW.case_id, et, NEW.at, 'PENDING'
            FROM wq_case c JOIN webhook_endpoint e ON e.client_id = c.registered_by_client_id AND e.active = 1
           WHERE c.id = NEW.case_id AND JSON_CONTAINS(e.event_types, JSON_QUOTE(et));
        END IF;
      END`;
}

/**
 * 报批调查中止: a handler asks, the director of the unit (or of the center over a station) decides, and only
 * an approval suspends the case. `pending_suspension` marks a request waiting, for the guards and for the
 * directors' 待审批 queue (indexed like the pending extension).
 */
export class SuspensionApproval1766750000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE wq_case ADD COLUMN pending_suspension TINYINT(1) NOT NULL DEFAULT 0 AFTER pending_extension,
        ADD KEY ix_case_pending_suspension (pending_suspension, assigned_unit_id)`,
    );
    await q.query('DROP TRIGGER IF EXISTS case_event_webhooks');
    await q.query(trigger(`WHEN 'decideSuspension' THEN IF(NEW.to_state = 'SUSPENDED', 'case.suspended', NULL)`));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS case_event_webhooks');
    await q.query(trigger(''));
    await q.query('ALTER TABLE wq_case DROP KEY ix_case_pending_suspension, DROP COLUMN pending_suspension');
  }
}
