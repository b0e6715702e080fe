import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** How a department's webhook wants its body: our own JSON, or a WeCom / DingTalk group robot's markdown message. */
export const WEBHOOK_FORMATS = ['generic', 'wecom', 'dingtalk'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A department's group robot or endpoint: alerts for the department are posted there once per event. */
@Entity({ name: 'department_webhooks' })
export class DepartmentWebhookEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  department!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  format!: WebhookFormat;

  /** Signs every request (X-ZS-Signature; DingTalk's own `sign` too). Never sent back by the API after creation. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
