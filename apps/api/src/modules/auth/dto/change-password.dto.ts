import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '../../../common/validation/text.decorators';

export class ChangePasswordDto {
  @ApiProperty({ maxLength: 256 })
  @IsText(256)
  currentPassword!: string;

  @ApiProperty({
    maxLength: 256,
    example: 'Zhaoshang#2026',
    description: 'At least 10 characters, 3 of 4 classes (lower, upper, digits, other), not containing the username, none of the last 5 passwords',
  })
  @IsText(256)
  newPassword!: string;
}
