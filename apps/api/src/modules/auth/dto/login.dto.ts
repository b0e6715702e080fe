import { ApiProperty } from '@nestjs/swagger';
import { IsText } from '../../../common/validation/text.decorators';

export class LoginDto {
  @ApiProperty({ example: 'officer', maxLength: 100 })
  @IsText(100)
  username!: string;

  /** Bounded: argon2 hashes whatever it is given, and a megabyte password is a cheap denial of service. */
  @ApiProperty({ example: 'zhaoshang-demo', maxLength: 256 })
  @IsText(256)
  password!: string;
}
