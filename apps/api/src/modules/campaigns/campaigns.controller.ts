import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import type { Page } from '../../common/http/page';
import { PaginationQuery } from '../../common/validation/pagination.query';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { CampaignLeaderboardService } from './campaign-leaderboard.service';
import { CampaignsService } from './campaigns.service';
import { CampaignLeaderboardDto, CampaignSnapshotDto } from './dto/campaign-leaderboard.dto';
import { CampaignProjectPageDto, type CampaignProjectDto } from './dto/campaign-project.dto';
import { LeaderboardQuery, ListCampaignsQuery } from './dto/campaign-queries';
import { CampaignRosterDto } from './dto/campaign-roster.dto';
import { CampaignDto, CampaignPageDto } from './dto/campaign-view.dto';
import { CreateCampaignDto, UpdateCampaignDto } from './dto/campaign-write.dto';

const ID_PARAM = { name: 'id', format: 'uuid', description: 'campaign id' };
const NOT_FOUND = { description: 'NOT_FOUND: no such campaign' };
const FORBIDDEN = { description: 'FORBIDDEN_ROLE: only 管委会领导 and 经济合作局局长 manage campaigns' };

/** 招商攻势 / 行动: read by all staff; run by zone leadership and the Economic Cooperation Bureau head (every change audited). */
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly boards: CampaignLeaderboardService,
  ) {}

  @Get()
  @RequirePermission('campaigns.read')
  @ApiOperation({ summary: 'Campaigns, latest period first; activeOn keeps those whose period includes that day' })
  @ApiOkResponse({ type: CampaignPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  list(@Query() query: ListCampaignsQuery): Promise<Page<CampaignDto>> {
    return this.campaigns.list(query);
  }

  @Post()
  @RequirePermission('campaigns.manage')
  @ApiOperation({ summary: 'Create a campaign (name, period, targets); recorded in the admin audit log' })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field (e.g. endsOn before startsOn)' })
  @ApiForbiddenResponse(FORBIDDEN)
  create(@Body() body: CreateCampaignDto, @CurrentUser() caller: AuthenticatedUser): Promise<CampaignDto> {
    return this.campaigns.create(body, caller);
  }

  @Get(':id')
  @RequirePermission('campaigns.read')
  @ApiOperation({ summary: 'One campaign with its roster and status' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CampaignDto })
  @ApiNotFoundResponse(NOT_FOUND)
  get(@Param('id', uuidParam('id')) id: string): Promise<CampaignDto> {
    return this.campaigns.get(id);
  }

  @Patch(':id')
  @RequirePermission('campaigns.manage')
  @ApiOperation({ summary: 'Change name, description, period or targets (fields sent only); audited; refused once frozen' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CAMPAIGN_FROZEN: the leaderboard is frozen' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateCampaignDto, @CurrentUser() caller: AuthenticatedUser): Promise<CampaignDto> {
    return this.campaigns.update(id, body, caller);
  }

  @Put(':id/roster')
  @RequirePermission('campaigns.manage')
  @ApiOperation({ summary: 'Replace the roster: teams (小分队) and officers taking part; audited; refused once frozen' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CampaignDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming teamIds or officerUserIds (unknown or inactive ids listed)' })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CAMPAIGN_FROZEN: the leaderboard is frozen' })
  setRoster(@Param('id', uuidParam('id')) id: string, @Body() body: CampaignRosterDto, @CurrentUser() caller: AuthenticatedUser): Promise<CampaignDto> {
    return this.campaigns.setRoster(id, body, caller);
  }

  @Get(':id/projects')
  @RequirePermission('campaigns.read')
  @ApiOperation({ summary: 'The projects credited to the campaign (latest registration first), with the figures the leaderboard counts' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CampaignProjectPageDto })
  @ApiNotFoundResponse(NOT_FOUND)
  projects(@Param('id', uuidParam('id')) id: string, @Query() query: PaginationQuery): Promise<Page<CampaignProjectDto>> {
    return this.boards.projects(id, query);
  }

  @Get(':id/leaderboard')
  @RequirePermission('campaigns.read')
  @ApiOperation({
    summary:
      'Leaderboard by team or officer: every rostered member, ranked (rule in rankingRule). Live until frozen; then the snapshot (frozen: true, frozenAt)',
  })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: CampaignLeaderboardDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming by' })
  @ApiNotFoundResponse(NOT_FOUND)
  leaderboard(@Param('id', uuidParam('id')) id: string, @Query() query: LeaderboardQuery): Promise<CampaignLeaderboardDto> {
    return this.boards.leaderboard(id, query.by);
  }

  @Post(':id/snapshot')
  @RequirePermission('campaigns.manage')
  @ApiOperation({ summary: '封榜: freeze both leaderboards, once, from the day after endsOn (Asia/Shanghai); audited' })
  @ApiParam(ID_PARAM)
  @ApiCreatedResponse({ type: CampaignSnapshotDto })
  @ApiForbiddenResponse(FORBIDDEN)
  @ApiNotFoundResponse(NOT_FOUND)
  @ApiConflictResponse({ description: 'CAMPAIGN_NOT_ENDED before the period is over; CAMPAIGN_FROZEN when already frozen' })
  snapshot(@Param('id', uuidParam('id')) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<CampaignSnapshotDto> {
    return this.boards.snapshot(id, caller);
  }
}
