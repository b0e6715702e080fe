import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { INTAKE_ACTIONS, type DecideIntakeCommand, type IntakeAction } from '@zs/domain';
import { IsOptionalText } from '../../../common/validation/text.decorators';

/** Shape only; whether reason or missing is required for the action is the workflow's rule. */
export class IntakeDecisionDto {
  @ApiProperty({ enum: INTAKE_ACTIONS })
  @IsIn(INTAKE_ACTIONS, { message: `action must be one of: ${INTAKE_ACTIONS.join(', ')}` })
  action!: IntakeAction;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for reject' })
  @IsOptionalText(2000)
  reason?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for request_info: what is still missing' })
  @IsOptionalText(2000)
  missing?: string;
}

export function toDecideIntakeCommand(dto: IntakeDecisionDto): DecideIntakeCommand {
  return {
    action: dto.action,
    ...(dto.reason != null ? { reason: dto.reason } : {}),
    ...(dto.missing != null ? { missing: dto.missing } : {}),
  };
}
