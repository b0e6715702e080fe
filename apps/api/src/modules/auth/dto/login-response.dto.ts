import { ApiProperty } from '@nestjs/swagger';
import { UserViewDto } from './user-view.dto';

export class LoginResponseDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ enum: ['Bearer'] })
  tokenType!: 'Bearer';

  @ApiProperty({ description: 'Seconds until the token expires' })
  expiresIn!: number;

  @ApiProperty({ type: UserViewDto })
  user!: UserViewDto;

  @ApiProperty({ description: 'true after an administrator reset the password: only POST /auth/password and POST /auth/logout are allowed until it is changed' })
  mustChangePassword!: boolean;
}
