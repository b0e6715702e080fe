import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { OrgActionDto } from './dto/admin-user.dto';
import { CreateTeamDto, ListTeamsQuery, UpdateTeamDto, TeamViewDto } from './dto/team.dto';
import { TeamsService } from './teams.service';

/** 小分队管理 (issue 10): teams within a department or a campaign, with their members and leader. */
@ApiTags('admin: organisation')
@ApiBearerAuth()
@Controller('admin/teams')
export class AdminTeamsController {
  constructor(private readonly service: TeamsService) {}

  @Get()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Teams by name; filter by department, campaign and active' })
  @ApiOkResponse({ type: [TeamViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: ListTeamsQuery): Promise<TeamViewDto[]> {
    return this.service.list(query);
  }

  @Get(':id')
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'One team' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<TeamViewDto> {
    return this.service.get(id);
  }

  @Post()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Register a team; audited' })
  @ApiCreatedResponse({ type: TeamViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  create(@Body() body: CreateTeamDto, @CurrentUser() caller: AuthenticatedUser): Promise<TeamViewDto> {
    return this.service.create(caller, body);
  }

  @Patch(':id')
  // Every field is optional: an empty body changes nothing and records nothing (org-audit.ts).
  @ApiBody({ type: UpdateTeamDto, required: false })
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Edit a team (only the fields given); audited with before and after' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateTeamDto, @CurrentUser() caller: AuthenticatedUser): Promise<TeamViewDto> {
    return this.service.update(caller, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Stop using a team (kept for the record); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  deactivate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<TeamViewDto> {
    return this.service.setActive(caller, id, false, body?.reason);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Use a deactivated team again; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: TeamViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  activate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<TeamViewDto> {
    return this.service.setActive(caller, id, true, body?.reason);
  }
}
