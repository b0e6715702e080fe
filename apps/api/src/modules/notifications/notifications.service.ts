import { Inject, Injectable } from '@nestjs/common';
import { NotificationEntity } from '@zs/persistence';
import { DataSource, IsNull } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { PaginationQuery } from '../../common/validation/pagination.query';
import type { NotificationViewDto } from './dto/notification-view.dto';

/** The in-app inbox: alerts addressed to the caller's role, or to the caller by name. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async inbox(caller: AuthenticatedUser, { page, pageSize }: PaginationQuery): Promise<Page<NotificationViewDto>> {
    const [rows, total] = await this.dataSource.getRepository(NotificationEntity).findAndCount({
      // The role's broadcast alerts, and the ones addressed to this person by name.
      where: [
        { recipientRole: caller.role, recipientUserId: IsNull() },
        { recipientUserId: caller.id },
      ],
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: rows.map(toView), total, page, pageSize };
  }
}

function toView(n: NotificationEntity): NotificationViewDto {
  return {
    id: n.id,
    projectId: n.projectId,
    recipientRole: n.recipientRole,
    recipientUserId: n.recipientUserId,
    kind: n.kind,
    level: n.level,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
  };
}
