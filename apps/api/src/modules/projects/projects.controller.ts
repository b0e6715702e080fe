import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { MILESTONE_KINDS, PROJECT_CLOCK_SLOTS, type ClockName, type MilestoneKind } from '@zs/domain';
import { ClockPauseDto, toClockPauseCommand } from '../../common/sla/clock-pause.dto';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { StepEndpoint } from '../../common/http/step-endpoint.decorator';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import type { Page } from '../../common/http/page';
import { oneOfParam } from '../../common/validation/one-of-param.pipe';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { AssignCommissionerDto, toAssignCommissionerCommand } from './dto/assign-commissioner.dto';
import {
  CompleteMilestoneDto,
  LogProgressDto,
  RecordProductionDto,
  toCompleteMilestoneCommand,
  toLogProgressCommand,
  toRecordProductionCommand,
} from './dto/construction-steps.dto';
import { HistoryDto } from './dto/history.dto';
import { IntakeDecisionDto, toDecideIntakeCommand } from './dto/intake-decision.dto';
import { IntakeInfoDto, toProvideInfoCommand } from './dto/intake-info.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { EstablishPlanDto, RebaselineDto, toEstablishPlanCommand, toRebaselineCommand } from './dto/milestone-plan.dto';
import { RecordContactDto, toRecordContactCommand } from './dto/negotiation-contact.dto';
import { NegotiationOutcomeDto, toConcludeNegotiationCommand } from './dto/negotiation-outcome.dto';
import { ProjectPageDto } from './dto/project-page.dto';
import { ProjectViewDto } from './dto/project-view.dto';
import { SignContractDto, toSignContractCommand } from './dto/sign-contract.dto';
import {
  CompleteProjectDto,
  FulfilmentCheckDto,
  TerminateContractDto,
  toCompleteProjectCommand,
  toFulfilmentCheckCommand,
  toTerminateContractCommand,
} from './dto/fulfilment-steps.dto';
import { ProjectStepsService } from './project-steps.service';
import { ProjectsQueryService } from './projects-query.service';

const PROJECT_CLOCKS = PROJECT_CLOCK_SLOTS.map((s) => s.name);
const CLOCK_PARAM = [{ name: 'clock', enum: PROJECT_CLOCKS, description: 'The project clock' }] as const;

@ApiTags('projects')
@ApiBearerAuth()
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly query: ProjectsQueryService,
    private readonly steps: ProjectStepsService,
  ) {}

  @Get()
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'List projects from the read model' })
  @ApiOkResponse({ type: ProjectPageDto })
  list(@Query() query: ListProjectsQuery): Promise<Page<ProjectViewDto>> {
    return this.query.list(query);
  }

  @Get(':id')
  @RequirePermission('project.read')
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProjectViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<ProjectViewDto> {
    return this.query.get(id);
  }

  @Get(':id/history')
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'The append-only audit trail of a project, oldest first' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: HistoryDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  history(@Param('id', uuidParam('id')) id: string): Promise<HistoryDto> {
    return this.query.history(id);
  }

  @StepEndpoint('intake-decision', 'intake.decide', '48-hour intake decision: accept, reject (reason) or request_info (missing)', ProjectViewDto)
  decideIntake(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: IntakeDecisionDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.decideIntake(id, caller, toDecideIntakeCommand(body), idempotencyKey);
  }

  @StepEndpoint('intake-info', 'intake.provide_info', 'Answer the open information request; the 48-hour clock resumes', ProjectViewDto)
  provideIntakeInfo(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: IntakeInfoDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.provideIntakeInfo(id, caller, toProvideInfoCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'negotiation-contacts',
    'negotiation.record_contact',
    '洽谈: record a visit, site inspection, meeting or call; the follow-up cadence restarts',
    ProjectViewDto,
  )
  recordNegotiationContact(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RecordContactDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.recordNegotiationContact(id, caller, toRecordContactCommand(body), idempotencyKey);
  }

  @StepEndpoint('negotiation-outcome', 'negotiation.conclude', '洽谈结果: proceed to signing, or lost (reason)', ProjectViewDto)
  concludeNegotiation(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: NegotiationOutcomeDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.concludeNegotiation(id, caller, toConcludeNegotiationCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'contract',
    'signing.record_contract',
    '签约: record the contract (committed dates, space taken); the project moves to construction and the commissioner clock starts',
    ProjectViewDto,
  )
  signContract(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: SignContractDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.signContract(id, caller, toSignContractCommand(body), idempotencyKey);
  }

  @StepEndpoint('commissioner', 'handover.assign_commissioner', '项目专员: assign (or reassign) the commissioner; the first assignment stops the clock', ProjectViewDto)
  assignCommissioner(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: AssignCommissionerDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.assignCommissioner(id, caller, toAssignCommissionerCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'milestone-plan',
    'construction.manage_plan',
    '节点计划: lay out every template node with who is responsible and when it is due (plan version 1)',
    ProjectViewDto,
  )
  establishMilestonePlan(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: EstablishPlanDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.establishMilestonePlan(id, caller, toEstablishPlanCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'milestones/:kind/complete',
    'construction.complete_milestone',
    '节点完成: complete a node with its date and evidence (production is recorded with POST /projects/{id}/production)',
    ProjectViewDto,
    [{ name: 'kind', enum: MILESTONE_KINDS, description: 'The milestone node' }],
  )
  completeMilestone(
    @Param('id', uuidParam('id')) id: string,
    @Param('kind', oneOfParam('kind', MILESTONE_KINDS)) kind: MilestoneKind,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: CompleteMilestoneDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.completeMilestone(id, caller, toCompleteMilestoneCommand(kind, body), idempotencyKey);
  }

  @StepEndpoint('progress', 'construction.log_progress', '每日进度: log the day\'s construction progress', ProjectViewDto)
  logConstructionProgress(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: LogProgressDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.logConstructionProgress(id, caller, toLogProgressCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'milestone-plan/rebaseline',
    'construction.manage_plan',
    '计划调整: new due dates for open nodes, with a reason; adds a plan version, earlier versions stay as they were',
    ProjectViewDto,
  )
  rebaselinePlan(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RebaselineDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.rebaselinePlan(id, caller, toRebaselineCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'production',
    'construction.record_production',
    '投产: record the production date once every other node is complete; the project passes to the Enterprise Service Bureau',
    ProjectViewDto,
  )
  recordProduction(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RecordProductionDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.recordProduction(id, caller, toRecordProductionCommand(body), idempotencyKey);
  }

  @StepEndpoint('fulfilment-checks', 'fulfilment.check', '履约检查: record committed against actual figures (investment in place, production, tax)', ProjectViewDto)
  recordFulfilmentCheck(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: FulfilmentCheckDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.recordFulfilmentCheck(id, caller, toFulfilmentCheckCommand(body), idempotencyKey);
  }

  @StepEndpoint('completion', 'project.close', '履约完成: close a project whose latest fulfilment check found the contract fulfilled', ProjectViewDto)
  completeProject(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: CompleteProjectDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.completeProject(id, caller, toCompleteProjectCommand(body), idempotencyKey);
  }

  @StepEndpoint('termination', 'project.close', '合同终止: terminate a signed contract, with the reason and who approved it', ProjectViewDto)
  terminateContract(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: TerminateContractDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.terminateContract(id, caller, toTerminateContractCommand(body), idempotencyKey);
  }

  @StepEndpoint('clocks/:clock/pause', 'sla.pause_clock', '暂停计时: stop a running clock with a reason; its remaining time is kept exactly', ProjectViewDto, CLOCK_PARAM)
  pauseClock(
    @Param('id', uuidParam('id')) id: string,
    @Param('clock', oneOfParam('clock', PROJECT_CLOCKS)) clock: ClockName,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ClockPauseDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.pauseClock(id, caller, toClockPauseCommand(clock, body), idempotencyKey);
  }

  @StepEndpoint('clocks/:clock/resume', 'sla.pause_clock', '恢复计时: the clock runs on with the remaining time it had when paused', ProjectViewDto, CLOCK_PARAM)
  resumeClock(
    @Param('id', uuidParam('id')) id: string,
    @Param('clock', oneOfParam('clock', PROJECT_CLOCKS)) clock: ClockName,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ClockPauseDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.resumeClock(id, caller, toClockPauseCommand(clock, body), idempotencyKey);
  }
}
