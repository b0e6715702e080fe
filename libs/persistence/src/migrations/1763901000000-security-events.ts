import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Security events (等保 2.0: every login, failure, lockout, logout, password change, revocation,
 * and every refused forgery on the Temporal write path), append-only like the other audit tables.
 */
export class SecurityEvents1763901000000 implements MigrationInterface {
  name = 'SecurityEvents1763901000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        kind text NOT NULL,
        outcome text NOT NULL,
        actor_user_id text,
        username text,
        client_ip text,
        subject text,
        payload jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX security_events_at_idx ON security_events (at)`);
    await q.query(`CREATE INDEX security_events_kind_idx ON security_events (kind, at)`);
    await q.query(`CREATE INDEX security_events_actor_idx ON security_events (actor_user_id, at)`);
    await q.query(`CREATE TRIGGER security_events_no_change BEFORE UPDATE OR DELETE ON security_events FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE security_events`);
  }
}
