import { Body, Controller, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { IdempotencyKey } from '../../common/idempotency/idempotency-key.decorator';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency/idempotency-key';
import { ProjectViewDto } from '../projects/dto/project-view.dto';
import { RegisterLeadDto } from './dto/register-lead.dto';
import { RegisterLeadService } from './register-lead.service';

@ApiTags('leads')
@ApiBearerAuth()
@Controller('leads')
export class LeadsController {
  constructor(private readonly registerLead: RegisterLeadService) {}

  @Post()
  @RequirePermission('lead.register')
  @ApiOperation({ summary: 'Report a lead (全民招商); starts the project and its 48-hour intake clock' })
  @ApiHeader({ name: IDEMPOTENCY_HEADER, required: false, description: 'Repeat-safe key, 1..200 of [A-Za-z0-9_.:-]' })
  @ApiCreatedResponse({ type: ProjectViewDto, description: 'The registered project (the same project for a repeated key)' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED' })
  @ApiUnprocessableEntityResponse({ description: 'IDEMPOTENCY_CONFLICT: the key was used with a different request' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE: no workflow worker answered in time' })
  register(
    @CurrentUser() caller: AuthenticatedUser,
    @Body() body: RegisterLeadDto,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ProjectViewDto> {
    return this.registerLead.execute(caller, body, idempotencyKey);
  }
}
