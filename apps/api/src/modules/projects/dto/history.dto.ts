import { ApiProperty } from '@nestjs/swagger';
import { STAGES } from '@zs/domain';

export class HistoryItemDto {
  @ApiProperty()
  seq!: number;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ description: 'User id, or "system" for timers' })
  actorId!: string;

  @ApiProperty()
  actorRole!: string;

  @ApiProperty({ example: 'intake.accepted' })
  action!: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;

  @ApiProperty({ enum: STAGES, nullable: true, type: String })
  stageBefore!: string | null;

  @ApiProperty({ enum: STAGES })
  stageAfter!: string;

  @ApiProperty()
  workflowId!: string;

  @ApiProperty()
  runId!: string;
}

export class HistoryDto {
  @ApiProperty({ type: [HistoryItemDto] })
  items!: HistoryItemDto[];
}
