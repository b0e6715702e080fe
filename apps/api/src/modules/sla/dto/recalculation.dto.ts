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

const STATUSES = ['running', 'completed', 'failed'] as const;

/** A recalculation request and how far it has got (GET /sla/recalculations/:requestId). */
export class RecalculationStatusDto {
  @ApiProperty({ format: 'uuid' }) requestId!: string;
  @ApiProperty({ enum: SCOPES }) scope!: (typeof SCOPES)[number];
  @ApiProperty({ enum: POLICY_KEYS, nullable: true, type: String, description: 'null: every open clock' }) policyKey!: PolicyKey | null;
  @ApiProperty() reason!: string;
  @ApiProperty({ description: 'The administrator who asked' }) requestedBy!: string;
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ enum: STATUSES, description: 'running 进行中 · completed 已完成 · failed 未完成（可重新发起）' }) status!: (typeof STATUSES)[number];
  @ApiProperty({ description: 'Workflows with an open clock when the request was made' }) openWorkflowsAtRequest!: number;
  @ApiProperty({ description: 'Workflows signalled so far (each recalculates its open clocks once)' }) signalled!: number;
  @ApiProperty({ description: 'Workflows that had ended before their signal: nothing to recalculate' }) ended!: number;
}
