import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATION_CHANNELS, type NotificationChannelName } from '@zs/contracts';
import { ERROR_CODES } from '@zs/domain';
import { UserEntity } from '@zs/persistence';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { NotificationPreferencesDto, UpdateNotificationPreferencesDto } from './dto/notification-preferences.dto';
import { CHANNEL_LABELS } from './outbox-labels';

/** The caller's own alert channels and e-mail address. */
@Injectable()
export class NotificationPreferencesService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async get(caller: AuthenticatedUser): Promise<NotificationPreferencesDto> {
    return toView(await this.userOf(caller));
  }

  async update(caller: AuthenticatedUser, dto: UpdateNotificationPreferencesDto): Promise<NotificationPreferencesDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(UserEntity);
      const user = await repo.findOne({ where: { id: caller.id, active: true }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw new ApiException(ERROR_CODES.NOT_FOUND, 'your account was not found or is inactive');
      const email = dto.email === undefined ? user.email : dto.email === null ? null : dto.email.trim();
      if (dto.channels.includes('email') && !email) {
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, 'email is required when channels include email', [
          { field: 'email', message: 'email is required when channels include email' },
        ]);
      }
      // Stored in the canonical order, so the same choice always reads the same.
      const channels = NOTIFICATION_CHANNELS.filter((c) => dto.channels.includes(c));
      await repo.update({ id: user.id }, { preferredChannels: channels, email });
      return toView({ ...user, preferredChannels: channels, email });
    });
  }

  private async userOf(caller: AuthenticatedUser): Promise<UserEntity> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id: caller.id, active: true });
    if (!user) throw new ApiException(ERROR_CODES.NOT_FOUND, 'your account was not found or is inactive');
    return user;
  }
}

function toView(user: Pick<UserEntity, 'preferredChannels' | 'email'>): NotificationPreferencesDto {
  const channels = user.preferredChannels as NotificationChannelName[];
  return { channels, channelLabels: channels.map((c) => CHANNEL_LABELS[c] ?? c), email: user.email };
}
