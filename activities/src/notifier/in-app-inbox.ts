import type { EntityManager } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';
import { inboxDedupeKey } from './outbox-keys';

/**
 * The in-app inbox row (GET /notifications): one per alert, addressed as the request is (role,
 * department, person), read by everyone it addresses. Written in the enqueueing transaction, so
 * it needs no outbox row: it is delivered when it commits.
 */
export async function writeInAppInbox(manager: EntityManager, n: NotificationRequest): Promise<void> {
  await manager.query(
    `INSERT INTO notifications (dedupe_key, project_id, recipient_role, recipient_department, recipient_user_id, kind, level, title, body, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (dedupe_key) DO NOTHING`,
    [
      inboxDedupeKey(n.dedupeKey),
      n.projectId,
      n.recipientRole ?? null,
      n.recipientDepartment ?? null,
      n.recipientUserId ?? null,
      n.kind,
      n.level,
      n.title,
      n.body,
      JSON.stringify(n.data),
    ],
  );
}
