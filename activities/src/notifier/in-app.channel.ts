import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';
import type { NotificationChannel } from './notification-channel';

/** The in-app inbox (GET /notifications). */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in_app';

  constructor(private readonly dataSource: DataSource) {}

  async deliver(n: NotificationRequest): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications (dedupe_key, project_id, recipient_role, recipient_user_id, kind, level, title, body, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (dedupe_key) DO NOTHING`,
      [`${n.dedupeKey}:${this.name}`, n.projectId, n.recipientRole, n.recipientUserId ?? null, n.kind, n.level, n.title, n.body, JSON.stringify(n.data)],
    );
  }
}
