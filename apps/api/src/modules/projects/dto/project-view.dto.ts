import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLOCK_NAMES, CLOCK_STATUSES, ROLES, STAGES, type ClockName, type ClockStatus, type Lead, type Role, type Stage } from '@zs/domain';
import { RegisterLeadDto } from '../../leads/dto/register-lead.dto';

export class ActorDto {
  @ApiProperty()
  userId!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiPropertyOptional()
  displayName?: string;
}

export class IntakeDecisionViewDto {
  @ApiProperty({ enum: ['accept', 'reject'] })
  action!: 'accept' | 'reject';

  @ApiProperty({ type: String, nullable: true })
  reason!: string | null;

  @ApiProperty({ type: ActorDto })
  decidedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;
}

export class InfoRequestViewDto {
  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({ type: ActorDto })
  requestedBy!: ActorDto;

  @ApiProperty()
  missing!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  providedAt!: string | null;

  @ApiProperty({ type: ActorDto, nullable: true })
  providedBy!: ActorDto | null;

  @ApiProperty({ type: String, nullable: true })
  response!: string | null;
}

export class IntakeViewDto {
  @ApiProperty({ type: IntakeDecisionViewDto, nullable: true })
  decision!: IntakeDecisionViewDto | null;

  @ApiProperty({ type: [InfoRequestViewDto] })
  infoRequests!: InfoRequestViewDto[];
}

export class ClockViewDto {
  @ApiProperty({ enum: CLOCK_NAMES })
  clock!: ClockName;

  @ApiProperty({ example: '48小时承接研判' })
  label!: string;

  @ApiProperty({ enum: CLOCK_STATUSES })
  status!: ClockStatus;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Breach instant if the clock keeps running from now' })
  deadlineAt!: string;

  @ApiProperty({ description: 'Active time left in ms (negative when overdue)' })
  remainingMs!: number;

  @ApiProperty()
  pausedMs!: number;

  @ApiProperty()
  paused!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  stoppedAt!: string | null;

  @ApiProperty({ type: [String], example: ['warning-1'] })
  fired!: string[];
}

export class ProjectViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'project-0b6c…' })
  workflowId!: string;

  @ApiPropertyOptional()
  runId?: string;

  @ApiProperty({ enum: STAGES })
  stage!: Stage;

  @ApiProperty({ example: '48小时研判' })
  stageLabel!: string;

  @ApiProperty({ description: 'Some running clock has passed its deadline' })
  overdue!: boolean;

  @ApiProperty({ type: RegisterLeadDto })
  lead!: Lead;

  @ApiProperty({ type: ActorDto })
  registeredBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  updatedAt?: string;

  @ApiProperty({ type: IntakeViewDto })
  intake!: IntakeViewDto;

  @ApiProperty({ type: [ClockViewDto] })
  clocks!: ClockViewDto[];
}
