import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptionalText } from '../../../common/validation/text.decorators';

export class AdminUserActionDto {
  @ApiPropertyOptional({ maxLength: 2000, example: '员工离岗，收回会话', description: 'Kept in the admin audit log' })
  @IsOptionalText(2000)
  reason?: string;
}

export class PasswordResetDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ example: 'officer' })
  username!: string;

  @ApiProperty({ description: 'Shown once: give it to the user by a separate channel. Their next login must change it.' })
  temporaryPassword!: string;

  @ApiProperty({ enum: [true] })
  mustChangePassword!: true;
}
