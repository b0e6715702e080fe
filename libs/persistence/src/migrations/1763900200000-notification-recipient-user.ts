import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Alerts addressed to one person (e.g. a lead's owner) as well as to a whole role. */
export class NotificationRecipientUser1763900200000 implements MigrationInterface {
  name = 'NotificationRecipientUser1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications ADD COLUMN recipient_user_id text`);
    await q.query(`CREATE INDEX notifications_recipient_user_idx ON notifications (recipient_user_id, created_at DESC) WHERE recipient_user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notifications_recipient_user_idx`);
    await q.query(`ALTER TABLE notifications DROP COLUMN recipient_user_id`);
  }
}
