import type { ClaimedOutboxMessage } from '@zs/persistence';
import type { OutboxPayload } from '../notifier/outbox-plan';

/** The department webhook a row is for, as configured now (url, format or secret may have changed since the row was written). */
export type { WebhookTarget } from '@zs/persistence';

/** A row the dispatcher claimed, with the payload the enqueueing side planned: `attempts` already counts this attempt. */
export type OutboxMessage = ClaimedOutboxMessage<OutboxPayload>;
