import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFERENCE_DATA, type ReferenceData } from './reference-data';

@ApiTags('reference-data')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  @Get()
  @ApiOperation({ summary: 'Chinese labels of roles, stages, source channels, project kinds, info grades, clocks, negotiation contact kinds, construction milestone kinds, service request categories, ratings and statuses, SLA policies, alert kinds and channels, outbox statuses and webhook formats' })
  @ApiOkResponse({ description: '{ roles: [{ code, label }], stages: [...], sourceChannels, projectKinds, infoGrades, clocks, contactKinds, milestoneKinds, serviceCategories, satisfactionRatings, serviceStatuses, slaPolicies, notificationKinds, notificationChannels, outboxStatuses, webhookFormats }' })
  get(): ReferenceData {
    return REFERENCE_DATA;
  }
}
