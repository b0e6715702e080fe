import type { EntityManager } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';
import type { NotificationRecipient } from './notification-recipients';

/** A department webhook an alert is posted to. */
export interface TargetWebhook {
  id: string;
  department: string;
  url: string;
}

/**
 * Which departments' group webhooks an alert goes to. A webhook belongs to the department, not
 * to a person: an alert addressed to the department posts to it; an alert addressed by role or
 * name posts to the department of each recipient who chose 'webhook' among their channels.
 */
export function webhookDepartments(request: NotificationRequest, recipients: readonly NotificationRecipient[]): string[] {
  const departments = new Set<string>();
  if (request.recipientDepartment && !request.recipientUserId) departments.add(request.recipientDepartment);
  for (const r of recipients) {
    if (r.department && r.preferredChannels.includes('webhook')) departments.add(r.department);
  }
  return [...departments].sort();
}

export async function activeWebhooksOf(manager: EntityManager, departments: readonly string[]): Promise<TargetWebhook[]> {
  if (departments.length === 0) return [];
  const rows: { id: string; department: string; url: string }[] = await manager.query(
    `SELECT id::text AS id, department, url FROM department_webhooks WHERE active AND department = ANY($1::text[]) ORDER BY id`,
    [departments],
  );
  return rows;
}
