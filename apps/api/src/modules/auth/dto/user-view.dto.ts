import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '@zs/domain';

export class UserViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'officer' })
  username!: string;

  @ApiProperty({ example: '李明' })
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ example: '招商专员' })
  roleLabel!: string;
}
