import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { REFERENCE_DATA, type ReferenceData } from './reference-data';

@ApiTags('reference-data')
@ApiBearerAuth()
@Controller('reference-data')
export class ReferenceDataController {
  @Get()
  @ApiOperation({
    summary:
      'Chinese labels of every code the API accepts or returns: roles, stages, source channels, project kinds, info grades, clocks, contact and visit kinds, milestone kinds, funds sources, 500强 lists, 专精特新 levels, investor origins, intake actions, negotiation outcomes, investment bands, yes/no filters, department and chain kinds, alert recipients, target scopes, KPI periods, groupings and ids, leaderboard rankings, service request categories, ratings and statuses, SLA policies, alert kinds and channels, outbox statuses, webhook formats, security event kinds, audit actions and error codes',
  })
  @ApiOkResponse({
    description:
      '{ roles: [{ code, label }], stages: [...], sourceChannels, projectKinds, infoGrades, clocks, contactKinds, milestoneKinds, serviceCategories, satisfactionRatings, serviceStatuses, slaPolicies, notificationKinds, notificationChannels, outboxStatuses, webhookFormats, visitKinds, fundsSources, fortune500Lists, specializedSmeLevels, investorOrigins, intakeActions, negotiationOutcomes, investmentBands, booleanFilters, departmentKinds, industryChainKinds, alertRecipients, targetScopeKinds, kpiPeriods, kpiGroupBys, leaderboardBys, kpis, securityEventKinds, auditActions, errorCodes }',
  })
  get(): ReferenceData {
    return REFERENCE_DATA;
  }
}
