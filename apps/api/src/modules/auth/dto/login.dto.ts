import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';
import { IsText } from '../../../common/validation/text.decorators';

export class LoginDto {
  @ApiProperty({ example: 'officer', maxLength: 100 })
  @IsText(100)
  username!: string;

  /** Bounded: argon2 hashes whatever it is given, and a megabyte password is a cheap denial of service. */
  @ApiProperty({ example: 'zhaoshang-demo', maxLength: 256 })
  @IsText(256)
  password!: string;

  /** Issue 12: the zone whose account this is (GET /zones lists them); absent, the home zone. */
  @ApiPropertyOptional({ example: 'gaoxin', maxLength: 30, description: '园区代码（GET /zones）；不填为本部署的首个园区' })
  @IsOptional()
  @IsString({ message: 'zone（园区）须为园区代码（字符串）' })
  @Matches(/^[a-z][a-z0-9_]{0,29}$/, { message: 'zone（园区）须为园区代码，如 gaoxin（GET /zones 列出可选园区）' })
  zone?: string;
}
