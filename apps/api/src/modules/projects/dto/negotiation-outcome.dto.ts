import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NEGOTIATION_OUTCOMES, type ConcludeNegotiationCommand, type NegotiationOutcomeKind } from '@zs/domain';
import { IsOptionalText } from '../../../common/validation/text.decorators';

/** Shape only; that a lost project needs its reason is the workflow's rule. */
export class NegotiationOutcomeDto {
  @ApiProperty({ enum: NEGOTIATION_OUTCOMES, description: 'proceed → 签约 (signing); lost → 项目流失' })
  @IsIn(NEGOTIATION_OUTCOMES, { message: `outcome must be one of: ${NEGOTIATION_OUTCOMES.join(', ')}` })
  outcome!: NegotiationOutcomeKind;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for lost' })
  @IsOptionalText(2000)
  reason?: string;
}

export function toConcludeNegotiationCommand(dto: NegotiationOutcomeDto): ConcludeNegotiationCommand {
  return { outcome: dto.outcome, ...(dto.reason != null ? { reason: dto.reason } : {}) };
}
