import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { OrgActionDto } from './dto/admin-user.dto';
import { CreateIndustryChainDto, ListIndustryChainsQuery, UpdateIndustryChainDto, IndustryChainViewDto } from './dto/industry-chain.dto';
import { IndustryChainsService } from './industry-chains.service';

/** 产业链登记 (issue 10): 八链两组一室 with their 链长 and 分链长. */
@ApiTags('admin: organisation')
@ApiBearerAuth()
@Controller('admin/industry-chains')
export class AdminIndustryChainsController {
  constructor(private readonly service: IndustryChainsService) {}

  @Get()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Industry chains in their order; filter by active' })
  @ApiOkResponse({ type: [IndustryChainViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: ListIndustryChainsQuery): Promise<IndustryChainViewDto[]> {
    return this.service.list(query);
  }

  @Get(':id')
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'One industry chain' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: IndustryChainViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<IndustryChainViewDto> {
    return this.service.get(id);
  }

  @Post()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Register a industry chain; audited' })
  @ApiCreatedResponse({ type: IndustryChainViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  create(@Body() body: CreateIndustryChainDto, @CurrentUser() caller: AuthenticatedUser): Promise<IndustryChainViewDto> {
    return this.service.create(caller, body);
  }

  @Patch(':id')
  // Every field is optional: an empty body changes nothing and records nothing (org-audit.ts).
  @ApiBody({ type: UpdateIndustryChainDto, required: false })
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Edit a industry chain (only the fields given); audited with before and after' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: IndustryChainViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateIndustryChainDto, @CurrentUser() caller: AuthenticatedUser): Promise<IndustryChainViewDto> {
    return this.service.update(caller, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Stop using a industry chain (kept for the record); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: IndustryChainViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  deactivate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<IndustryChainViewDto> {
    return this.service.setActive(caller, id, false, body?.reason);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Use a deactivated industry chain again; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: IndustryChainViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  activate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<IndustryChainViewDto> {
    return this.service.setActive(caller, id, true, body?.reason);
  }
}
