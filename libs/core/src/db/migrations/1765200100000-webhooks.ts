import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// Timeline action → event type, frozen here (libs/shared WEBHOOK_EVENT_OF_ACTION holds the same as data).
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

/**
 * Status callbacks. Every lifecycle step appends a case_event row inside its own transaction; the trigger
 * below turns that row into one webhook_delivery per subscribed endpoint of the client that transferred the
 * case in — in the same transaction, so nothing is sent for a rolled-back change and nothing is lost after
 * a commit, without any change to the lifecycle code. The worker sends PENDING deliveries (the table is the
 * truth; Redis only paces the sweep) and logs every attempt in webhook_attempt.
 */
export class Webhooks1765200100000 implements MigrationInterface {
  name = 'Webhooks1765200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_endpoint (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      client_id INT UNSIGNED NOT NULL,
      url VARCHAR(500) NOT NULL,
      secret VARCHAR(100) NOT NULL,
      event_types TEXT NOT NULL,
      active TINYINT(1) NOT NULL DEFAULT 1,
      failing_since DATETIME(3) NULL,
      disabled_at DATETIME(3) NULL,
      disabled_reason VARCHAR(200) NULL,
      version INT NOT NULL DEFAULT 1,
      created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
      updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
      PRIMARY KEY (id),
      KEY ix_webhook_endpoint_client (client_id, active),
      CONSTRAINT fk_webhook_endpoint_client FOREIGN KEY (client_id) REFERENCES api_client (id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`CREATE TABLE webhook_delivery (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      endpoint_id INT UNSIGNED NOT NULL,
      case_event_id BIGINT UNSIGNED NOT NULL,
      case_id BIGINT UNSIGNED NOT NULL,
      event_type VARCHAR(40) NOT NULL,
      event_at DATETIME(3) NOT NULL,
      status VARCHAR(12) NOT NULL,
      attempts SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      next_attempt_at DATETIME(3) NULL,
      locked_until DATETIME(3) NULL,
      last_status_code SMALLINT UNSIGNED NULL,
      last_latency_ms INT UNSIGNED NULL,
      last_error VARCHAR(300) NULL,
      delivered_at DATETIME(3) NULL,
      PRIMARY KEY (id),
      UNIQUE KEY uq_webhook_delivery_event (endpoint_id, case_event_id),
      KEY ix_webhook_delivery_due (status, next_attempt_at),
      KEY ix_webhook_delivery_case (endpoint_id, case_id, status, id),
      KEY ix_webhook_delivery_endpoint_time (endpoint_id, event_at),
      CONSTRAINT fk_webhook_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
    ) ${T}`);
    await q.query(`CREATE TABLE webhook_attempt (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      delivery_id BIGINT UNSIGNED NOT NULL,
      at DATETIME(3) NOT NULL,
      ok TINYINT(1) NOT NULL,
      status_code SMALLINT UNSIGNED NULL,
      latency_ms INT UNSIGNED NOT NULL,
      error VARCHAR(300) NULL,
      PRIMARY KEY (id),
      KEY ix_webhook_attempt_delivery (delivery_id, id),
      CONSTRAINT fk_webhook_attempt_delivery FOREIGN KEY (delivery_id) REFERENCES webhook_delivery (id) ON DELETE CASCADE
    ) ${T}`);
    const cases = EVENT_OF_ACTION.map(([a, e]) => `WHEN '${a}' THEN '${e}'`).join(' ');
    // next_attempt_at NULL = due now (the database's clock is never compared with the application's).
    await q.query(`CREATE TRIGGER case_event_webhooks AFTER INSERT ON case_event FOR EACH ROW
      BEGIN
        DECLARE et VARCHAR(40) DEFAULT (CASE NEW.action ${cases} ELSE NULL END);
        IF et IS NOT NULL THEN
          INSERT INTO webhook_delivery (endpoint_id, case_event_id, case_id, event_type, event_at, status)
          SELECT e.id, NEW.id, NEW.case_id, et, NEW.at, 'PENDING'
            FROM wq_case c JOIN webhook_endpoint e ON e.client_id = c.registered_by_client_id AND e.active = 1
           WHERE c.id = NEW.case_id AND JSON_CONTAINS(e.event_types, JSON_QUOTE(et));
        END IF;
      END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TRIGGER IF EXISTS case_event_webhooks');
    await q.query('DROP TABLE webhook_attempt');
    await q.query('DROP TABLE webhook_delivery');
    await q.query('DROP TABLE webhook_endpoint');
  }
}
