import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts beyond the in-app inbox: e-mail and department webhooks go through an outbox so the
 * workflow's activity only writes rows (idempotently, one key per event, recipient and channel)
 * and a separate delivery process sends them with retries. Also: people's e-mail addresses and
 * preferred channels, and inbox alerts addressed to a department or to no single project.
 */
export class NotificationOutbox1763900600000 implements MigrationInterface {
  name = 'NotificationOutbox1763900600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email text`);
    await q.query(`ALTER TABLE users ADD COLUMN preferred_channels text[] NOT NULL DEFAULT '{in_app,email}'`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_preferred_channels_known CHECK (preferred_channels <@ ARRAY['in_app','email','webhook']::text[])`);

    // The daily digest is per department, not per project; department-only alerts have no role.
    await q.query(`ALTER TABLE notifications ALTER COLUMN project_id DROP NOT NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN recipient_role DROP NOT NULL`);
    await q.query(`ALTER TABLE notifications ADD COLUMN recipient_department text`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_addressed
        CHECK (recipient_role IS NOT NULL OR recipient_department IS NOT NULL OR recipient_user_id IS NOT NULL)`);
    await q.query(`CREATE INDEX notifications_recipient_department_idx ON notifications (recipient_department, created_at DESC) WHERE recipient_department IS NOT NULL`);

    await q.query(`
      CREATE TABLE department_webhooks (
        id bigserial PRIMARY KEY,
        department text NOT NULL,
        url text NOT NULL,
        format text NOT NULL CHECK (format IN ('generic', 'wecom', 'dingtalk')),
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT department_webhooks_department_url_uq UNIQUE (department, url)
      )`);
    await q.query(`CREATE INDEX department_webhooks_department_idx ON department_webhooks (department) WHERE active`);

    await q.query(`
      CREATE TABLE notification_outbox (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL,
        event_key text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'webhook')),
        recipient_user_id uuid REFERENCES users (id) ON DELETE SET NULL,
        department_webhook_id bigint REFERENCES department_webhooks (id) ON DELETE SET NULL,
        address text NOT NULL,
        subject text NOT NULL,
        body text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'delivered', 'dead_letter', 'skipped')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error text,
        last_status_code integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        CONSTRAINT notification_outbox_dedupe_key_uq UNIQUE (dedupe_key)
      )`);
    // The dispatcher's claim: due rows, including 'sending' rows whose lease (next_attempt_at) ran out.
    await q.query(`CREATE INDEX notification_outbox_due_idx ON notification_outbox (status, next_attempt_at) WHERE status IN ('pending', 'sending')`);
    // The admin list: by status, newest first.
    await q.query(`CREATE INDEX notification_outbox_status_idx ON notification_outbox (status, id DESC)`);
    await q.query(`CREATE INDEX notification_outbox_event_idx ON notification_outbox (event_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_outbox`);
    await q.query(`DROP TABLE department_webhooks`);
    await q.query(`DROP INDEX notifications_recipient_department_idx`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_addressed`);
    await q.query(`ALTER TABLE notifications DROP COLUMN recipient_department`);
    await q.query(`DELETE FROM notifications WHERE project_id IS NULL OR recipient_role IS NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN recipient_role SET NOT NULL`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN project_id SET NOT NULL`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT users_preferred_channels_known`);
    await q.query(`ALTER TABLE users DROP COLUMN preferred_channels`);
    await q.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
