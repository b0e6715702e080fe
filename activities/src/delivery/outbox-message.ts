import type { OutboxChannel, WebhookFormat } from '@zs/persistence';
import type { OutboxPayload } from '../notifier/outbox-plan';

/** The department webhook a row is for, as configured now (url, format or secret may have changed since the row was written). */
export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
  secret: string;
  active: boolean;
}

/** A row the dispatcher claimed: `attempts` already counts this attempt. */
export interface OutboxMessage {
  id: string;
  dedupeKey: string;
  eventKey: string;
  channel: OutboxChannel;
  address: string;
  subject: string;
  body: string;
  payload: OutboxPayload;
  attempts: number;
  createdAt: Date;
  /** Null for e-mail, and for a row whose webhook was deleted. */
  webhook: WebhookTarget | null;
}
