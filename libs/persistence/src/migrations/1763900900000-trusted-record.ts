import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trusted record (issue 8).
 * - `audit_events.update_id`: the Temporal update id of the staff step behind an event, so a
 *   client whose step got no answer can ask whether it was applied; unique per workflow, so a
 *   step can never be recorded twice, even across continue-as-new.
 * - `projection_conflicts`: a projection write that met the same sequence number with other
 *   content. It is refused (the activity fails and retries) and kept here for administrators.
 */
export class TrustedRecord1763900900000 implements MigrationInterface {
  name = 'TrustedRecord1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN update_id text`);
    await q.query(`CREATE UNIQUE INDEX audit_events_update_uq ON audit_events (workflow_id, update_id) WHERE update_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE projection_conflicts (
        id bigserial PRIMARY KEY,
        workflow_id text NOT NULL,
        project_id uuid NOT NULL,
        seq integer NOT NULL,
        stored jsonb NOT NULL,
        attempted jsonb NOT NULL,
        attempts integer NOT NULL DEFAULT 1,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT projection_conflicts_uq UNIQUE (workflow_id, seq)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_conflicts`);
    await q.query(`DROP INDEX audit_events_update_uq`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN update_id`);
  }
}
