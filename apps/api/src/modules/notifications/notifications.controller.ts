import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import type { Page } from '../../common/http/page';
import { PaginationQuery } from '../../common/validation/pagination.query';
import { NotificationPageDto, type NotificationViewDto } from './dto/notification-view.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiOperation({ summary: "The caller's in-app inbox (alerts addressed to their role, their department or them by name), newest first" })
  @ApiOkResponse({ type: NotificationPageDto })
  inbox(@CurrentUser() caller: AuthenticatedUser, @Query() query: PaginationQuery): Promise<Page<NotificationViewDto>> {
    return this.notifications.inbox(caller, query);
  }
}
