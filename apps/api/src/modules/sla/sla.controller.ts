import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { POLICY_KEYS, type PolicyKey } from '@zs/domain';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { oneOfParam } from '../../common/validation/one-of-param.pipe';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { RecalculationDto, RecalculationStatusDto } from './dto/recalculation.dto';
import { CreateSlaPolicyVersionDto, SlaPolicyViewDto } from './dto/sla-policy.dto';
import { DueSoonQuery, OverdueSummaryDto, OverdueSummaryQuery, SlaClockFilterQuery, SlaClockPageDto, SlaTimelineDto, type SlaClockItemDto } from './dto/sla-views.dto';
import { SlaPoliciesService } from './sla-policies.service';
import { SlaRecalculationService } from './sla-recalculation.service';
import { SlaTimelineService } from './sla-timeline.service';
import { SlaViewsService } from './sla-views.service';

const policyKeyParam = oneOfParam('key', POLICY_KEYS);

@ApiTags('sla')
@ApiBearerAuth()
@Controller('sla')
export class SlaController {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly recalculation: SlaRecalculationService,
    private readonly views: SlaViewsService,
    private readonly timelines: SlaTimelineService,
  ) {}

  @Get('policies')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '时限策略: the current version of every SLA policy' })
  @ApiOkResponse({ type: [SlaPolicyViewDto] })
  listPolicies(): Promise<SlaPolicyViewDto[]> {
    return this.policies.current();
  }

  @Get('policies/:key/versions')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: 'Every version of one policy, newest first (who, when, why)' })
  @ApiParam({ name: 'key', enum: POLICY_KEYS })
  @ApiOkResponse({ type: [SlaPolicyViewDto] })
  policyHistory(@Param('key', policyKeyParam) key: PolicyKey): Promise<SlaPolicyViewDto[]> {
    return this.policies.history(key);
  }

  @Post('policies/:key/versions')
  @RequirePermission('sla.policy.manage')
  @ApiOperation({ summary: 'A new version of a policy: new clocks take it, running clocks keep theirs (until a recalculation)' })
  @ApiParam({ name: 'key', enum: POLICY_KEYS })
  @ApiCreatedResponse({ type: SlaPolicyViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (details name the field)' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_ROLE' })
  createPolicyVersion(@Param('key', policyKeyParam) key: PolicyKey, @Body() body: CreateSlaPolicyVersionDto, @CurrentUser() caller: AuthenticatedUser): Promise<SlaPolicyViewDto> {
    return this.policies.createVersion(key, body, caller);
  }

  @Post('recalculations')
  @HttpCode(202)
  @RequirePermission('sla.policy.manage')
  @ApiOperation({
    summary: '重新计算: running clocks adopt the latest policy version or the current calendar, keeping elapsed and paused time (audited)',
    description: 'Accepted at once; a background workflow signals every workflow with an open clock. Follow it at GET /sla/recalculations/:requestId.',
  })
  @ApiAcceptedResponse({ type: RecalculationStatusDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED (details name the field)' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN_ROLE' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE: Temporal refused the request; nothing was started or audited' })
  recalculate(@Body() body: RecalculationDto, @CurrentUser() caller: AuthenticatedUser): Promise<RecalculationStatusDto> {
    return this.recalculation.request(body, caller);
  }

  @Get('recalculations/:requestId')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '重新计算进度: what was asked, by whom, and how many workflows the request has reached' })
  @ApiParam({ name: 'requestId', format: 'uuid' })
  @ApiOkResponse({ type: RecalculationStatusDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  recalculationStatus(@Param('requestId', uuidParam('requestId')) requestId: string): Promise<RecalculationStatusDto> {
    return this.recalculation.status(requestId);
  }

  @Get('overdue')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '超时事项: open clocks past their deadline, oldest deadline first' })
  @ApiOkResponse({ type: SlaClockPageDto })
  overdue(@Query() query: SlaClockFilterQuery): Promise<Page<SlaClockItemDto>> {
    return this.views.overdue(query);
  }

  @Get('overdue/summary')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '督办汇总: overdue clocks counted by department and escalation level' })
  @ApiOkResponse({ type: OverdueSummaryDto })
  overdueSummary(@Query() query: OverdueSummaryQuery): Promise<OverdueSummaryDto> {
    return this.views.overdueSummary(query);
  }

  @Get('due-soon')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '即将到期: open clocks whose deadline falls within the next withinHours hours' })
  @ApiOkResponse({ type: SlaClockPageDto })
  dueSoon(@Query() query: DueSoonQuery): Promise<Page<SlaClockItemDto>> {
    return this.views.dueSoon(query);
  }

  @Get('projects/:id/timeline')
  @RequirePermission('sla.read')
  @ApiOperation({ summary: '时限轨迹: every clock of a project and its service requests, event by event' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: SlaTimelineDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  timeline(@Param('id', uuidParam('id')) id: string): Promise<SlaTimelineDto> {
    return this.timelines.timeline(id);
  }
}
