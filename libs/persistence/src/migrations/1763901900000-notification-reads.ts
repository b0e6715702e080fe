import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 消息 read / unread (issue 11): one row per person and alert they have read. An alert is often
 * addressed to a role or a department, so "read" belongs to each reader, not to the alert.
 * A missing row means unread; the rows go with the alert or the account.
 */
export class NotificationReads1763901900000 implements MigrationInterface {
  name = 'NotificationReads1763901900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_reads (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        notification_id bigint NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, notification_id)
      )`);
    // The primary key serves "has this reader read it"; this one serves the cascade from notifications.
    await q.query(`CREATE INDEX notification_reads_notification_idx ON notification_reads (notification_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_reads`);
  }
}
