// The in-app inbox (table notifications): written with each alert, read by GET /notifications.
import { IsNull, type FindOptionsWhere } from 'typeorm';
import type { Database, Queryable } from '../database';
import { NotificationEntity } from '../entities/notification.entity';

/** One inbox row, addressed as the alert is (role, department, person). */
export interface InboxNotification {
  dedupeKey: string;
  projectId: string | null;
  recipientRole: string | null;
  recipientDepartment: string | null;
  recipientUserId: string | null;
  kind: string;
  level: number;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

/** Inserts the row once: a retry with the same key (an activity retry, a re-run digest) adds nothing. */
export async function insertInboxNotification(db: Queryable, n: InboxNotification): Promise<void> {
  await db.query(
    `INSERT INTO notifications (dedupe_key, project_id, recipient_role, recipient_department, recipient_user_id, kind, level, title, body, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [n.dedupeKey, n.projectId, n.recipientRole, n.recipientDepartment, n.recipientUserId, n.kind, n.level, n.title, n.body, JSON.stringify(n.data)],
  );
}

/** Whose inbox: the reader's role and id, and their department as stored now (null when they have none). */
export interface InboxReader {
  role: string;
  userId: string;
  department: string | null;
}

/**
 * The reader's alerts, newest first: addressed to their role (in their department, when one is
 * named), to their department as a whole, or to them by name.
 */
export async function inboxPage(db: Database, reader: InboxReader, page: number, pageSize: number): Promise<{ rows: NotificationEntity[]; total: number }> {
  const where: FindOptionsWhere<NotificationEntity>[] = [
    // The role's broadcast alerts (any department's when none is named), and the ones addressed to this person by name.
    { recipientRole: reader.role, recipientDepartment: IsNull(), recipientUserId: IsNull() },
    { recipientUserId: reader.userId },
  ];
  if (reader.department) {
    where.push(
      { recipientRole: reader.role, recipientDepartment: reader.department, recipientUserId: IsNull() },
      // Addressed to the whole department (e.g. its daily digest).
      { recipientRole: IsNull(), recipientDepartment: reader.department, recipientUserId: IsNull() },
    );
  }
  const [rows, total] = await db.getRepository(NotificationEntity).findAndCount({
    where,
    order: { createdAt: 'DESC', id: 'DESC' },
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  return { rows, total };
}
