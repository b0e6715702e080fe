import type { Queryable } from '../database';

/**
 * Claims an Idempotency-Key (table idempotency_keys) for `requestHash` in `scope`: true when it is
 * new or was used for the same request, false when it was used for a different one. One statement:
 * the no-op update makes RETURNING yield the stored hash when the row already exists.
 */
export async function claimIdempotencyKey(db: Queryable, scope: string, userId: string, key: string, requestHash: string): Promise<boolean> {
  const rows: Array<{ request_hash: string }> = await db.query(
    `INSERT INTO idempotency_keys (scope, user_id, idempotency_key, request_hash)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (scope, user_id, idempotency_key) DO UPDATE SET scope = EXCLUDED.scope
     RETURNING request_hash`,
    [scope, userId, key, requestHash],
  );
  return rows[0]?.request_hash === requestHash;
}
