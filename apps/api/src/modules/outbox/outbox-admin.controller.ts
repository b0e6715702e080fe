import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
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
import { bigintIdParam } from './bigint-id.pipe';
import { ListOutboxQuery } from './dto/list-outbox.query';
import { OutboxEntryDto, OutboxPageDto } from './dto/outbox-entry.dto';
import { RetryOutboxDto } from './dto/retry-outbox.dto';
import { OutboxAdminService } from './outbox-admin.service';

/** 消息投递: the e-mail and webhook outbox, for administrators. */
@ApiTags('admin: notification outbox')
@ApiBearerAuth()
@Controller('admin/outbox')
export class OutboxAdminController {
  constructor(private readonly outbox: OutboxAdminService) {}

  @Get()
  @RequirePermission('outbox.manage')
  @ApiOperation({ summary: 'Outbox rows, newest first; by status (dead_letter: failed for good), channel and event' })
  @ApiOkResponse({ type: OutboxPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  list(@Query() query: ListOutboxQuery): Promise<Page<OutboxEntryDto>> {
    return this.outbox.list(query);
  }

  @Post(':id/retry')
  @HttpCode(200)
  @RequirePermission('outbox.manage')
  @ApiOperation({ summary: 'Re-queue a dead letter (attempts reset; same key, so receivers can still drop a duplicate). Recorded in the admin audit log' })
  @ApiParam({ name: 'id', example: '42' })
  @ApiBody({ type: RetryOutboxDto, required: false })
  @ApiOkResponse({ type: OutboxEntryDto })
  @ApiNotFoundResponse({ description: 'NOT_FOUND' })
  @ApiConflictResponse({ description: 'WRONG_STAGE: the row is not a dead letter' })
  retry(@Param('id', bigintIdParam('id')) id: string, @Body() body: RetryOutboxDto, @CurrentUser() caller: AuthenticatedUser): Promise<OutboxEntryDto> {
    return this.outbox.retry(id, caller, body?.reason);
  }
}
