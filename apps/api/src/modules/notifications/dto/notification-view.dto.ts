import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_KINDS } from '@zs/contracts';
import { ROLES } from '@zs/domain';

export class NotificationViewDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for alerts about no single project (the daily digest)' })
  projectId!: string | null;

  @ApiProperty({ enum: ROLES, nullable: true, description: 'null when addressed to a whole department' })
  recipientRole!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '项目服务局', description: 'set when addressed to a department (with a role: that role in it)' })
  recipientDepartment!: string | null;

  @ApiProperty({ nullable: true, type: String, description: 'set when the alert is for one person' })
  recipientUserId!: string | null;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: string;

  @ApiProperty({ description: 'Warning or escalation level (1 = first)' })
  level!: number;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  data!: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'The caller has read it (each reader has their own mark)' })
  read!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the caller marked it read; null while unread' })
  readAt!: string | null;
}

/** A page of the inbox (the shape of PageDtoOf) with the unread count the menu badge shows. */
export class NotificationPageDto {
  @ApiProperty({ type: [NotificationViewDto] })
  items!: NotificationViewDto[];

  @ApiProperty({ description: 'all matching rows' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;

  @ApiProperty({ description: "Unread alerts in the caller's whole inbox (whatever the page and filter)" })
  unreadCount!: number;
}

export class UnreadCountDto {
  @ApiProperty({ description: "Unread alerts in the caller's inbox" })
  unreadCount!: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many alerts were unread and are now read' })
  marked!: number;

  @ApiProperty({ description: "Unread alerts left in the caller's inbox" })
  unreadCount!: number;
}
