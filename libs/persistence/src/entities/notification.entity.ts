import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** In-app inbox. `dedupeKey` is unique so an alert retried by Temporal is stored once. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ name: 'recipient_role', type: 'text' })
  recipientRole!: string;

  /** Set when the alert is for one person; null means everyone holding `recipientRole`. */
  @Column({ name: 'recipient_user_id', type: 'text', nullable: true })
  recipientUserId!: string | null;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'integer' })
  level!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
