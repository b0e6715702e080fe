import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { serveStepRoutes } from '../../common/http/step-routes';
import { SERVICE_REQUEST_STEPS, type ServiceRequestStepId } from '@zs/contracts';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { ListServiceRequestsQuery } from './dto/list-service-requests.query';
import { ServiceRequestPageDto, ServiceRequestViewDto } from './dto/service-request-view.dto';
import { SERVICE_REQUEST_STEP_HTTP } from './service-request-step-http';
import { ServiceRequestStepsService } from './service-request-steps.service';
import { ServiceRequestsQueryService } from './service-requests-query.service';

const REQUEST_ID = 'requestId';

/** Service requests across projects (the service bureaus' desk), and the steps on each one. */
@ApiTags('service-requests')
@ApiBearerAuth()
@Controller('service-requests')
export class ServiceRequestsController {
  constructor(
    private readonly query: ServiceRequestsQueryService,
    readonly steps: ServiceRequestStepsService,
  ) {}

  @Get()
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'Service requests of every project from the read model, newest first; by status, department and category' })
  @ApiOkResponse({ type: ServiceRequestPageDto })
  list(@Query() query: ListServiceRequestsQuery): Promise<Page<ServiceRequestViewDto>> {
    return this.query.list(query);
  }

  @Get(`:${REQUEST_ID}`)
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'One service request from the read model' })
  @ApiParam({ name: REQUEST_ID, format: 'uuid' })
  @ApiOkResponse({ type: ServiceRequestViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string): Promise<ServiceRequestViewDto> {
    return this.query.get(requestId);
  }
}

// Every step of the service-request catalogue (libs/contracts/src/steps/service-request-steps.ts)
// as POST /service-requests/:requestId/<path>, with its DTO (service-request-step-http.ts).
serveStepRoutes(ServiceRequestsController, SERVICE_REQUEST_STEPS, SERVICE_REQUEST_STEP_HTTP, {
  idParam: REQUEST_ID,
  responseType: ServiceRequestViewDto,
  run: (controller, stepId, requestId, caller, body, params, idempotencyKey) =>
    controller.steps.runStep(stepId as ServiceRequestStepId, requestId, caller, body, params, idempotencyKey),
});
