// notification_outbox as the enqueueing activity and administrators see it; the dispatcher's side is outbox-delivery.ts.
import type { FindOptionsWhere } from 'typeorm';
import type { Database, Queryable, Transaction } from '../database';
import { NotificationOutboxEntity, type OutboxChannel, type OutboxStatus } from '../entities/notification-outbox.entity';

/** One row to insert: one message to one recipient on one channel. `payload` is whatever the sender will need (stored as jsonb). */
export interface OutboxRowDraft {
  dedupeKey: string;
  eventKey: string;
  channel: OutboxChannel;
  recipientUserId: string | null;
  departmentWebhookId: string | null;
  address: string;
  subject: string;
  body: string;
  payload: unknown;
}

/**
 * Inserts the rows in one statement; a row whose key exists already (an activity retry, a
 * concurrent attempt) is left as it is. Returns how many rows were new.
 */
export async function insertOutboxRows(db: Queryable, drafts: readonly OutboxRowDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const rows = drafts.map((d) => ({
    dedupe_key: d.dedupeKey,
    event_key: d.eventKey,
    channel: d.channel,
    recipient_user_id: d.recipientUserId,
    department_webhook_id: d.departmentWebhookId,
    address: d.address,
    subject: d.subject,
    body: d.body,
    payload: d.payload,
  }));
  const inserted: unknown[] = await db.query(
    `INSERT INTO notification_outbox (dedupe_key, event_key, channel, recipient_user_id, department_webhook_id, address, subject, body, payload)
     SELECT r.dedupe_key, r.event_key, r.channel, r.recipient_user_id, r.department_webhook_id, r.address, r.subject, r.body, r.payload
       FROM jsonb_to_recordset($1::jsonb) AS r(
         dedupe_key text, event_key text, channel text, recipient_user_id uuid, department_webhook_id bigint,
         address text, subject text, body text, payload jsonb)
     ORDER BY r.dedupe_key
     ON CONFLICT (dedupe_key) DO NOTHING
     RETURNING id`,
    [JSON.stringify(rows)],
  );
  return inserted.length;
}

export interface OutboxListFilter {
  status?: OutboxStatus;
  channel?: OutboxChannel;
  /** One alert's rows: its event key, exact match. */
  eventKey?: string;
}

/** Newest first. */
export async function listOutboxEntries(db: Database, filter: OutboxListFilter, page: number, pageSize: number): Promise<{ rows: NotificationOutboxEntity[]; total: number }> {
  const where: FindOptionsWhere<NotificationOutboxEntity> = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.eventKey ? { eventKey: filter.eventKey } : {}),
  };
  const [rows, total] = await db.getRepository(NotificationOutboxEntity).findAndCount({
    where,
    order: { id: 'DESC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total };
}

/** What an administrator's re-queue decides on, and records in the audit log. */
export interface OutboxEntryState {
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  dedupeKey: string;
}

/** The row's state, locked until `tx` ends so the dispatcher cannot claim it meanwhile; null when there is none. */
export async function lockOutboxEntry(tx: Transaction, id: string): Promise<OutboxEntryState | null> {
  const rows: { status: OutboxStatus; attempts: number; last_error: string | null; dedupe_key: string }[] = await tx.query(
    `SELECT status, attempts, last_error, dedupe_key FROM notification_outbox WHERE id = $1 FOR UPDATE`,
    [id],
  );
  const row = rows[0];
  return row ? { status: row.status, attempts: row.attempts, lastError: row.last_error, dedupeKey: row.dedupe_key } : null;
}

/** Back to pending with its attempts reset and due now: the dispatcher sends it again with the full retry budget (same row, same key). */
export async function requeueOutboxEntry(tx: Transaction, id: string): Promise<void> {
  await tx.query(`UPDATE notification_outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), updated_at = now() WHERE id = $1`, [id]);
}

/** The row as stored now (in `tx`, it sees the transaction's own changes); fails when there is none. */
export function getOutboxEntry(tx: Transaction, id: string): Promise<NotificationOutboxEntity> {
  return tx.getRepository(NotificationOutboxEntity).findOneByOrFail({ id });
}
