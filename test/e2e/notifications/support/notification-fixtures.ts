import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';
import { OutboxDispatcher, SmtpSender, WebhookSender, type DispatchSummary, type MessageSender } from '@zs/activities';

/** A name no other test (or earlier run) uses, so resolution by role and department sees only this test's people. */
export const uniqueSuffix = (): string => randomUUID().slice(0, 8);

export interface TestUser {
  username: string;
  role: string;
  department: string;
  email?: string | null;
  active?: boolean;
  channels?: string[];
}

/** A staff member straight in the table (these tests do not log them in). */
export async function createUser(ds: DataSource, u: TestUser): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO users (username, display_name, role, department, password_hash, email, active, preferred_channels)
     VALUES ($1, $1, $2, $3, 'not-a-login', $4, $5, $6) RETURNING id`,
    [u.username, u.role, u.department, u.email ?? null, u.active ?? true, u.channels ?? ['in_app', 'email']],
  );
  return row.id as string;
}

export async function createWebhook(ds: DataSource, w: { department: string; url: string; format: string; secret: string }): Promise<string> {
  const [row] = await ds.query(`INSERT INTO department_webhooks (department, url, format, secret) VALUES ($1, $2, $3, $4) RETURNING id::text AS id`, [
    w.department,
    w.url,
    w.format,
    w.secret,
  ]);
  return row.id as string;
}

export interface OutboxRow {
  id: string;
  dedupe_key: string;
  event_key: string;
  channel: string;
  recipient_user_id: string | null;
  department_webhook_id: string | null;
  address: string;
  status: string;
  attempts: number;
  last_error: string | null;
  last_status_code: number | null;
}

export async function outboxOf(ds: DataSource, eventKey: string): Promise<OutboxRow[]> {
  return ds.query(
    `SELECT id::text AS id, dedupe_key, event_key, channel, recipient_user_id::text AS recipient_user_id, department_webhook_id::text AS department_webhook_id,
            address, status, attempts, last_error, last_status_code
       FROM notification_outbox WHERE event_key = $1 ORDER BY id`,
    [eventKey],
  );
}

/** An SLA escalation as the workflows send it, addressed by role and department. */
export function escalation(overrides: Partial<NotificationRequest> & { dedupeKey: string }): NotificationRequest {
  return {
    projectId: randomUUID(),
    kind: 'sla.escalated',
    level: 1,
    title: '【1级督办】星河新能源 项目专员指派已超时',
    body: '【1级督办】星河新能源 项目专员指派已超时。请于今日内完成指派。',
    data: { clock: 'commissioner_assignment', threshold: 'escalate_1' },
    ...overrides,
  };
}

/**
 * Puts off every due row that is not this suite's, so a round claims exactly the suite's rows.
 * Each jest worker has a database of its own and runs its files one after another, so rows left
 * due by earlier files (alerts their workflows raised with no dispatcher running) belong to tests
 * that have finished; CI once saw more than a batch of them claimed ahead of a suite's own rows.
 */
export async function putOffOtherRows(ds: DataSource, suffix: string): Promise<void> {
  await ds.query(
    `UPDATE notification_outbox SET next_attempt_at = 'infinity'
      WHERE status IN ('pending', 'sending') AND next_attempt_at <= now() AND event_key NOT LIKE $1`,
    [`${suffix}:%`],
  );
}

/** One dispatcher round over this suite's due rows only. */
export async function suiteRound(ds: DataSource, dispatcher: OutboxDispatcher, suffix: string): Promise<DispatchSummary> {
  await putOffOtherRows(ds, suffix);
  return dispatcher.runOnce();
}

/** Fast, exact back-off for tests: 50 ms doubling to 200 ms, no jitter. */
export function testDispatcher(
  ds: DataSource,
  senders: { email?: MessageSender; webhook?: MessageSender },
  opts: { maxAttempts?: number; pollIntervalMs?: number } = {},
): OutboxDispatcher {
  return new OutboxDispatcher({
    dataSource: ds,
    senders,
    batchSize: 100,
    pollIntervalMs: opts.pollIntervalMs ?? 20,
    maxAttempts: opts.maxAttempts ?? 10,
    backoff: { baseMs: 50, maxMs: 200, jitter: false },
  });
}

export const smtpSenderFor = (port: number): SmtpSender =>
  new SmtpSender({ host: '127.0.0.1', port, secure: false, from: '招商平台 <noreply@zhaoshang.local>', timeoutMs: 5000 });

export const webhookSender = (): WebhookSender => new WebhookSender({ timeoutMs: 2000 });
