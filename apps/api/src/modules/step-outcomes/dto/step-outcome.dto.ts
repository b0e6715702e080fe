import { ApiProperty } from '@nestjs/swagger';
import { HistoryItemDto } from '../../projects/dto/history.dto';
import { ProjectViewDto } from '../../projects/dto/project-view.dto';
import { ServiceRequestViewDto } from '../../service-requests/dto/service-request-view.dto';

export const STEP_OUTCOMES = ['applied', 'pending', 'not_applied'] as const;
export type StepOutcomeStatus = (typeof STEP_OUTCOMES)[number];

export class StepRefusalDto {
  @ApiProperty({ example: 'WRONG_STAGE' })
  code!: string;

  @ApiProperty()
  message!: string;
}

/**
 * Whether a step sent with this Idempotency-Key was applied. `applied` and `not_applied` are
 * final; `pending` means the engine holds the step and has not decided yet (ask again).
 */
export class StepOutcomeDto {
  @ApiProperty()
  idempotencyKey!: string;

  @ApiProperty({ enum: STEP_OUTCOMES, description: 'applied: in the audit log (event) · pending: held by the engine, not yet applied · not_applied: refused (refusal) or never reached the engine' })
  status!: StepOutcomeStatus;

  @ApiProperty({ type: HistoryItemDto, nullable: true, description: 'The audit event the step produced, when applied' })
  event!: HistoryItemDto | null;

  @ApiProperty({ type: StepRefusalDto, nullable: true, description: 'Why the engine refused the step, when it did' })
  refusal!: StepRefusalDto | null;

  @ApiProperty({ type: ProjectViewDto, nullable: true, description: 'The project now, when the step was applied to a project' })
  project!: ProjectViewDto | null;

  @ApiProperty({ type: ServiceRequestViewDto, nullable: true, description: 'The service request now, when the step was applied to one' })
  serviceRequest!: ServiceRequestViewDto | null;
}
