import { ApplicationFailure } from '@temporalio/common';
import type { NotificationRequest } from '@zs/contracts';
import { activeWebhooksOf, inTransaction, insertOutboxRows, type Database, type Transaction } from '@zs/persistence';
import { webhookDepartments } from './department-webhooks';
import { writeInAppInbox } from './in-app-inbox';
import { resolveRecipients } from './notification-recipients';
import { planOutboxRows } from './outbox-plan';

/**
 * Records one alert: the inbox row and the outbox rows (e-mail per recipient, post per department
 * webhook) in ONE transaction, each keyed so that calling again with the same request (an
 * activity retry, a re-run digest) adds nothing. Delivery is the dispatcher's job. Returns the
 * number of new outbox rows.
 */
export async function enqueueNotification(db: Database, request: NotificationRequest): Promise<number> {
  return inTransaction(db, (tx) => enqueueNotificationIn(tx, request));
}

/** The same, inside a caller's transaction (e.g. a digest that records its own state with it). */
export async function enqueueNotificationIn(tx: Transaction, request: NotificationRequest): Promise<number> {
  if (!request.recipientUserId && !request.recipientRole && !request.recipientDepartment) {
    // A programming error: retrying would not address it.
    throw ApplicationFailure.nonRetryable(`notification ${request.dedupeKey} has no recipient (role, department or user)`, 'NOTIFICATION_UNADDRESSED');
  }
  await writeInAppInbox(tx, request);
  const recipients = await resolveRecipients(tx, request);
  const webhooks = await activeWebhooksOf(tx, webhookDepartments(request, recipients));
  return insertOutboxRows(tx, planOutboxRows(request, recipients, webhooks));
}
