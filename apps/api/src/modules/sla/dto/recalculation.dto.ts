import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { POLICY_KEYS, type PolicyKey } from '@zs/domain';
import { IsText } from '../../../common/validation/text.decorators';

const SCOPES = ['policy', 'calendar'] as const;

/** 重新计算: running clocks adopt the latest policy version, or the current calendar; elapsed and paused time are kept. */
export class RecalculationDto {
  @ApiProperty({ enum: SCOPES, description: "policy: adopt each policy's latest version; calendar: same version, today's calendar" })
  @IsIn(SCOPES, { message: `scope must be one of: ${SCOPES.join(', ')}` })
  scope!: (typeof SCOPES)[number];

  @ApiPropertyOptional({ enum: POLICY_KEYS, description: 'Only clocks of this policy (default: every open clock)' })
  @IsIn(POLICY_KEYS, { message: 'policyKey must be one of the policy keys (GET /sla/policies)' })
  @IsOptional()
  policyKey?: PolicyKey;

  @ApiProperty({ maxLength: 2000, example: '2027年放假安排已发布，更新日历' })
  @IsText(2000)
  reason!: string;
}

export class RecalculationResultDto {
  @ApiProperty() requestId!: string;
  @ApiProperty({ description: 'Workflows signalled (each recalculates its open clocks once)' }) workflows!: number;
}
