import { Inject, Injectable } from '@nestjs/common';
import { NotificationEntity } from '@zs/persistence';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { PaginationQuery } from '../../common/validation/pagination.query';
import type { NotificationViewDto } from './dto/notification-view.dto';

/** The in-app inbox: alerts are addressed to a role, so a caller sees their role's alerts. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async inbox(caller: AuthenticatedUser, { page, pageSize }: PaginationQuery): Promise<Page<NotificationViewDto>> {
    const [rows, total] = await this.dataSource.getRepository(NotificationEntity).findAndCount({
      where: { recipientRole: caller.role },
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
    kind: n.kind,
    level: n.level,
    title: n.title,
    body: n.body,
    data: n.data,
    createdAt: n.createdAt.toISOString(),
  };
}
