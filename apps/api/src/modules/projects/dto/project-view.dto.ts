import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOCK_NAMES,
  CLOCK_STATUSES,
  CONTACT_KINDS,
  NEGOTIATION_OUTCOMES,
  ROLES,
  STAGES,
  type ClockName,
  type ClockStatus,
  type ContactKind,
  type Lead,
  type NegotiationOutcomeKind,
  type Role,
  type Stage,
} from '@zs/domain';
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

export class NegotiationContactViewDto {
  @ApiProperty({ enum: CONTACT_KINDS })
  kind!: ContactKind;

  @ApiProperty({ example: '实地考察' })
  kindLabel!: string;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Calendar date of the contact (Asia/Shanghai)' })
  date!: string;

  @ApiProperty()
  participants!: string;

  @ApiProperty()
  location!: string;

  @ApiProperty()
  outcome!: string;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class FollowUpViewDto {
  @ApiProperty({ description: 'Follow-up cadence of the information grade in ms (A 1 day, B 2 days, C 7 days)' })
  cadenceMs!: number;

  @ApiProperty({ format: 'date-time', description: 'Last contact, or the start of negotiation' })
  lastContactAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the next follow-up is due' })
  nextDueAt!: string;

  @ApiProperty({ description: 'Follow-ups missed in a row since the last contact' })
  missedInRow!: number;

  @ApiProperty({ description: 'In negotiation and the next follow-up is due now or earlier' })
  overdue!: boolean;
}

export class NegotiationOutcomeViewDto {
  @ApiProperty({ enum: NEGOTIATION_OUTCOMES })
  kind!: NegotiationOutcomeKind;

  @ApiProperty({ type: String, nullable: true, description: 'Why the project was lost' })
  reason!: string | null;

  @ApiProperty({ type: ActorDto })
  decidedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  decidedAt!: string;
}

export class NegotiationViewDto {
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: [NegotiationContactViewDto] })
  contacts!: NegotiationContactViewDto[];

  @ApiProperty({ type: FollowUpViewDto })
  followUp!: FollowUpViewDto;

  @ApiProperty({ type: NegotiationOutcomeViewDto, nullable: true })
  outcome!: NegotiationOutcomeViewDto | null;
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

  @ApiProperty({ type: NegotiationViewDto, nullable: true, description: '洽谈: null until the project is accepted' })
  negotiation!: NegotiationViewDto | null;

  @ApiProperty({ type: [ClockViewDto] })
  clocks!: ClockViewDto[];
}
