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

  @ApiProperty({
    type: String,
    nullable: true,
    example: '供电公司',
    description: "The account's department by name (as service requests name it); a department's staff act only on its requests. Null without one",
  })
  departmentName!: string | null;
}
