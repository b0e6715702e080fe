import { PageDtoOf } from '../../../common/http/page.dto';
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
}

export const NotificationPageDto = PageDtoOf(NotificationViewDto, 'NotificationPageDto');
