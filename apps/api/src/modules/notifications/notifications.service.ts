import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { inboxWithReadMarks, markInboxItemRead, markInboxRead, unreadInboxCount, userDepartment, type Database, type InboxItem, type InboxReader } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { InboxQuery } from './dto/inbox.query';
import type { MarkedReadDto, NotificationPageDto, NotificationViewDto, UnreadCountDto } from './dto/notification-view.dto';

/**
 * The in-app inbox: alerts addressed to the caller's role (in their department, when one is named),
 * their department, or the caller by name; each reader marks them read for themselves.
 */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async inbox(caller: AuthenticatedUser, { page, pageSize, unread }: InboxQuery): Promise<NotificationPageDto> {
    const reader = await this.readerOf(caller);
    const { rows, total, unread: unreadCount } = await inboxWithReadMarks(this.db, reader, { page, pageSize, unreadOnly: unread === 'true' });
    return { items: rows.map(toView), total, page, pageSize, unreadCount };
  }

  async unreadCount(caller: AuthenticatedUser): Promise<UnreadCountDto> {
    return { unreadCount: await unreadInboxCount(this.db, await this.readerOf(caller)) };
  }

  /** Marks one alert of the caller's inbox read; 404 for an alert that is not theirs (or does not exist). */
  async markRead(caller: AuthenticatedUser, id: string): Promise<MarkedReadDto> {
    const reader = await this.readerOf(caller);
    const before = await unreadInboxCount(this.db, reader);
    if (!(await markInboxItemRead(this.db, reader, id))) {
      throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`您的消息中没有编号为 ${id} 的消息`, `notification ${id} is not in your inbox`));
    }
    const unreadCount = await unreadInboxCount(this.db, reader);
    return { marked: Math.max(0, before - unreadCount), unreadCount };
  }

  async markAllRead(caller: AuthenticatedUser): Promise<MarkedReadDto> {
    const reader = await this.readerOf(caller);
    const marked = await markInboxRead(this.db, reader);
    return { marked, unreadCount: await unreadInboxCount(this.db, reader) };
  }

  /** The department is read now, not from the token: a transfer between departments takes effect at once. */
  private async readerOf(caller: AuthenticatedUser): Promise<InboxReader> {
    return { role: caller.role, userId: caller.id, department: await userDepartment(this.db, caller.id) };
  }
}

function toView(n: InboxItem): NotificationViewDto {
  return {
    id: n.id,
    projectId: n.projectId,
    recipientRole: n.recipientRole,
    recipientDepartment: n.recipientDepartment,
    recipientUserId: n.recipientUserId,
    kind: n.kind,
    level: n.level,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
    read: n.readAt !== null,
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
