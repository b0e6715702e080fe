import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency/idempotency-key';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import type { Page } from '../../common/http/page';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { HistoryDto } from './dto/history.dto';
import { IntakeDecisionDto, toDecideIntakeCommand } from './dto/intake-decision.dto';
import { IntakeInfoDto, toProvideInfoCommand } from './dto/intake-info.dto';
import { ListProjectsQuery } from './dto/list-projects.query';
import { ProjectPageDto } from './dto/project-page.dto';
import { ProjectViewDto } from './dto/project-view.dto';
import { ProjectStepsService } from './project-steps.service';
import { ProjectsQueryService } from './projects-query.service';

const idempotencyHeader = ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'A repeat with the same key returns the first result' });

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

  @Post(':id/intake-decision')
  @HttpCode(200)
  @RequirePermission('intake.decide')
  @ApiOperation({ summary: '48-hour intake decision: accept, reject (reason) or request_info (missing)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @idempotencyHeader
  @ApiOkResponse({ type: ProjectViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'WRONG_STAGE' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' })
  decideIntake(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: IntakeDecisionDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.decideIntake(id, caller, toDecideIntakeCommand(body), idempotencyKey);
  }

  @Post(':id/intake-info')
  @HttpCode(200)
  @RequirePermission('intake.provide_info')
  @ApiOperation({ summary: 'Answer the open information request; the 48-hour clock resumes' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @idempotencyHeader
  @ApiOkResponse({ type: ProjectViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'WRONG_STAGE' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' })
  provideIntakeInfo(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: IntakeInfoDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.steps.provideIntakeInfo(id, caller, toProvideInfoCommand(body), idempotencyKey);
  }
}
