import type { NotificationRequest } from '@zs/contracts';
import { activeRecipientsOf, type AlertRecipient, type Transaction } from '@zs/persistence';

/** An active person an alert resolved to, with what their personal channels need. */
export type NotificationRecipient = AlertRecipient;

/**
 * Roles and departments to people, read inside the enqueueing transaction. A named user wins
 * over the role (callers name the lead's owner and pass the owner's role for the inbox); only
 * active users count, so a deactivated account gets nothing.
 */
export function resolveRecipients(tx: Transaction, request: NotificationRequest): Promise<NotificationRecipient[]> {
  return activeRecipientsOf(tx, { userId: request.recipientUserId, role: request.recipientRole, department: request.recipientDepartment });
}
