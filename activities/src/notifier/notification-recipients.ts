import type { EntityManager } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';

/** An active person an alert resolved to, with what their personal channels need. */
export interface NotificationRecipient {
  id: string;
  email: string | null;
  department: string | null;
  preferredChannels: string[];
}

interface UserRow {
  id: string;
  email: string | null;
  department: string | null;
  preferred_channels: string[];
}

/**
 * Roles and departments to people, read inside the enqueueing transaction. A named user wins
 * over the role (callers name the lead's owner and pass the owner's role for the inbox); only
 * active users count, so a deactivated account gets nothing.
 */
export async function resolveRecipients(manager: EntityManager, request: NotificationRequest): Promise<NotificationRecipient[]> {
  const columns = `id, email, department, preferred_channels`;
  let rows: UserRow[];
  if (request.recipientUserId) {
    // Compared as text: a malformed id finds nobody instead of failing the cast (and the activity).
    rows = await manager.query(`SELECT ${columns} FROM users WHERE id::text = $1 AND active`, [request.recipientUserId]);
  } else if (request.recipientRole) {
    rows = await manager.query(
      `SELECT ${columns} FROM users WHERE role = $1 AND active AND ($2::text IS NULL OR department = $2) ORDER BY username`,
      [request.recipientRole, request.recipientDepartment ?? null],
    );
  } else if (request.recipientDepartment) {
    rows = await manager.query(`SELECT ${columns} FROM users WHERE department = $1 AND active ORDER BY username`, [request.recipientDepartment]);
  } else {
    rows = [];
  }
  return rows.map((r) => ({ id: r.id, email: r.email, department: r.department, preferredChannels: r.preferred_channels }));
}
