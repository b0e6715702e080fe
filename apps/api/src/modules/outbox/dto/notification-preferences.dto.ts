import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayContains, ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsOptional, MaxLength } from 'class-validator';
import { NOTIFICATION_CHANNELS, type NotificationChannelName } from '@zs/contracts';

export class UpdateNotificationPreferencesDto {
  @ApiProperty({
    enum: NOTIFICATION_CHANNELS,
    isArray: true,
    example: ['in_app', 'email'],
    description: "in_app is always included (the inbox keeps every alert); email needs an address; webhook: alerts addressed to you also go to your department's group robot",
  })
  @ArrayContains(['in_app'], { message: 'channels must include in_app: the inbox keeps every alert' })
  @ArrayUnique({ message: 'channels must not repeat a channel' })
  @IsIn(NOTIFICATION_CHANNELS, { each: true, message: `channels must each be one of: ${NOTIFICATION_CHANNELS.join(', ')}` })
  @ArrayMaxSize(NOTIFICATION_CHANNELS.length, { message: `channels must have at most ${NOTIFICATION_CHANNELS.length} entries` })
  @ArrayMinSize(1, { message: 'channels must not be empty' })
  @IsArray({ message: 'channels must be an array' })
  channels!: NotificationChannelName[];

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 320, example: 'liming@zone.gov.cn', description: 'Absent: unchanged; null: removed' })
  @IsOptional()
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email?: string | null;
}

export class NotificationPreferencesDto {
  @ApiProperty({ enum: NOTIFICATION_CHANNELS, isArray: true })
  channels!: NotificationChannelName[];

  @ApiProperty({ type: [String], example: ['站内消息', '电子邮件'] })
  channelLabels!: string[];

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;
}
