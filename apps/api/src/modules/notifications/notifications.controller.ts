import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { bigintIdParam } from '../outbox/bigint-id.pipe';
import { InboxQuery } from './dto/inbox.query';
import { MarkedReadDto, NotificationPageDto, UnreadCountDto } from './dto/notification-view.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app inbox (alerts addressed to their role, their department or them by name), newest first, each with the caller's read mark; unread=true for the unread ones only" })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming the parameter' })
  inbox(@CurrentUser() caller: AuthenticatedUser, @Query() query: InboxQuery): Promise<NotificationPageDto> {
    return this.notifications.inbox(caller, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many alerts of the caller's inbox they have not read (the menu badge)" })
  @ApiOkResponse({ type: UnreadCountDto })
  unreadCount(@CurrentUser() caller: AuthenticatedUser): Promise<UnreadCountDto> {
    return this.notifications.unreadCount(caller);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks every alert of the caller's inbox read (for the caller only)" })
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@CurrentUser() caller: AuthenticatedUser): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(caller);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks one alert of the caller's inbox read, for the caller only (again: no change)" })
  @ApiParam({ name: 'id', example: '42' })
  @ApiOkResponse({ type: MarkedReadDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: id is not a positive whole number' })
  @ApiNotFoundResponse({ description: "NOT_FOUND: no such alert in the caller's inbox" })
  markRead(@CurrentUser() caller: AuthenticatedUser, @Param('id', bigintIdParam('id')) id: string): Promise<MarkedReadDto> {
    return this.notifications.markRead(caller, id);
  }
}
