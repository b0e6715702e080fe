import type { WorkerConfig } from '@zs/config';
import type { Database } from '@zs/persistence';
import { OutboxDispatcher, type DispatcherLog } from './outbox-dispatcher';
import { SmtpSender } from './smtp-sender';
import { WebhookSender } from './webhook-sender';

/** The worker's dispatcher, as the environment configures it. E-mail only when SMTP is configured (else its rows are skipped). */
export function createOutboxDispatcherFromConfig(db: Database, config: WorkerConfig, log?: DispatcherLog): OutboxDispatcher {
  const smtpConfigured = Boolean((config.SMTP_URL || config.SMTP_HOST) && config.MAIL_FROM);
  const email = smtpConfigured
    ? new SmtpSender({
        url: config.SMTP_URL,
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        user: config.SMTP_USER,
        pass: config.SMTP_PASS,
        from: config.MAIL_FROM as string,
        timeoutMs: config.SMTP_TIMEOUT_MS,
      })
    : undefined;
  return new OutboxDispatcher({
    dataSource: db,
    senders: { webhook: new WebhookSender({ timeoutMs: config.WEBHOOK_TIMEOUT_MS }), ...(email ? { email } : {}) },
    pollIntervalMs: config.OUTBOX_POLL_MS,
    batchSize: config.OUTBOX_BATCH_SIZE,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    backoff: { baseMs: config.OUTBOX_BACKOFF_BASE_MS, maxMs: config.OUTBOX_BACKOFF_MAX_MS, jitter: config.OUTBOX_BACKOFF_JITTER },
    // Longer than the slowest send, so a live claim is never taken over.
    leaseMs: Math.max(config.SMTP_TIMEOUT_MS * 3, config.WEBHOOK_TIMEOUT_MS) + 60_000,
    log,
  });
}
