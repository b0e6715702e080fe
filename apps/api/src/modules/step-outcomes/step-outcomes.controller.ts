import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { parseIdempotencyKey } from '../../common/idempotency/idempotency-key';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { StepOutcomeDto } from './dto/step-outcome.dto';
import { StepOutcomesService } from './step-outcomes.service';

const KEY_PARAM = { name: 'idempotencyKey', description: 'The Idempotency-Key the step was sent with (or the one a 503 answer named)', pattern: '^[A-Za-z0-9_.:-]{1,200}$' };

@ApiTags('steps')
@ApiBearerAuth()
@Controller()
export class StepOutcomesController {
  constructor(private readonly outcomes: StepOutcomesService) {}

  @Get('projects/:id/steps/:idempotencyKey')
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'Was my step applied? The outcome of a project step sent with this Idempotency-Key (after a 503 or a lost connection)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: StepOutcomeDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' })
  ofProjectStep(@Param('id', uuidParam('id')) id: string, @Param('idempotencyKey') key: string, @CurrentUser() caller: AuthenticatedUser): Promise<StepOutcomeDto> {
    return this.outcomes.ofProjectStep(id, caller, parseIdempotencyKey(key)!);
  }

  @Get('service-requests/:requestId/steps/:idempotencyKey')
  @RequirePermission('project.read')
  @ApiOperation({ summary: 'Was my step applied? The outcome of a service-request step sent with this Idempotency-Key' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiParam(KEY_PARAM)
  @ApiOkResponse({ type: StepOutcomeDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE' })
  ofServiceRequestStep(@Param('requestId', uuidParam('requestId')) requestId: string, @Param('idempotencyKey') key: string, @CurrentUser() caller: AuthenticatedUser): Promise<StepOutcomeDto> {
    return this.outcomes.ofServiceRequestStep(requestId, caller, parseIdempotencyKey(key)!);
  }
}
