import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency/idempotency-key';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { ListProjectServiceRequestsQuery } from './dto/list-service-requests.query';
import { RaiseServiceRequestDto, toRaiseServiceRequestCommand } from './dto/service-request-commands.dto';
import { ServiceRequestPageDto, ServiceRequestViewDto } from './dto/service-request-view.dto';
import { ServiceRequestStepsService } from './service-request-steps.service';
import { ServiceRequestsQueryService } from './service-requests-query.service';

/** A project's service requests: raised on the project (企业点单), listed per project. */
@ApiTags('service-requests')
@ApiBearerAuth()
@Controller('projects')
export class ProjectServiceRequestsController {
  constructor(
    private readonly query: ServiceRequestsQueryService,
    private readonly steps: ServiceRequestStepsService,
  ) {}

  @Post(':id/service-requests')
  @RequirePermission('service.raise')
  @ApiOperation({
    summary: '企业点单: record a firm\'s request after production and dispatch it to a department; its one-day acceptance clock starts',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The project id' })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'A repeat with the same key returns the same request; the same key with another body is refused (422)' })
  @ApiCreatedResponse({ type: ServiceRequestViewDto, description: 'The request, dispatched' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such project' })
  @ApiConflictResponse({ description: 'WRONG_STAGE: the project is not in the service stage (after production)' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_CONFLICT' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' })
  raise(
    @Param('id', uuidParam('id')) id: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RaiseServiceRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.raise(id, caller, toRaiseServiceRequestCommand(body), idempotencyKey);
  }

  @Get(':id/service-requests')
  @RequirePermission('project.read')
  @ApiOperation({ summary: "The project's service requests from the read model, newest first" })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The project id' })
  @ApiOkResponse({ type: ServiceRequestPageDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: no such project' })
  list(@Param('id', uuidParam('id')) id: string, @Query() query: ListProjectServiceRequestsQuery): Promise<Page<ServiceRequestViewDto>> {
    return this.query.listOfProject(id, query);
  }
}
