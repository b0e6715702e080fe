import type { EntityManager } from 'typeorm';
import type { OutboxDraft } from './outbox-plan';

/**
 * Inserts the planned rows in one statement; a row whose key exists already (an activity retry,
 * a concurrent attempt) is left as it is. Returns how many rows were new.
 */
export async function insertOutboxRows(manager: EntityManager, drafts: readonly OutboxDraft[]): Promise<number> {
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
  const inserted: unknown[] = await manager.query(
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
