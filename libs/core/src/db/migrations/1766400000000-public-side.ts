import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// The public side (#16): a case submitted online keeps only the hash of its 查询码, and the submitting
// phone (normalised) so that a second submission from one phone in a day can be made to cost an SMS code.
// The 意见箱 holds suggestions from the public until the center's director has handled them.
export class PublicSide1766400000000 implements MigrationInterface {
  name = 'PublicSide1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE public_case_access (
      case_id BIGINT UNSIGNED NOT NULL,
      query_code_hash CHAR(64) NOT NULL,
      phone VARCHAR(20) NULL,
      submitted_at DATETIME(3) NOT NULL,
      PRIMARY KEY (case_id),
      KEY ix_public_case_access_phone (phone, submitted_at),
      CONSTRAINT fk_public_case_access_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);

    await q.query(`CREATE TABLE public_suggestion (
      id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
      center_id INT UNSIGNED NOT NULL,
      content TEXT NOT NULL,
      contact VARCHAR(50) NULL,
      received_at DATETIME(3) NOT NULL,
      handled_at DATETIME(3) NULL,
      handled_by_id INT UNSIGNED NULL,
      handling_note VARCHAR(500) NULL,
      PRIMARY KEY (id),
      KEY ix_public_suggestion_center (center_id, handled_at, id),
      CONSTRAINT fk_public_suggestion_center FOREIGN KEY (center_id) REFERENCES org_unit (id)
    ) ${T}`);

    // 公示 is computed (concluded, consented, older than the delay); an administrator's withdrawal is kept here.
    await q.query(`CREATE TABLE public_publication_withdrawal (
      case_id BIGINT UNSIGNED NOT NULL,
      reason VARCHAR(500) NOT NULL,
      withdrawn_by_id INT UNSIGNED NOT NULL,
      withdrawn_at DATETIME(3) NOT NULL,
      PRIMARY KEY (case_id),
      CONSTRAINT fk_public_publication_withdrawal_case FOREIGN KEY (case_id) REFERENCES wq_case (id)
    ) ${T}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE public_publication_withdrawal');
    await q.query('DROP TABLE public_suggestion');
    await q.query('DROP TABLE public_case_access');
  }
}
