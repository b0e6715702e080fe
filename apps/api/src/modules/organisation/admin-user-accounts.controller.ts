import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
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
import { PageDtoOf } from '../../common/http/page.dto';
import { uuidParam } from '../../common/validation/uuid-param.pipe';
import { AdminUserViewDto, CreatedUserDto, CreateUserDto, ListUsersQuery, OrgActionDto, UpdateUserDto } from './dto/admin-user.dto';
import { UserAccountsService } from './user-accounts.service';

const AdminUserPageDto = PageDtoOf(AdminUserViewDto, 'AdminUserPageDto');

/** 账号管理 (issue 10): list, create, edit, deactivate and reactivate accounts; reset-password and revoke-tokens stay in the auth module. */
@ApiTags('admin: users')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUserAccountsController {
  constructor(private readonly users: UserAccountsService) {}

  @Get()
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Accounts by username, paged; filter by role, department, active, or part of the username or name (q)' })
  @ApiOkResponse({ type: AdminUserPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: ListUsersQuery): Promise<Page<AdminUserViewDto>> {
    return this.users.list(query);
  }

  @Get(':id')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'One account' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  get(@Param('id', uuidParam('id')) id: string): Promise<AdminUserViewDto> {
    return this.users.get(id);
  }

  @Post()
  @Header('Cache-Control', 'no-store')
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Create an account with a temporary password (answered once) that must be changed at the first login; audited' })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field (unknown department or team, bad username or e-mail)' })
  @ApiConflictResponse({ description: 'ALREADY_EXISTS: the username is taken' })
  create(@Body() body: CreateUserDto, @CurrentUser() caller: AuthenticatedUser): Promise<CreatedUserDto> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  // Every field is optional: an empty body changes nothing and records nothing (org-audit.ts).
  @ApiBody({ type: UpdateUserDto, required: false })
  @RequirePermission('users.manage')
  @ApiOperation({ summary: "Edit name, e-mail, role or department; a new role revokes the account's tokens, a new department applies from the next request; audited" })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateUserDto, @CurrentUser() caller: AuthenticatedUser): Promise<AdminUserViewDto> {
    return this.users.update(caller, id, body);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Deactivate the account: it can no longer sign in and every token stops working at once; audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  deactivate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<AdminUserViewDto> {
    return this.users.setActive(caller, id, false, body?.reason);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('users.manage')
  @ApiOperation({ summary: 'Reactivate the account (earlier tokens stay revoked); audited' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: OrgActionDto, required: false })
  @ApiOkResponse({ type: AdminUserViewDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  activate(@Param('id', uuidParam('id')) id: string, @Body() body: OrgActionDto, @CurrentUser() caller: AuthenticatedUser): Promise<AdminUserViewDto> {
    return this.users.setActive(caller, id, true, body?.reason);
  }
}
