import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiBody, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { OrgActionDto } from './dto/admin-user.dto';
import { CreateDepartmentDto, ListDepartmentsQuery, UpdateDepartmentDto, DepartmentViewDto } from './dto/department.dto';
import { DepartmentsService } from './departments.service';

/** 部门管理 (issue 10): the bureaus, 直属部门 and external departments, with their hierarchy. */
@ApiTags('admin: organisation')
@ApiBearerAuth()
@Controller('admin/departments')
export class AdminDepartmentsController {
  constructor(private readonly service: DepartmentsService) {}

  @Get()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Departments by kind then code; filter by kind and active' })
  @ApiOkResponse({ type: [DepartmentViewDto] })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: ListDepartmentsQuery): Promise<DepartmentViewDto[]> {
    return this.service.list(query);
  }

  @Get(':id')
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'One department' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DepartmentViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<DepartmentViewDto> {
    return this.service.get(id);
  }

  @Post()
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Register a department; audited' })
  @ApiCreatedResponse({ type: DepartmentViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  create(@Body() body: CreateDepartmentDto, @CurrentUser() caller: AuthenticatedUser): Promise<DepartmentViewDto> {
    return this.service.create(caller, body);
  }

  @Patch(':id')
  // Every field is optional: an empty body changes nothing and records nothing (org-audit.ts).
  @ApiBody({ type: UpdateDepartmentDto, required: false })
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Edit a department (only the fields given); audited with before and after' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DepartmentViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS naming the field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateDepartmentDto, @CurrentUser() caller: AuthenticatedUser): Promise<DepartmentViewDto> {
    return this.service.update(caller, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Stop using a department (kept for the record); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: DepartmentViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  deactivate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<DepartmentViewDto> {
    return this.service.setActive(caller, id, false, body?.reason);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('org.manage')
  @ApiOperation({ summary: 'Use a deactivated department again; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: DepartmentViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  activate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<DepartmentViewDto> {
    return this.service.setActive(caller, id, true, body?.reason);
  }
}
