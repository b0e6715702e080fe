import type { OutboxChannel } from '@zs/persistence';

/** Who an outbox row is for: a person, or a department's webhook (posted once per event, not per member). */
export type RecipientKey = `user:${string}` | `dept-webhook:${string}`;

export const userRecipient = (userId: string): RecipientKey => `user:${userId}`;
export const webhookRecipient = (webhookId: string): RecipientKey => `dept-webhook:${webhookId}`;

/**
 * The outbox row's unique key: one row per (event, recipient, channel) whatever the retries.
 * Also sent to receivers (Idempotency-Key, Message-ID) so they can drop a duplicate delivery.
 */
export function outboxDedupeKey(eventKey: string, recipient: RecipientKey, channel: OutboxChannel): string {
  return `${eventKey}|${recipient}|${channel}`;
}

/** The inbox row's key, as it has been since the inbox was the only channel. */
export function inboxDedupeKey(eventKey: string): string {
  return `${eventKey}:in_app`;
}
