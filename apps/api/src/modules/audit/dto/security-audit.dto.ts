import { ApiProperty } from '@nestjs/swagger';
import { SECURITY_EVENT_KINDS, type SecurityEventKind } from '@zs/persistence';
import { PageDtoOf } from '../../../common/http/page.dto';

export class SecurityEventDto {
  @ApiProperty({ example: '42' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ enum: SECURITY_EVENT_KINDS })
  kind!: SecurityEventKind;

  @ApiProperty({ example: '登录失败' })
  kindLabel!: string;

  @ApiProperty({ enum: ['success', 'failure', 'refused'] })
  outcome!: 'success' | 'failure' | 'refused';

  @ApiProperty({ nullable: true, type: String, description: 'the account the event is about' })
  userId!: string | null;

  @ApiProperty({ nullable: true, type: String })
  username!: string | null;

  @ApiProperty({ nullable: true, type: String })
  clientIp!: string | null;

  @ApiProperty({ nullable: true, type: String, example: 'user:6f1c…' })
  subject!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;
}

export class AdminEventDto {
  @ApiProperty({ example: '7' })
  id!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty()
  actorUserId!: string;

  @ApiProperty({ example: 'admin' })
  actorRole!: string;

  @ApiProperty({ nullable: true, type: String, example: '系统管理员', description: "The administrator's display name" })
  actorName!: string | null;

  @ApiProperty({ example: 'user.password_reset' })
  action!: string;

  @ApiProperty({ example: '重置用户密码' })
  actionLabel!: string;

  @ApiProperty({ example: 'user:6f1c…' })
  subject!: string;

  @ApiProperty({ nullable: true, type: String })
  reason!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;
}

export const SecurityEventPageDto = PageDtoOf(SecurityEventDto, 'SecurityEventPage');
export const AdminEventPageDto = PageDtoOf(AdminEventDto, 'AdminEventPage');
