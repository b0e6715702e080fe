import { ApiProperty } from '@nestjs/swagger';

/** A projection write refused because its sequence number already held another event. */
export class ProjectionConflictDto {
  @ApiProperty({ example: 3 })
  id!: number;

  @ApiProperty({ example: 'project-6f1c…' })
  workflowId!: string;

  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty({ description: 'The audit sequence number both events claim' })
  seq!: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event the audit log holds' })
  stored!: Record<string, unknown>;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event the workflow tried to record' })
  attempted!: Record<string, unknown>;

  @ApiProperty({ description: 'How many times the projection tried (it retries until someone resolves the conflict)' })
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  firstSeenAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeenAt!: string;
}

export class ProjectionConflictPageDto {
  @ApiProperty({ type: [ProjectionConflictDto] })
  items!: ProjectionConflictDto[];

  @ApiProperty()
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
