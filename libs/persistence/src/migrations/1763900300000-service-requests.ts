import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Service requests are child workflows with their own audit sequence: an audit event is
 * now unique per (project, workflow, seq). Plus the service-request read model.
 */
export class ServiceRequests1763900300000 implements MigrationInterface {
  name = 'ServiceRequests1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_project_seq_uq`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_project_workflow_seq_uq UNIQUE (project_id, workflow_id, seq)`);
    await q.query(`
      CREATE TABLE service_requests (
        id uuid PRIMARY KEY,
        project_id uuid NOT NULL,
        workflow_id text NOT NULL UNIQUE,
        status text NOT NULL,
        category text NOT NULL,
        department text NOT NULL,
        last_seq integer NOT NULL,
        raised_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        state jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX service_requests_project_idx ON service_requests (project_id, raised_at DESC)`);
    await q.query(`CREATE INDEX service_requests_open_idx ON service_requests (department, status) WHERE status <> 'closed'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE service_requests`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_project_workflow_seq_uq`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_project_seq_uq UNIQUE (project_id, seq)`);
  }
}
