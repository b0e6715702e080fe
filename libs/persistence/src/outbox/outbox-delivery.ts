// The outbox dispatcher's SQL: claims with a lease, and results guarded by the claim. Times are the database's clock.
import type { Queryable } from '../database';
import type { OutboxChannel } from '../entities/notification-outbox.entity';
import { webhookTargetsById, type WebhookTarget } from '../webhooks/webhook-targets';

/**
 * A row the dispatcher claimed: `attempts` already counts this attempt. `Payload` is the shape the
 * enqueueing side stored (this library only keeps it as jsonb).
 */
export interface ClaimedOutboxMessage<Payload> {
  id: string;
  dedupeKey: string;
  eventKey: string;
  channel: OutboxChannel;
  address: string;
  subject: string;
  body: string;
  payload: Payload;
  attempts: number;
  createdAt: Date;
  /** Null for e-mail, and for a row whose webhook was deleted. */
  webhook: WebhookTarget | null;
}

/** How an attempt ended, as the row records it. */
export type OutboxAttemptResult =
  | { status: 'delivered'; statusCode: number | null }
  | { status: 'pending'; retryInMs: number; error: string; statusCode: number | null }
  | { status: 'dead_letter' | 'skipped'; error: string; statusCode: number | null };

interface ClaimedRow<Payload> {
  id: string;
  dedupe_key: string;
  event_key: string;
  channel: OutboxChannel;
  department_webhook_id: string | null;
  address: string;
  subject: string;
  body: string;
  payload: Payload;
  attempts: number;
  created_at: Date;
}

const ERROR_MAX = 1000;

/**
 * Claims up to `limit` due rows: pending ones whose time has come, and 'sending' ones whose
 * lease ran out (a dispatcher died mid-send). SKIP LOCKED lets several dispatchers share the
 * table; the lease (next_attempt_at) keeps a claimed row from being claimed again meanwhile.
 * Answers them by id, each with its department webhook as configured now.
 */
export async function claimDueOutboxMessages<Payload>(db: Queryable, limit: number, leaseMs: number): Promise<ClaimedOutboxMessage<Payload>[]> {
  // TypeORM answers an UPDATE … RETURNING with [rows, affected count].
  const [rows]: [ClaimedRow<Payload>[], number] = await db.query(
    `WITH due AS (
       SELECT id FROM notification_outbox
        WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
        ORDER BY next_attempt_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
     UPDATE notification_outbox o
        SET status = 'sending', attempts = o.attempts + 1, updated_at = now(),
            next_attempt_at = now() + make_interval(secs => $2::double precision / 1000)
       FROM due
      WHERE o.id = due.id
     RETURNING o.id::text AS id, o.dedupe_key, o.event_key, o.channel, o.department_webhook_id::text AS department_webhook_id,
               o.address, o.subject, o.body, o.payload, o.attempts, o.created_at`,
    [limit, leaseMs],
  );
  const webhooks = await webhookTargetsById(db, rows.map((r) => r.department_webhook_id).filter((id): id is string => id !== null));
  return rows
    .sort((a, b) => Number(a.id) - Number(b.id))
    .map((r) => ({
      id: r.id,
      dedupeKey: r.dedupe_key,
      eventKey: r.event_key,
      channel: r.channel,
      address: r.address,
      subject: r.subject,
      body: r.body,
      payload: r.payload,
      attempts: r.attempts,
      createdAt: r.created_at,
      webhook: r.department_webhook_id ? (webhooks.get(r.department_webhook_id) ?? null) : null,
    }));
}

/**
 * Writes an attempt's result, only if the row is still this claim's (same attempt, still
 * sending): a dispatcher that outlived its lease must not overwrite a newer attempt.
 */
export async function recordOutboxAttempt(
  db: Queryable,
  claim: Pick<ClaimedOutboxMessage<unknown>, 'id' | 'attempts'>,
  result: OutboxAttemptResult,
  address: string,
): Promise<void> {
  const error = 'error' in result ? result.error.slice(0, ERROR_MAX) : null;
  const retryInMs = result.status === 'pending' ? result.retryInMs : 0;
  await db.query(
    `UPDATE notification_outbox
        SET status = $3,
            address = $4,
            last_status_code = COALESCE($5, last_status_code),
            last_error = COALESCE($6, last_error),
            delivered_at = CASE WHEN $3 = 'delivered' THEN now() ELSE delivered_at END,
            next_attempt_at = CASE WHEN $3 = 'pending' THEN now() + make_interval(secs => $7::double precision / 1000) ELSE next_attempt_at END,
            updated_at = now()
      WHERE id = $1 AND attempts = $2 AND status = 'sending'`,
    [claim.id, claim.attempts, result.status, address, result.statusCode, error, retryInMs],
  );
}
