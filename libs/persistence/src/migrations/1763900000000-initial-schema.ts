import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        role text NOT NULL,
        department text,
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL UNIQUE,
        run_id text NOT NULL,
        company_name text NOT NULL,
        industry_chain text NOT NULL,
        estimated_investment_yi numeric(14,4) NOT NULL,
        source_channel text NOT NULL,
        info_grade text NOT NULL,
        kind text NOT NULL,
        stage text NOT NULL,
        overdue boolean NOT NULL DEFAULT false,
        last_seq integer NOT NULL,
        registered_by text NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX projects_stage_idx ON projects (stage, registered_at DESC)`);
    await q.query(`CREATE INDEX projects_overdue_idx ON projects (registered_at DESC) WHERE overdue`);
    await q.query(`CREATE INDEX projects_chain_idx ON projects (industry_chain)`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        project_id uuid NOT NULL,
        seq integer NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id text NOT NULL,
        actor_role text NOT NULL,
        action text NOT NULL,
        payload jsonb NOT NULL,
        stage_before text,
        stage_after text NOT NULL,
        workflow_id text NOT NULL,
        run_id text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT audit_events_project_seq_uq UNIQUE (project_id, seq)
      )`);
    // Auditors must see the unaltered history: the log is append-only at the database level.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        dedupe_key text NOT NULL UNIQUE,
        project_id uuid NOT NULL,
        recipient_role text NOT NULL,
        kind text NOT NULL,
        level integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        data jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_role, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TRIGGER audit_events_no_change ON audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP TABLE projects`);
    await q.query(`DROP TABLE users`);
  }
}
