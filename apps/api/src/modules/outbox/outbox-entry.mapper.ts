import type { NotificationOutboxEntity } from '@zs/persistence';
import type { OutboxEntryDto } from './dto/outbox-entry.dto';
import { maskedUrl } from './masked-url';
import { CHANNEL_LABELS, OUTBOX_STATUS_LABELS } from './outbox-labels';

export function toOutboxEntry(row: NotificationOutboxEntity): OutboxEntryDto {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    eventKey: row.eventKey,
    channel: row.channel,
    channelLabel: CHANNEL_LABELS[row.channel],
    status: row.status,
    statusLabel: OUTBOX_STATUS_LABELS[row.status],
    recipientUserId: row.recipientUserId,
    departmentWebhookId: row.departmentWebhookId,
    address: row.channel === 'webhook' ? maskedUrl(row.address) : row.address,
    subject: row.subject,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : null,
    lastError: row.lastError,
    lastStatusCode: row.lastStatusCode,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deliveredAt: row.deliveredAt ? row.deliveredAt.toISOString() : null,
  };
}
