import { PageDtoOf } from '../../../common/http/page.dto';
import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@zs/domain';

export class NotificationViewDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ enum: ROLES })
  recipientRole!: string;

  @ApiProperty({ nullable: true, type: String, description: 'set when the alert is for one person' })
  recipientUserId!: string | null;

  @ApiProperty({ enum: ['sla.warning', 'sla.escalated'] })
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
