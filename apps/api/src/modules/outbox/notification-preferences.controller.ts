import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { CurrentUser } from '../../common/auth/current-user.decorator';
import { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { NotificationPreferencesService } from './notification-preferences.service';

/** Every member of staff chooses how alerts reach them. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('me/notification-preferences')
export class NotificationPreferencesController {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Get()
  @ApiOperation({ summary: "The caller's alert channels and e-mail address" })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  get(@CurrentUser() caller: AuthenticatedUser): Promise<NotificationPreferencesDto> {
    return this.preferences.get(caller);
  }

  @Put()
  @ApiOperation({ summary: 'Choose alert channels (in_app always; email needs an address) and set or clear the e-mail address' })
  @ApiOkResponse({ type: NotificationPreferencesDto })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED naming channels or email' })
  update(@CurrentUser() caller: AuthenticatedUser, @Body() body: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.preferences.update(caller, body);
  }
}
