import type { NotificationRequest } from '@zs/contracts';
import { insertInboxNotification, type Transaction } from '@zs/persistence';
import { inboxDedupeKey } from './outbox-keys';

/**
 * The in-app inbox row (GET /notifications): one per alert, addressed as the request is (role,
 * department, person), read by everyone it addresses. Written in the enqueueing transaction, so
 * it needs no outbox row: it is delivered when it commits.
 */
export async function writeInAppInbox(tx: Transaction, n: NotificationRequest): Promise<void> {
  await insertInboxNotification(tx, {
    dedupeKey: inboxDedupeKey(n.dedupeKey),
    projectId: n.projectId,
    recipientRole: n.recipientRole ?? null,
    recipientDepartment: n.recipientDepartment ?? null,
    recipientUserId: n.recipientUserId ?? null,
    kind: n.kind,
    level: n.level,
    title: n.title,
    body: n.body,
    data: n.data,
  });
}
