import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { DepartmentsService } from './departments.service';
import { DepartmentViewDto, ListDepartmentsQuery } from './dto/department.dto';
import { IndustryChainViewDto, ListIndustryChainsQuery } from './dto/industry-chain.dto';
import { ListTeamsQuery, TeamViewDto } from './dto/team.dto';
import { IndustryChainsService } from './industry-chains.service';
import { TeamsService } from './teams.service';

/** The organisation as every member of staff may read it (pick lists: departments, teams, chains). */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrgReadController {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly teams: TeamsService,
    private readonly chains: IndustryChainsService,
  ) {}

  @Get('departments')
  @RequirePermission('org.read')
  @ApiOperation({ summary: 'Departments (bureaus, 直属部门, external departments receiving service requests); filter by kind and active' })
  @ApiOkResponse({ type: [DepartmentViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  listDepartments(@Query() query: ListDepartmentsQuery): Promise<DepartmentViewDto[]> {
    return this.departments.list(query);
  }

  @Get('teams')
  @RequirePermission('org.read')
  @ApiOperation({ summary: 'Teams (小分队) with members and leader; filter by department, campaign and active' })
  @ApiOkResponse({ type: [TeamViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  listTeams(@Query() query: ListTeamsQuery): Promise<TeamViewDto[]> {
    return this.teams.list(query);
  }

  @Get('industry-chains')
  @RequirePermission('org.read')
  @ApiOperation({ summary: 'The registry of industry chains (八链两组一室) with 链长 and 分链长; filter by active' })
  @ApiOkResponse({ type: [IndustryChainViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  listIndustryChains(@Query() query: ListIndustryChainsQuery): Promise<IndustryChainViewDto[]> {
    return this.chains.list(query);
  }
}
