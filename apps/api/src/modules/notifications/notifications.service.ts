import { Inject, Injectable } from '@nestjs/common';
import { NotificationEntity, UserEntity } from '@zs/persistence';
import { DataSource, IsNull, type FindOptionsWhere } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import type { PaginationQuery } from '../../common/validation/pagination.query';
import type { NotificationViewDto } from './dto/notification-view.dto';

/** The in-app inbox: alerts addressed to the caller's role (in their department, when one is named), their department, or the caller by name. */
@Injectable()
export class NotificationsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async inbox(caller: AuthenticatedUser, { page, pageSize }: PaginationQuery): Promise<Page<NotificationViewDto>> {
    // The department is read now, not from the token: a transfer between departments takes effect at once.
    const user = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: caller.id }, select: { id: true, department: true } });
    const department = user?.department ?? null;
    const where: FindOptionsWhere<NotificationEntity>[] = [
      // The role's broadcast alerts (any department's when none is named), and the ones addressed to this person by name.
      { recipientRole: caller.role, recipientDepartment: IsNull(), recipientUserId: IsNull() },
      { recipientUserId: caller.id },
    ];
    if (department) {
      where.push(
        { recipientRole: caller.role, recipientDepartment: department, recipientUserId: IsNull() },
        // Addressed to the whole department (e.g. its daily digest).
        { recipientRole: IsNull(), recipientDepartment: department, recipientUserId: IsNull() },
      );
    }
    const [rows, total] = await this.dataSource.getRepository(NotificationEntity).findAndCount({
      where,
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
