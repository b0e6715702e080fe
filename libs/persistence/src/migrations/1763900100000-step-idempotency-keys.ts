import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Keys of staff steps. Temporal's updateId already makes a repeat return the
 * first result; this table lets the API refuse the same key with a different request (422).
 */
export class StepIdempotencyKeys1763900100000 implements MigrationInterface {
  name = 'StepIdempotencyKeys1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        user_id text NOT NULL,
        idempotency_key text NOT NULL,
        request_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, user_id, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
