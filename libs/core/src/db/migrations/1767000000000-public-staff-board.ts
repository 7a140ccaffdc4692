import { MigrationInterface, QueryRunner } from 'typeorm';

const T = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

// The public side (#16), 办事公开: the staff board of every unit (人员状态公示栏 / 挂牌上岗: name, post,
// work number, on duty), maintained in the console by the unit's county (its subtree), and the office
// hours of each center and station next to the address and phone org_unit already holds.
export class PublicStaffBoard1767000000000 implements MigrationInterface {
  name = 'PublicStaffBoard1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE public_staff_card (
      id INT UNSIGNED NOT NULL AUTO_INCREMENT,
      unit_id INT UNSIGNED NOT NULL,
      name VARCHAR(50) NOT NULL,
      post VARCHAR(50) NOT NULL,
      work_no VARCHAR(30) NULL,
      on_duty TINYINT(1) NOT NULL DEFAULT 1,
      sort_order SMALLINT UNSIGNED NOT NULL DEFAULT 0,
      version INT UNSIGNED NOT NULL DEFAULT 1,
      updated_by_id INT UNSIGNED NULL,
      updated_at DATETIME(3) NOT NULL,
      PRIMARY KEY (id),
      KEY ix_public_staff_card_unit (unit_id, sort_order, id),
      CONSTRAINT fk_public_staff_card_unit FOREIGN KEY (unit_id) REFERENCES org_unit (id)
    ) ${T}`);
    await q.query('ALTER TABLE org_unit ADD COLUMN office_hours VARCHAR(100) NULL AFTER address');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE org_unit DROP COLUMN office_hours');
    await q.query('DROP TABLE public_staff_card');
  }
}
