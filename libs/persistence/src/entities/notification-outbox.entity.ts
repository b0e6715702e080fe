import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Channels delivered through the outbox; the in-app inbox is written directly, in the enqueueing transaction. */
export const OUTBOX_CHANNELS = ['email', 'webhook'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/**
 * pending → sending (claimed, with a lease) → delivered | pending again (retry later) | dead_letter
 * (permanent refusal or attempts exhausted; an admin may re-queue it). skipped: nothing to send
 * it with (SMTP not configured, the department webhook removed or deactivated).
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'delivered', 'dead_letter', 'skipped'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/** One message to one recipient on one channel. `dedupeKey` is `${eventKey}|${recipient}|${channel}`, unique. */
@Entity({ name: 'notification_outbox' })
export class NotificationOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  /** The request's dedupeKey: which event this row delivers. */
  @Column({ name: 'event_key', type: 'text' })
  eventKey!: string;

  @Column({ type: 'text' })
  channel!: OutboxChannel;

  @Column({ name: 'recipient_user_id', type: 'uuid', nullable: true })
  recipientUserId!: string | null;

  @Column({ name: 'department_webhook_id', type: 'bigint', nullable: true })
  departmentWebhookId!: string | null;

  /** The e-mail address or webhook URL, as resolved when the row was written. */
  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'text' })
  subject!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;
}
