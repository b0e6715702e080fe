// The in-app inbox (table notifications): written with each alert, read by GET /notifications (notification-inbox.ts).
import type { Queryable } from '../database';

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
