import type { NotificationRequest } from '@zs/contracts';
import type { OutboxRowDraft, TargetWebhook } from '@zs/persistence';
import type { NotificationRecipient } from './notification-recipients';
import { outboxDedupeKey, userRecipient, webhookRecipient } from './outbox-keys';

/** What the alert is about, kept with every row so a sender can format it for its receiver. */
export interface OutboxPayload {
  kind: NotificationRequest['kind'];
  level: number;
  projectId: string | null;
  department: string | null;
  data: Record<string, unknown>;
}

/** One row to insert into notification_outbox, with the payload the sender reads. */
export type OutboxDraft = OutboxRowDraft & { payload: OutboxPayload };

const EMAIL_FOOTER = '此邮件由招商项目全生命周期平台自动发送，请勿直接回复。';

/**
 * The rows an alert needs: an e-mail per recipient who wants e-mail and has an address, and a post
 * per department webhook. Pure, so the same request always plans the same keys (retries insert nothing new).
 */
export function planOutboxRows(request: NotificationRequest, recipients: readonly NotificationRecipient[], webhooks: readonly TargetWebhook[]): OutboxDraft[] {
  const event = request.dedupeKey;
  const payload = (department: string | null): OutboxPayload => ({
    kind: request.kind,
    level: request.level,
    projectId: request.projectId,
    department,
    data: request.data,
  });
  const emails = recipients
    .filter((r) => r.email && r.preferredChannels.includes('email'))
    .map(
      (r): OutboxDraft => ({
        dedupeKey: outboxDedupeKey(event, userRecipient(r.id), 'email'),
        eventKey: event,
        channel: 'email',
        recipientUserId: r.id,
        departmentWebhookId: null,
        address: r.email as string,
        subject: request.title,
        body: `${request.body}\n\n${EMAIL_FOOTER}`,
        payload: payload(r.department),
      }),
    );
  const posts = webhooks.map(
    (w): OutboxDraft => ({
      dedupeKey: outboxDedupeKey(event, webhookRecipient(w.id), 'webhook'),
      eventKey: event,
      channel: 'webhook',
      recipientUserId: null,
      departmentWebhookId: w.id,
      address: w.url,
      subject: request.title,
      body: request.body,
      payload: payload(w.department),
    }),
  );
  return [...emails, ...posts];
}
