import { MigrationInterface, QueryRunner } from 'typeorm';

// The public side (#16), 人员状态公示栏: an optional photo per staff card (JPEG or PNG, at most 2 MB, checked
// by its bytes), stored like evidence; the public site reads it by a random ref that changes with each
// upload (so a browser may keep it for a day), never by the card's id or the storage key.
export class StaffPhoto1767100100000 implements MigrationInterface {
  name = 'StaffPhoto1767100100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE public_staff_card
      ADD COLUMN photo_key VARCHAR(200) NULL AFTER on_duty,
      ADD COLUMN photo_type VARCHAR(20) NULL AFTER photo_key,
      ADD COLUMN photo_ref CHAR(16) NULL AFTER photo_type,
      ADD UNIQUE KEY ux_public_staff_card_photo_ref (photo_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE public_staff_card DROP KEY ux_public_staff_card_photo_ref,
      DROP COLUMN photo_ref, DROP COLUMN photo_type, DROP COLUMN photo_key`);
  }
}
