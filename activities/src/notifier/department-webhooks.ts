import type { NotificationRequest } from '@zs/contracts';
import type { NotificationRecipient } from './notification-recipients';

/**
 * Which departments' group webhooks an alert goes to. A webhook belongs to the department, not
 * to a person: an alert addressed to the department posts to it; an alert addressed by role or
 * name posts to the department of each recipient who chose 'webhook' among their channels.
 * (Their active webhooks are read by activeWebhooksOf in @zs/persistence.)
 */
export function webhookDepartments(request: NotificationRequest, recipients: readonly NotificationRecipient[]): string[] {
  const departments = new Set<string>();
  if (request.recipientDepartment && !request.recipientUserId) departments.add(request.recipientDepartment);
  for (const r of recipients) {
    if (r.department && r.preferredChannels.includes('webhook')) departments.add(r.department);
  }
  return [...departments].sort();
}
