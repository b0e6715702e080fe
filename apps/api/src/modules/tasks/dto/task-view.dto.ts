import { ApiProperty } from '@nestjs/swagger';
import { ROLES, STAGES, type Role, type Stage } from '@zs/domain';
import { PageDtoOf } from '../../../common/http/page.dto';

export class TaskAssigneeDto {
  @ApiProperty({ enum: ROLES })
  role!: Role;

  @ApiProperty({ type: String, nullable: true, description: 'set when the task is one person\'s; null when any member of the role may take it' })
  userId!: string | null;
}

/** One step a project (or one of its service requests) is waiting for, derived from its current state. */
export class TaskViewDto {
  @ApiProperty({ format: 'uuid' })
  projectId!: string;

  @ApiProperty()
  companyName!: string;

  @ApiProperty({ enum: STAGES })
  stage!: Stage;

  @ApiProperty()
  stageLabel!: string;

  @ApiProperty({
    description:
      'Stable code: intake.decide, intake.provide_info, negotiation.follow_up, signing.record_contract, ' +
      'handover.assign_commissioner, construction.plan, construction.milestone:<kind>, construction.record_production, fulfilment.check; ' +
      'for a service request service.accept:<requestId>, service.resolve:<requestId>, service.rate:<requestId>',
    example: 'construction.milestone:company_registration',
  })
  step!: string;

  @ApiProperty({ example: '完成节点：公司注册' })
  stepLabel!: string;

  @ApiProperty({ type: TaskAssigneeDto })
  assignee!: TaskAssigneeDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "null when the step has no deadline (no SLA, the firm's information awaited); while its clock is paused, the time left counted from the request" })
  deadlineAt!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: 'milliseconds left at the time of the request; negative once overdue' })
  remainingMs!: number | null;

  @ApiProperty({ description: 'the deadline has passed' })
  overdue!: boolean;
}

export const TaskPageDto = PageDtoOf(TaskViewDto, 'TaskPageDto');
