import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { StepEndpoint } from '../../common/http/step-endpoint.decorator';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { emptyBody } from '../../common/validation/empty-body.pipe';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { oneOfParam } from '../../common/validation/one-of-param.pipe';
import { ClockPauseDto, toClockPauseCommand } from '../../common/sla/clock-pause.dto';
import { SERVICE_CLOCK_SLOTS, type ClockName } from '@zs/domain';
import { ListServiceRequestsQuery } from './dto/list-service-requests.query';
import {
  RateServiceRequestDto,
  ResolveServiceRequestDto,
  TransferServiceRequestDto,
  toRateServiceRequestCommand,
  toResolveServiceRequestCommand,
  toTransferServiceRequestCommand,
} from './dto/service-request-commands.dto';
import { ServiceRequestPageDto, ServiceRequestViewDto } from './dto/service-request-view.dto';
import { ServiceRequestStepsService } from './service-request-steps.service';
import { ServiceRequestsQueryService } from './service-requests-query.service';

const REQUEST_ID = 'requestId';
const SERVICE_CLOCKS = SERVICE_CLOCK_SLOTS.map((s) => s.name);
const CLOCK_PARAM = [{ name: 'clock', enum: SERVICE_CLOCKS, description: 'The request clock' }] as const;

/** Service requests across projects (the service bureaus' desk), and the steps on each one. */
@ApiTags('service-requests')
@ApiBearerAuth()
@Controller('service-requests')
export class ServiceRequestsController {
  constructor(
    private readonly query: ServiceRequestsQueryService,
    private readonly steps: ServiceRequestStepsService,
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

  @StepEndpoint('accept', 'service.handle', '部门接单: the department takes the request; the resolve clock of its category starts', ServiceRequestViewDto, [], REQUEST_ID)
  @ApiBody({ required: false, description: 'No input: no body, or an empty JSON object', schema: { type: 'object', maxProperties: 0 } })
  accept(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body(emptyBody) _body: Record<string, never>,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.accept(requestId, caller, idempotencyKey);
  }

  @StepEndpoint(
    'transfer',
    'service.handle',
    'A department that does not own the request passes it on, with the reason; the acceptance clock starts again',
    ServiceRequestViewDto,
    [],
    REQUEST_ID,
  )
  transfer(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: TransferServiceRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.transfer(requestId, caller, toTransferServiceRequestCommand(body), idempotencyKey);
  }

  @StepEndpoint('resolve', 'service.handle', '问题销单: record how the request was resolved; it waits for the firm\'s rating', ServiceRequestViewDto, [], REQUEST_ID)
  resolve(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ResolveServiceRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.resolve(requestId, caller, toResolveServiceRequestCommand(body), idempotencyKey);
  }

  @StepEndpoint(
    'rating',
    'service.rate',
    '评价: the firm\'s rating, recorded by the bureau; satisfied or basically satisfied closes the request, unsatisfied reopens it',
    ServiceRequestViewDto,
    [],
    REQUEST_ID,
  )
  rate(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RateServiceRequestDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.rate(requestId, caller, toRateServiceRequestCommand(body), idempotencyKey);
  }

  @StepEndpoint('clocks/:clock/pause', 'sla.pause_clock', '暂停计时: stop the running clock with a reason (e.g. waiting for the firm)', ServiceRequestViewDto, CLOCK_PARAM, REQUEST_ID)
  pauseClock(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @Param('clock', oneOfParam('clock', SERVICE_CLOCKS)) clock: ClockName,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ClockPauseDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.pauseClock(requestId, caller, toClockPauseCommand(clock, body), idempotencyKey);
  }

  @StepEndpoint('clocks/:clock/resume', 'sla.pause_clock', '恢复计时: the clock runs on with its remaining time', ServiceRequestViewDto, CLOCK_PARAM, REQUEST_ID)
  resumeClock(
    @Param(REQUEST_ID, uuidParam(REQUEST_ID)) requestId: string,
    @Param('clock', oneOfParam('clock', SERVICE_CLOCKS)) clock: ClockName,
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: ClockPauseDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ServiceRequestViewDto> {
    return this.steps.resumeClock(requestId, caller, toClockPauseCommand(clock, body), idempotencyKey);
  }
}
