import type { NotificationRequest } from '@zs/contracts';

/**
 * A way an alert reaches people. Each channel must be idempotent on `dedupeKey`,
 * because Temporal retries the activity that calls it. E-mail and webhooks join later.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(request: NotificationRequest): Promise<void>;
}
