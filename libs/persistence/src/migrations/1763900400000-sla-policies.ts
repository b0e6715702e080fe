import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SLA policies as versioned data (a new version never changes an old one), and the
 * append-only log of administrative changes (policies, calendar overrides, recalculations,
 * outbox retries). Seeded rows are inserted by the application (seedSlaPolicies), not here,
 * so the defaults stay defined once, in the domain.
 */
export class SlaPolicies1763900400000 implements MigrationInterface {
  name = 'SlaPolicies1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_policies (
        policy_key text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        clock text NOT NULL,
        definition jsonb NOT NULL,
        reason text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_key, version)
      )`);
    await q.query(`
      CREATE TABLE admin_audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_user_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        reason text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX admin_audit_events_subject_idx ON admin_audit_events (subject, at)`);
    await q.query(`
      CREATE FUNCTION immutable_rows() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER sla_policies_no_change BEFORE UPDATE OR DELETE ON sla_policies FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
    await q.query(`CREATE TRIGGER admin_audit_events_no_change BEFORE UPDATE OR DELETE ON admin_audit_events FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE admin_audit_events`);
    await q.query(`DROP TABLE sla_policies`);
    await q.query(`DROP FUNCTION immutable_rows()`);
  }
}
