import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsObject, IsOptional, IsString, ValidateNested } from 'class-validator';
import { ALERT_RECIPIENTS, CLOCK_NAMES, type AlertRecipient, type ClockName, type SlaDuration } from '@zs/domain';
import { IsText } from '../../../common/validation/text.decorators';

const DURATION_UNITS = ['hours', 'working_days', 'due_date'] as const;
const nestedEach = { each: true, message: ({ property }: { property: string }) => `each item of ${property} must be an object` };
const list = { message: ({ property }: { property: string }) => `${property} must be an array` };
const recipient = { message: ({ property }: { property: string }) => `${property} must be one of: ${ALERT_RECIPIENTS.join(', ')}` };
const RECIPIENT_DESCRIPTION = "A role, or 'responsible' (follow-up and milestone policies only): the lead's owner, the node's responsible person, by name";
const num = { message: ({ property }: { property: string }) => `${property} must be a number` };

export class SlaDurationDto {
  @ApiProperty({ enum: DURATION_UNITS, description: "hours: wall-clock (follow-up cadences and the fulfilment check period: hours only); working_days: N working days ending at endsAt (Asia/Shanghai); due_date: the node's own due date (milestones)" })
  @IsIn(DURATION_UNITS, { message: `unit must be one of: ${DURATION_UNITS.join(', ')}` })
  unit!: SlaDuration['unit'];

  @ApiPropertyOptional({ example: 48, description: 'For unit=hours (may be fractional)' })
  @IsNumber({}, num)
  @IsOptional()
  hours?: number;

  @ApiPropertyOptional({ example: 3, description: 'For unit=working_days' })
  @IsNumber({}, num)
  @IsOptional()
  days?: number;

  @ApiPropertyOptional({ example: '17:30', description: 'For unit=working_days: the time of day the last working day ends (default 17:30)' })
  @IsString({ message: 'endsAt must be a string HH:MM' })
  @IsOptional()
  endsAt?: string;
}

export class WarningLevelDto {
  @ApiProperty({ example: 0.75, description: 'Share of the (working) time to the deadline, strictly between 0 and 1' })
  @IsNumber({}, num)
  fraction!: number;

  @ApiProperty({ enum: ALERT_RECIPIENTS, description: RECIPIENT_DESCRIPTION })
  @IsIn(ALERT_RECIPIENTS, recipient)
  notify!: AlertRecipient;

  @ApiPropertyOptional({ example: '项目服务局', description: 'Narrows the recipients to one department' })
  @IsText(200)
  @IsOptional()
  department?: string;
}

export class EscalationLevelDto {
  @ApiProperty({ example: 24, description: 'Wall-clock hours after the breach (0 = at the deadline)' })
  @IsNumber({}, num)
  afterBreachHours!: number;

  @ApiProperty({ enum: ALERT_RECIPIENTS, description: RECIPIENT_DESCRIPTION })
  @IsIn(ALERT_RECIPIENTS, recipient)
  notify!: AlertRecipient;

  @ApiPropertyOptional({ example: '管委会' })
  @IsText(200)
  @IsOptional()
  department?: string;
}

/** A new version of one policy. Running clocks keep theirs; new clocks take this one. */
export class CreateSlaPolicyVersionDto {
  @ApiProperty({ type: SlaDurationDto })
  @ValidateNested({ message: 'duration must be an object' })
  @Type(() => SlaDurationDto)
  @IsObject({ message: 'duration must be an object' })
  duration!: SlaDurationDto;

  @ApiPropertyOptional({ type: [WarningLevelDto], maxItems: 5, description: 'Default: 50 % and 75 % to the clock owner; none (and none allowed) for the cadences: follow-up, milestone, fulfilment check' })
  @ValidateNested(nestedEach)
  @Type(() => WarningLevelDto)
  @ArrayMaxSize(5, { message: 'warnings must have at most 5 items' })
  @IsArray(list)
  @IsOptional()
  warnings?: WarningLevelDto[];

  @ApiProperty({ type: [EscalationLevelDto], minItems: 1, maxItems: 6 })
  @ValidateNested(nestedEach)
  @Type(() => EscalationLevelDto)
  @ArrayMaxSize(6, { message: 'escalations must have at most 6 items' })
  @IsArray(list)
  escalations!: EscalationLevelDto[];

  @ApiProperty({ maxLength: 2000, example: '管委会2026年第12次主任办公会：企业接单时限调整为2个工作日' })
  @IsText(2000)
  reason!: string;
}

export class SlaPolicyViewDto {
  @ApiProperty() key!: string;
  @ApiProperty({ description: 'e.g. 问题销单（复杂）' }) label!: string;
  @ApiProperty({ enum: CLOCK_NAMES }) clock!: ClockName;
  @ApiProperty() clockLabel!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: SlaDurationDto }) duration!: SlaDuration;
  @ApiProperty({ description: 'e.g. 5个工作日（17:30截止）' }) durationLabel!: string;
  @ApiProperty({ type: [WarningLevelDto] }) warnings!: WarningLevelDto[];
  @ApiProperty({ type: [EscalationLevelDto] }) escalations!: EscalationLevelDto[];
  @ApiProperty() reason!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}
