import { Inject, Injectable } from '@nestjs/common';
import { inboxPage, userDepartment, type Database, type NotificationEntity } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { PaginationQuery } from '../../common/validation/pagination.query';
import type { NotificationViewDto } from './dto/notification-view.dto';

/** The in-app inbox: alerts addressed to the caller's role (in their department, when one is named), their department, or the caller by name. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async inbox(caller: AuthenticatedUser, { page, pageSize }: PaginationQuery): Promise<Page<NotificationViewDto>> {
    // The department is read now, not from the token: a transfer between departments takes effect at once.
    const department = await userDepartment(this.db, caller.id);
    const { rows, total } = await inboxPage(this.db, { role: caller.role, userId: caller.id, department }, page, pageSize);
    return { items: rows.map(toView), total, page, pageSize };
  }
}

function toView(n: NotificationEntity): NotificationViewDto {
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
  };
}
