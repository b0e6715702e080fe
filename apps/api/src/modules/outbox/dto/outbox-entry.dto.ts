import { ApiProperty } from '@nestjs/swagger';
import { OUTBOX_CHANNELS, OUTBOX_STATUSES } from '@zs/persistence';
import { PageDtoOf } from '../../../common/http/page.dto';

/** One outbox row as administrators see it. */
export class OutboxEntryDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: '`${event}|${recipient}|${channel}`; sent as Idempotency-Key / in the Message-ID' })
  dedupeKey!: string;

  @ApiProperty({ description: "The alert's dedupeKey" })
  eventKey!: string;

  @ApiProperty({ enum: OUTBOX_CHANNELS })
  channel!: string;

  @ApiProperty({ example: '电子邮件' })
  channelLabel!: string;

  @ApiProperty({ enum: OUTBOX_STATUSES })
  status!: string;

  @ApiProperty({ example: '投递失败（死信）' })
  statusLabel!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  recipientUserId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  departmentWebhookId!: string | null;

  @ApiProperty({ description: 'E-mail address, or the webhook URL with its query values masked' })
  address!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ description: 'Attempts made so far' })
  attempts!: number;

  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When a pending row is tried next' })
  nextAttemptAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  lastError!: string | null;

  @ApiProperty({ nullable: true, type: Number, description: 'HTTP status, or SMTP reply code' })
  lastStatusCode!: number | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  deliveredAt!: string | null;
}

export const OutboxPageDto = PageDtoOf(OutboxEntryDto, 'OutboxPageDto');
