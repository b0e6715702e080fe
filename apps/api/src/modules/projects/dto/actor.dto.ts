import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@zs/domain';

/** Who took a step, as the views show it. */
export class ActorDto {
  @ApiProperty()
  userId!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional()
  displayName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: "The actor's department when the step was taken (issue 10); absent on older records" })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: "That department's name (issue 10); absent on older records" })
  departmentName?: string | null;
}
