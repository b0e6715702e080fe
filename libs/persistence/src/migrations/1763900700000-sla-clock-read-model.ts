import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One row per clock instance (a transfer or a reopening starts a new one), refreshed with
 * every audit event of its workflow: the read side of GET /sla/overdue, /sla/due-soon, the
 * SLA timeline and the daily digest, without loading workflow state.
 */
export class SlaClockReadModel1763900700000 implements MigrationInterface {
  name = 'SlaClockReadModel1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sla_clocks (
        id text PRIMARY KEY,
        workflow_id text NOT NULL,
        project_id uuid NOT NULL,
        request_id uuid,
        company_name text NOT NULL,
        subject text NOT NULL,
        clock text NOT NULL,
        policy_key text,
        policy_version integer,
        department text NOT NULL,
        stage text NOT NULL,
        started_at timestamptz NOT NULL,
        deadline_at timestamptz NOT NULL,
        paused_at timestamptz,
        paused_ms bigint NOT NULL DEFAULT 0,
        stopped_at timestamptz,
        status text NOT NULL,
        fired text[] NOT NULL DEFAULT '{}',
        last_seq integer NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Open clocks by deadline: overdue, due soon and the digest scan only these.
    await q.query(`CREATE INDEX sla_clocks_open_deadline_idx ON sla_clocks (deadline_at) WHERE stopped_at IS NULL`);
    await q.query(`CREATE INDEX sla_clocks_project_idx ON sla_clocks (project_id, started_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sla_clocks`);
  }
}
