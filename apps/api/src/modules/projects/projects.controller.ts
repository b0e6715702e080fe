import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { StepEndpoint } from '../../common/http/step-endpoint.decorator';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import type { Page } from '../../common/http/page';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { HistoryDto } from './dto/history.dto';
import { IntakeDecisionDto, toDecideIntakeCommand } from './dto/intake-decision.dto';
import { IntakeInfoDto, toProvideInfoCommand } from './dto/intake-info.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { RecordContactDto, toRecordContactCommand } from './dto/negotiation-contact.dto';
import { NegotiationOutcomeDto, toConcludeNegotiationCommand } from './dto/negotiation-outcome.dto';
import { ProjectPageDto } from './dto/project-page.dto';
import { ProjectViewDto } from './dto/project-view.dto';
import { ProjectStepsService } from './project-steps.service';
import { ProjectsQueryService } from './projects-query.service';

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
}
