import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** In-app inbox. `dedupeKey` is unique so an alert retried by Temporal is stored once. */
@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'dedupe_key', type: 'text', unique: true })
  dedupeKey!: string;

  /** Null for alerts about no single project (the daily digest). */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ name: 'recipient_role', type: 'text', nullable: true })
  recipientRole!: string | null;

  /** With a role: that role in this department; alone: everyone in the department. */
  @Column({ name: 'recipient_department', type: 'text', nullable: true })
  recipientDepartment!: string | null;

  /** Set when the alert is for one person; null means everyone holding `recipientRole` (and/or in `recipientDepartment`). */
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
