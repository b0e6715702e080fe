import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CHANNELS, type NotificationChannelName } from '@zs/contracts';
import { ERROR_CODES, localized } from '@zs/domain';
import {
  inTransaction,
  lockNotificationPreferences,
  notificationPreferencesOf,
  saveNotificationPreferences,
  type Database,
  type NotificationPreferences,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException, fieldRefusal } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { CHANNEL_LABELS } from './outbox-labels';

/** The caller's own alert channels and e-mail address. */
@Injectable()
export class NotificationPreferencesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async get(caller: AuthenticatedUser): Promise<NotificationPreferencesDto> {
    const preferences = await notificationPreferencesOf(this.db, caller.id);
    if (!preferences) throw accountNotFound();
    return toView(preferences);
  }

  async update(caller: AuthenticatedUser, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return inTransaction(this.db, async (tx) => {
      const current = await lockNotificationPreferences(tx, caller.id);
      if (!current) throw accountNotFound();
      const email = dto.email === undefined ? current.email : dto.email === null ? null : dto.email.trim();
      if (dto.channels.includes('email') && !email) {
        throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'email', localized('选择电子邮件渠道时须填写{field}', '{field} is required when channels include email'));
      }
      // Stored in the canonical order, so the same choice always reads the same.
      const channels = NOTIFICATION_CHANNELS.filter((c) => dto.channels.includes(c));
      await saveNotificationPreferences(tx, caller.id, { channels, email });
      return toView({ channels, email });
    });
  }
}

function accountNotFound(): ApiException {
  return new ApiException(ERROR_CODES.NOT_FOUND, localized('您的账号不存在或已停用', 'your account was not found or is inactive'));
}

function toView(preferences: NotificationPreferences): NotificationPreferencesDto {
  const channels = preferences.channels as NotificationChannelName[];
  return { channels, channelLabels: channels.map((c) => CHANNEL_LABELS[c] ?? c), email: preferences.email };
}
