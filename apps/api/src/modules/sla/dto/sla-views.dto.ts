import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { CLOCK_NAMES, POLICY_KEYS, STAGES, type ClockName, type PolicyKey, type Stage } from '@zs/domain';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { ToInteger } from '../../../common/validation/query-transforms';
import { IsText } from '../../../common/validation/text.decorators';

export class SlaClockFilterQuery extends PaginationQuery {
  @ApiPropertyOptional({ example: '项目服务局', description: 'The department that owns the clock' })
  @IsText(200)
  @IsOptional()
  department?: string;

  @ApiPropertyOptional({ enum: STAGES })
  @IsIn(STAGES, { message: `stage must be one of: ${STAGES.join(', ')}` })
  @IsOptional()
  stage?: Stage;

  @ApiPropertyOptional({ enum: POLICY_KEYS })
  @IsIn(POLICY_KEYS, { message: 'policyKey must be one of the policy keys (GET /sla/policies)' })
  @IsOptional()
  policyKey?: PolicyKey;

  @ApiPropertyOptional({ enum: CLOCK_NAMES })
  @IsIn(CLOCK_NAMES, { message: `clock must be one of: ${CLOCK_NAMES.join(', ')}` })
  @IsOptional()
  clock?: ClockName;

  @ApiPropertyOptional({ minimum: 0, maximum: 20, description: '督办 level: clocks whose highest fired escalation level is this one (0: not escalated yet)' })
  @IsOptional()
  @ToInteger()
  @Max(20, { message: 'escalationLevel must be at most 20' })
  @Min(0, { message: 'escalationLevel must be at least 0' })
  @IsInt({ message: 'escalationLevel must be a whole number' })
  escalationLevel?: number;
}

/** The 督办 matrix's filters: its rows and columns are department and escalation level. */
export class OverdueSummaryQuery extends PickType(SlaClockFilterQuery, ['stage', 'policyKey', 'clock'] as const) {}

export class DueSoonQuery extends SlaClockFilterQuery {
  @ApiPropertyOptional({ default: 24, minimum: 1, maximum: 720, description: 'Deadlines within this many hours from now' })
  @IsOptional()
  @ToInteger()
  @Max(720, { message: 'withinHours must be at most 720' })
  @Min(1, { message: 'withinHours must be at least 1' })
  @IsInt({ message: 'withinHours must be a whole number' })
  withinHours: number = 24;
}

export class SlaClockItemDto {
  @ApiProperty() id!: string;
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requestId!: string | null;
  @ApiProperty() companyName!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: CLOCK_NAMES }) clock!: ClockName;
  @ApiProperty() clockLabel!: string;
  @ApiProperty({ type: String, nullable: true }) policyKey!: string | null;
  @ApiProperty({ type: 'integer', nullable: true }) policyVersion!: number | null;
  @ApiProperty() department!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() stageLabel!: string;
  @ApiProperty() startedAt!: string;
  @ApiProperty() deadlineAt!: string;
  @ApiProperty({ description: 'Negative when overdue' }) remainingMs!: number;
  @ApiProperty() pausedMs!: number;
  @ApiProperty({ type: [String] }) fired!: string[];
  @ApiProperty({ type: 'integer', description: 'Highest escalation level fired (escalation-N), 0 before the first' }) escalationLevel!: number;
}

export class SlaClockPageDto {
  @ApiProperty({ type: [SlaClockItemDto] }) items!: SlaClockItemDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class OverdueCellDto {
  @ApiProperty({ description: 'The department that owns the clocks' }) department!: string;
  @ApiProperty({ type: 'integer', description: '0: not escalated yet' }) escalationLevel!: number;
  @ApiProperty({ type: 'integer' }) count!: number;
}

export class OverdueSummaryDto {
  @ApiProperty({ type: [OverdueCellDto], description: 'One cell per department and escalation level with overdue clocks' }) cells!: OverdueCellDto[];
  @ApiProperty({ type: 'integer' }) total!: number;
}

export const TIMELINE_EVENTS = ['started', 'paused', 'resumed', 'warned', 'breached', 'escalated', 'recalculated', 'met'] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENTS)[number];

export class SlaTimelineEventDto {
  @ApiProperty() at!: string;
  @ApiProperty({ enum: TIMELINE_EVENTS }) event!: TimelineEventKind;
  @ApiProperty({ description: 'e.g. 预警, 超时, 暂停' }) eventLabel!: string;
  @ApiProperty({ enum: CLOCK_NAMES }) clock!: ClockName;
  @ApiProperty() clockLabel!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) requestId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Who (null for the system)' }) actorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Escalation level (escalated)' }) level!: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Policy version after the event (started, recalculated)' }) policyVersion!: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt!: string | null;
}

export class SlaTimelineDto {
  @ApiProperty({ format: 'uuid' }) projectId!: string;
  @ApiProperty({ type: [SlaTimelineEventDto] }) events!: SlaTimelineEventDto[];
}
