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
}
