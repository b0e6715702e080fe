import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { RequirePermission } from '../../common/auth/require-permission.decorator';
import { bigintIdParam } from './bigint-id.pipe';
import { DepartmentWebhooksService } from './department-webhooks.service';
import {
  CreateDepartmentWebhookDto,
  CreatedDepartmentWebhookDto,
  DepartmentWebhookDto,
  DepartmentWebhookListDto,
  UpdateDepartmentWebhookDto,
} from './dto/department-webhook.dto';

/** 部门群机器人: where a department's alerts are posted (generic JSON, WeCom or DingTalk robots). */
@ApiTags('admin: department webhooks')
@ApiBearerAuth()
@Controller('admin/department-webhooks')
export class DepartmentWebhooksController {
  constructor(private readonly webhooks: DepartmentWebhooksService) {}

  @Get()
  @RequirePermission('department_webhooks.manage')
  @ApiOperation({ summary: 'Every department webhook (secrets shown only as a hint)' })
  @ApiOkResponse({ type: DepartmentWebhookListDto })
  list(): Promise<DepartmentWebhookListDto> {
    return this.webhooks.list();
  }

  @Post()
  @RequirePermission('department_webhooks.manage')
  @ApiOperation({ summary: 'Add a webhook to a department; the response is the only one showing the secret. Audited' })
  @ApiCreatedResponse({ type: CreatedDepartmentWebhookDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiConflictResponse({ description: 'WRONG_STAGE: the department already has this url' })
  create(@Body() body: CreateDepartmentWebhookDto, @CurrentUser() caller: AuthenticatedUser): Promise<CreatedDepartmentWebhookDto> {
    return this.webhooks.create(body, caller);
  }

  @Put(':id')
  @RequirePermission('department_webhooks.manage')
  @ApiOperation({ summary: 'Replace department, url and format; rotate the secret or (de)activate when given. Audited' })
  @ApiParam({ name: 'id', example: '3' })
  @ApiOkResponse({ type: DepartmentWebhookDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the field' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'WRONG_STAGE: the department already has this url' })
  update(
    @Param('id', bigintIdParam('id')) id: string,
    @Body() body: UpdateDepartmentWebhookDto,
    @CurrentUser() caller: AuthenticatedUser,
  ): Promise<DepartmentWebhookDto> {
    return this.webhooks.update(id, body, caller);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('department_webhooks.manage')
  @ApiOperation({ summary: 'Remove a webhook; rows still waiting for it are skipped. Audited' })
  @ApiParam({ name: 'id', example: '3' })
  @ApiNoContentResponse({ description: 'removed' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  async remove(@Param('id', bigintIdParam('id')) id: string, @CurrentUser() caller: AuthenticatedUser): Promise<void> {
    await this.webhooks.remove(id, caller);
  }
}
