import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CLOCK_NAMES,
  CLOCK_STATUSES,
  CONTACT_KINDS,
  MILESTONE_KINDS,
  NEGOTIATION_OUTCOMES,
  STAGES,
  type ClockName,
  type ClockStatus,
  type ContactKind,
  type Lead,
  type MilestoneKind,
  type NegotiationOutcomeKind,
  type Stage,
} from '@zs/domain';
import { RegisterLeadDto } from '../../leads/dto/register-lead.dto';

import { ActorDto } from './actor.dto';
import { RecordKeepingViewDto } from './record-keeping-view.dto';

export { ActorDto };

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

  @ApiProperty({ type: String, nullable: true, example: 'intake_decision', description: 'The SLA policy the clock runs by (null: a clock older than policies as data)' })
  policyKey!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 1, description: 'The policy version it started with (or was recalculated to)' })
  policyVersion!: number | null;
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

export class CommittedDatesViewDto {
  @ApiProperty({ format: 'date', description: '开工' })
  constructionStart!: string;

  @ApiProperty({ format: 'date', description: '设备进场' })
  equipmentEntry!: string;

  @ApiProperty({ format: 'date', description: '投产' })
  production!: string;

  @ApiProperty({ format: 'date', description: '首次纳税' })
  firstTax!: string;
}

export class ContractViewDto {
  @ApiProperty({ type: String, nullable: true })
  contractNo!: string | null;

  @ApiProperty({ description: '亿元' })
  contractInvestmentYi!: number;

  @ApiProperty({ format: 'date' })
  signedOn!: string;

  @ApiProperty({ type: CommittedDatesViewDto })
  committed!: CommittedDatesViewDto;

  @ApiProperty({ description: 'Land taken from the zone, m² (0 when none)' })
  landAreaM2!: number;

  @ApiProperty({ description: 'Factory space taken (厂房去化), m² (0 when none)' })
  factoryAreaM2!: number;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class CommissionerViewDto {
  @ApiProperty()
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ type: ActorDto })
  assignedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  assignedAt!: string;
}

export class HandoverViewDto {
  @ApiProperty({ type: CommissionerViewDto, nullable: true, description: '项目专员: null until the Project Service Bureau assigns one (its clock is in clocks)' })
  commissioner!: CommissionerViewDto | null;
}

export class ResponsibleViewDto {
  @ApiProperty()
  userId!: string;

  @ApiProperty()
  name!: string;
}

export class MilestoneNodeViewDto {
  @ApiProperty({ enum: MILESTONE_KINDS })
  kind!: MilestoneKind;

  @ApiProperty({ example: '设备进场' })
  label!: string;

  @ApiProperty({ type: ResponsibleViewDto })
  responsible!: ResponsibleViewDto;

  @ApiProperty({ type: [String] })
  todos!: string[];

  @ApiProperty({ format: 'date', description: 'Due by the end of this day, Asia/Shanghai' })
  dueOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  completedOn!: string | null;

  @ApiProperty({ type: String, nullable: true })
  evidence!: string | null;

  @ApiProperty({ type: ActorDto, nullable: true })
  completedBy!: ActorDto | null;

  @ApiProperty({ description: 'Not completed and the end of the due day (Asia/Shanghai) has passed' })
  overdue!: boolean;

  @ApiProperty({ type: [Number], example: [1], description: 'Escalation levels already sent for the current due date' })
  escalatedLevels!: number[];
}

export class MilestoneDueDatesViewDto {
  @ApiProperty({ format: 'date' })
  company_registration!: string;

  @ApiProperty({ format: 'date' })
  land_handover!: string;

  @ApiProperty({ format: 'date' })
  project_filing!: string;

  @ApiProperty({ format: 'date' })
  planning_permit!: string;

  @ApiProperty({ format: 'date' })
  construction_permit!: string;

  @ApiProperty({ format: 'date' })
  construction_start!: string;

  @ApiProperty({ format: 'date' })
  equipment_entry!: string;

  @ApiProperty({ format: 'date' })
  trial_production!: string;

  @ApiProperty({ format: 'date' })
  production!: string;
}

export class PlanVersionViewDto {
  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: ActorDto })
  createdBy!: ActorDto;

  @ApiProperty({ example: '初始计划' })
  reason!: string;

  @ApiProperty({ type: MilestoneDueDatesViewDto })
  dueDates!: MilestoneDueDatesViewDto;
}

export class ProgressEntryViewDto {
  @ApiProperty({ format: 'date' })
  date!: string;

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: ActorDto })
  recordedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

export class ConstructionViewDto {
  @ApiProperty({ type: [MilestoneNodeViewDto], description: 'The template nodes, in order' })
  nodes!: MilestoneNodeViewDto[];

  @ApiProperty({ type: [PlanVersionViewDto], description: 'Every plan version, oldest first; none is ever changed' })
  versions!: PlanVersionViewDto[];

  @ApiProperty({ type: [ProgressEntryViewDto], description: '每日进度, in the order recorded' })
  progress!: ProgressEntryViewDto[];
}

export class ProjectIntervalsViewDto {
  @ApiProperty({ type: Number, nullable: true, description: 'Days from the registration date (Asia/Shanghai) to the signing date' })
  leadToSigningDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Days from signing to the completed equipment entry (签约到设备进场)' })
  signingToEquipmentEntryDays!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: 'Days from signing to production (签约到投产)' })
  signingToProductionDays!: number | null;
}

export class FulfilmentComparisonViewDto {
  @ApiProperty({ description: 'Contract investment (亿元)' })
  committedInvestmentYi!: number;

  @ApiProperty({ description: 'Investment in place / contract investment' })
  investmentRatio!: number;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Production on or before the committed date; null when unknown' })
  productionOnTime!: boolean | null;
}

export class FulfilmentCheckViewDto {
  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: ActorDto })
  checkedBy!: ActorDto;

  @ApiProperty({ description: '到位资金 (亿元)' })
  investmentInPlaceYi!: number;

  @ApiProperty({ description: 'Tax paid so far (万元)' })
  taxPaidWanYuan!: number;

  @ApiProperty()
  fulfilled!: boolean;

  @ApiProperty()
  note!: string;

  @ApiProperty({ type: FulfilmentComparisonViewDto })
  comparison!: FulfilmentComparisonViewDto;
}

export class FulfilmentViewDto {
  @ApiProperty({ format: 'date-time', description: 'When the next periodic check is due' })
  nextCheckDueAt!: string;

  @ApiProperty({ type: [FulfilmentCheckViewDto] })
  checks!: FulfilmentCheckViewDto[];
}

export class ClosureViewDto {
  @ApiProperty({ enum: ['completed', 'terminated'] })
  outcome!: 'completed' | 'terminated';

  @ApiProperty()
  reason!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Who approved a termination' })
  approver!: string | null;

  @ApiProperty({ type: ActorDto })
  closedBy!: ActorDto;

  @ApiProperty({ format: 'date-time' })
  closedAt!: string;
}

export class ProjectViewDto extends RecordKeepingViewDto {
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

  @ApiProperty({ type: ContractViewDto, nullable: true, description: '签约: null until the contract is recorded' })
  contract!: ContractViewDto | null;

  @ApiProperty({ type: HandoverViewDto, nullable: true, description: 'Handover to the Project Service Bureau: null until signing' })
  handover!: HandoverViewDto | null;

  @ApiProperty({ type: ConstructionViewDto, nullable: true, description: '建设期 milestone plan: null until it is laid out' })
  construction!: ConstructionViewDto | null;

  @ApiProperty({ type: FulfilmentViewDto, nullable: true, description: '履约: periodic checks after production; null before' })
  fulfilment!: FulfilmentViewDto | null;

  @ApiProperty({ type: ClosureViewDto, nullable: true, description: 'How the project ended (completed or terminated); null while open' })
  closure!: ClosureViewDto | null;

  @ApiProperty({ type: ProjectIntervalsViewDto, description: 'Headline intervals derived from recorded events; null while unknown' })
  intervals!: ProjectIntervalsViewDto;

  @ApiProperty({ type: [ClockViewDto], description: 'The intake clock, then the commissioner-assignment clock once signed' })
  clocks!: ClockViewDto[];
}
